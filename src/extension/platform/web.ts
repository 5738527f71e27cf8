import type { Platform } from './types';

/** The browser extension host (vscode.dev, github.dev): Web Crypto for nonces, no processes. */
export const platform: Platform = {
  canSpawn: false,
  defaultPython: 'python3',
  nonce: () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16)))),
  execFile: async () => ({
    ok: false,
    failure: { name: 'Unsupported', message: 'starting processes needs a desktop or remote extension host' },
    stderr: '',
  }),
};
