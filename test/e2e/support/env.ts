// What scripts/vscode-server/run-e2e.mjs passes to the e2e tests.
import { join } from 'node:path';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the e2e tests with \`npm run test:e2e\``);
  return value;
}

export const env = {
  /** Web client URL: the sample workspace, the extension under development loaded. */
  get url(): string {
    return required('LOSS_LENS_E2E_URL');
  },
  /** The copy of the sample workspace the window opens (a path on this machine). */
  get workspaceFolder(): string {
    const folder = new URL(required('LOSS_LENS_E2E_URL')).searchParams.get('folder');
    if (!folder) throw new Error('LOSS_LENS_E2E_URL opens no folder');
    return folder;
  },
  get chromium(): string {
    return process.env.CHROMIUM ?? '/usr/bin/chromium';
  },
  artifact(name: string): string {
    return join(process.env.LOSS_LENS_ARTIFACTS ?? 'test-artifacts', name);
  },
};
