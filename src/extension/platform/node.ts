import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExecFailure, ExecOptions, ExecOutcome, Platform } from './types';

/** How much of stderr is kept (its end, where the error is); a chatty process is not a failed one. */
export const STDERR_TAIL_CHARS = 4000;

const failed = (failure: ExecFailure, stderr = ''): ExecOutcome => ({ ok: false, failure, stderr });

/** The failure as Node's own errors name it (`code` ENOENT, `name` AbortError), never a throw. */
function asFailure(e: unknown): ExecFailure {
  if (e instanceof Error) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === undefined
      ? { name: e.name, message: e.message }
      : { name: e.name, message: e.message, code };
  }
  return { name: 'Error', message: String(e) };
}

function run(file: string, args: readonly string[], options: ExecOptions, cwd: string): Promise<ExecOutcome> {
  const { timeoutMs, maxOutputBytes, signal, stdin } = options;
  return new Promise((done) => {
    const child = spawn(file, [...args], { cwd, windowsHide: true, signal, stdio: 'pipe' });
    const stdout: Buffer[] = [];
    let stdoutBytes = 0;
    let stderr = '';
    let failure: ExecFailure | undefined;
    const stop = (why: ExecFailure) => {
      failure ??= why;
      child.kill();
    };
    const timer = setTimeout(
      () => stop({ name: 'Error', message: `no answer within ${timeoutMs} ms`, killed: true }),
      timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      if (stdoutBytes > maxOutputBytes)
        stop({ name: 'RangeError', message: `more than ${maxOutputBytes} bytes of output` });
      else stdout.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_TAIL_CHARS);
    });
    // The process may exit without reading its input (EPIPE): its exit status says what happened.
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin);
    child.on('error', (e) => {
      failure ??= asFailure(e);
    });
    child.on('close', (code, killedBy) => {
      clearTimeout(timer);
      if (!failure && code !== 0)
        failure = { name: 'Error', message: `exited with ${code ?? killedBy}`, code: code ?? null };
      done(failure ? failed(failure, stderr) : { ok: true, stdout: Buffer.concat(stdout).toString('utf8') });
    });
  });
}

/** The desktop and remote extension hosts (Node). The web build replaces this module by `./web.ts`. */
export const platform: Platform = {
  canSpawn: true,
  defaultPython: process.platform === 'win32' ? 'python' : 'python3',
  nonce: () => randomBytes(16).toString('base64'),
  sha256: async (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  execFile: async (file, args, options) => {
    let cwd: string | undefined;
    try {
      cwd = mkdtempSync(join(tmpdir(), 'loss-lens-'));
      return await run(file, args, options, cwd);
    } catch (e) {
      // spawn throws synchronously for some failures (E2BIG, a NUL in an argument); the promise still resolves.
      return failed(asFailure(e));
    } finally {
      if (cwd) rmSync(cwd, { recursive: true, force: true });
    }
  },
};
