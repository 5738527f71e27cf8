// One browser session against a running server: opens the web client, forwards the extension host's test
// output, and resolves with the code the tests passed to `codeAutomationExit`.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchChromium } from './browser.mjs';
import { ARTIFACTS } from './paths.mjs';
import { clientUrl } from './server.mjs';

export const STARTED_MARKER = '[loss-lens:tests-started]';
/** Lines the tests print start with this; the rest of the workbench's console goes to a log file. */
export const OUTPUT_PREFIX = '[loss-lens] ';

/**
 * @param {{ url: string, host: string, logFile: string }} server
 * @param {{ name: string, folder: string, payload: string[][], startTimeoutMs: number, timeoutMs: number }} run
 * @returns {Promise<{ code: number, reason: 'exit' | 'no-start' | 'timeout' }>}
 */
export async function runTestSession(server, run) {
  const browser = await launchChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  const clientLog = join(ARTIFACTS, `${run.name}-client.log`);
  writeFileSync(clientLog, '');
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let started = false;
    let markStarted = () => {};
    const startedPromise = new Promise((resolve) => {
      markStarted = resolve;
    });
    const exited = new Promise((resolve) => {
      page.exposeFunction('codeAutomationExit', (code) => resolve(Number(code)));
    });
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = format(...(Array.isArray(args) ? args : [args]));
      if (line.includes(STARTED_MARKER)) {
        started = true;
        markStarted();
      }
      if (line.startsWith(OUTPUT_PREFIX)) console.log(line.slice(OUTPUT_PREFIX.length));
      else appendFileSync(clientLog, `[${type}] ${line}\n`);
    });
    page.on('pageerror', (e) => appendFileSync(clientLog, `[page error] ${e.message}\n`));
    await page.goto(clientUrl(server, { folder: run.folder, payload: run.payload }));
    const timer = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));
    const first = await Promise.race([
      startedPromise.then(() => 'started'),
      exited,
      timer(run.startTimeoutMs, 'no-start'),
    ]);
    let outcome;
    if (first === 'no-start' && !started) outcome = { code: 1, reason: 'no-start' };
    else if (typeof first === 'number') outcome = { code: first, reason: 'exit' };
    else {
      const code = await Promise.race([exited, timer(run.timeoutMs, 'timeout')]);
      outcome = code === 'timeout' ? { code: 1, reason: 'timeout' } : { code, reason: 'exit' };
    }
    if (outcome.code !== 0) {
      mkdirSync(ARTIFACTS, { recursive: true });
      const shot = join(ARTIFACTS, `${run.name}-failure.png`);
      await page.screenshot({ path: shot }).catch(() => {});
      console.error(
        `[harness] ${run.name}: ${outcome.reason}, exit code ${outcome.code}; screenshot ${shot}`,
      );
      console.error(`[harness] workbench console: ${clientLog}; server log: ${server.logFile}`);
      if (outcome.reason !== 'exit')
        console.error(`[harness] workbench console tail:\n${tail(clientLog, 30)}`);
    }
    return outcome;
  } finally {
    await browser.close().catch(() => {});
  }
}

function tail(file, lines) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
