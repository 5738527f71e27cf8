import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { ExecOutcome, Platform } from './types';

/** The desktop and remote extension hosts (Node). The web build replaces this module by `./web.ts`. */
export const platform: Platform = {
  canSpawn: true,
  defaultPython: process.platform === 'win32' ? 'python' : 'python3',
  nonce: () => randomBytes(16).toString('base64'),
  execFile: (file, args, { timeoutMs, maxOutputBytes, signal }) =>
    new Promise<ExecOutcome>((done) => {
      const options = { timeout: timeoutMs, maxBuffer: maxOutputBytes, windowsHide: true, signal };
      execFile(file, [...args], options, (error, stdout, stderr) => {
        done(error ? { ok: false, failure: error, stderr } : { ok: true, stdout });
      });
    }),
};
