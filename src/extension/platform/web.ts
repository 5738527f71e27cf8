import type { Platform } from './types';

/** The browser extension host (vscode.dev, github.dev): Web Crypto for nonces, no processes. */
export const platform: Platform = {
  canSpawn: false,
  defaultPython: 'python3',
  nonce: () => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16)))),
  sha256: async (text) => {
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
    return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
  },
  execFile: async () => ({
    ok: false,
    failure: { name: 'Unsupported', message: 'starting processes needs a desktop or remote extension host' },
    stderr: '',
  }),
};
