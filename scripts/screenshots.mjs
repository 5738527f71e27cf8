// `npm run screenshots`: runs the dev e2e suite, which takes screenshots as it goes, and copies the ones the
// README shows from test-artifacts/ to media/screenshots/ (commit them when the UI changes).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, REPO } from './vscode-server/paths.mjs';

/** test-artifacts name → media/screenshots name */
const SHOWN = {
  'e2e-hover-class.png': 'hover.png',
  'e2e-playground-light.png': 'playground-light.png',
  'e2e-playground-dark.png': 'playground-dark.png',
  'e2e-compare.png': 'compare.png',
};

const run = spawnSync(
  process.execPath,
  [
    join(REPO, 'scripts', 'vscode-server', 'run-e2e.mjs'),
    '--suite',
    'dev',
    '--grep',
    'hover|playground|walkthrough',
  ],
  { cwd: REPO, stdio: 'inherit' },
);
if (run.status !== 0) process.exit(run.status ?? 1);
const target = join(REPO, 'media', 'screenshots');
mkdirSync(target, { recursive: true });
for (const [from, to] of Object.entries(SHOWN)) {
  copyFileSync(join(ARTIFACTS, from), join(target, to));
  console.log(`media/screenshots/${to}`);
}
