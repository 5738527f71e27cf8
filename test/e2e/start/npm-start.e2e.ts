// `npm start` as a newcomer meets it: no display, a fresh profile, the URL opened in a browser.
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { until } from '../support/controls';
import { env } from '../support/env';
import { launch, openFile, runCommand, waitForWorkbench } from '../support/workbench';

const REPO = join(__dirname, '..', '..', '..');

/** What scripts/vscode-server/install.mjs recorded about building the server's native modules. */
function nativeModules(): string {
  const cache = process.env.LOSS_LENS_VSCODE_CACHE ?? join(REPO, '.vscode-test', 'server');
  try {
    return JSON.parse(readFileSync(join(cache, 'installed.json'), 'utf8')).native ?? 'not attempted';
  } catch {
    return 'no installed.json';
  }
}

describe('e2e: npm start', () => {
  let start: ChildProcess;
  let output = '';
  let profile: string;
  let browser: Browser;
  let page: Page;

  before(async () => {
    profile = mkdtempSync(join(tmpdir(), 'loss-lens-start-'));
    const { DISPLAY: _display, WAYLAND_DISPLAY: _wayland, ...noDisplay } = process.env;
    start = spawn(process.execPath, [join(REPO, 'scripts', 'vscode-server', 'start.mjs')], {
      cwd: REPO,
      env: { ...noDisplay, LOSS_LENS_START_PROFILE: profile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout?.on('data', (d) => {
      output += d;
    });
    start.stderr?.on('data', (d) => {
      output += d;
    });
    await until(
      async () => output,
      (o) => /http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+/.test(o) && /No display/.test(o),
      120_000,
    );
    ({ browser, page } = await launch());
    await page.goto(output.match(/http:\/\/127\.0\.0\.1:\d+\/\?folder=\S+/)?.[0] ?? '');
    await waitForWorkbench(page);
    // the startup editor opens a moment after the window; opening files before it would race it
    await page
      .locator('.tabs-container .tab', { hasText: /README/ })
      .first()
      .waitFor({ timeout: 30_000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed')
      await page?.screenshot({ path: env.artifact('e2e-start-failure.png') });
  });

  after(async () => {
    await browser?.close();
    if (start && start.exitCode === null) {
      const exited = new Promise((resolve) => start.once('exit', resolve));
      start.kill('SIGINT');
      await exited;
    }
    rmSync(profile, { recursive: true, force: true });
  });

  it('prints the URL and says that no browser opens without a display', () => {
    assert.match(output, /http:\/\/127\.0\.0\.1:\d+\/\?folder=/, output);
    assert.match(output, /No display here \(DISPLAY is not set\)/, output);
  });

  it('opens the sample workspace README on the first start, with no git prompt', async () => {
    await page
      .locator('.tabs-container .tab', { hasText: /README/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3000); // the git extension's prompt, if any, comes a moment after the window
    await page.screenshot({ path: env.artifact('e2e-start-first.png') });
    const toasts = await page.locator('.notification-toast').allTextContents();
    assert.ok(!toasts.some((t) => /parent folder/i.test(t)), toasts.join('\n'));
  });

  it('shows notification toasts (the smoke-test driver that hides them is off)', async () => {
    await openFile(page, 'playground_examples.py'); // the cursor at 1:1 is on no loss code
    await runCommand(page, 'Loss Lens: Explain Loss at Cursor');
    const toast = page.locator('.notification-toast', { hasText: 'put the cursor on loss code' }).first();
    await toast.waitFor({ timeout: 15_000 });
    await page.screenshot({ path: env.artifact('e2e-start-notification.png') });
  });

  it('logs its activation to the "Loss Lens" output channel', async function () {
    const native = nativeModules();
    if (native !== 'built') {
      console.log(`      skipped: log-backed Output channels need the server's spdlog build (${native})`);
      this.skip();
    }
    await openFile(page, 'train_classifier.py'); // activates the extension
    await runCommand(page, 'View: Toggle Output');
    const channels = page.locator('.panel select.monaco-select-box').first();
    await channels.waitFor();
    await channels.selectOption({ label: 'Loss Lens' });
    const view = page.locator('.output-view .view-lines, .panel .view-lines').first();
    const text = await until(
      async () => ((await view.textContent()) ?? '').replace(/\u00a0/g, ' '), // the editor draws spaces as nbsp
      (t) => /active in the/.test(t),
    );
    await page.screenshot({ path: env.artifact('e2e-start-output.png') });
    assert.match(text, /Loss Lens \d+\.\d+\.\d+ active in the Node extension host/, text);
  });
});
