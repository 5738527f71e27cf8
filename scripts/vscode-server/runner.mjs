// What run-integration.mjs and run-e2e.mjs (and start.mjs's build) share: setup, build, and the process's exit.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkChromium, ensureInstalled } from './install.mjs';
import { REPO } from './paths.mjs';

/** Runs scripts/build.mjs; true when it succeeded. */
export function buildExtension() {
  const build = spawnSync(process.execPath, [join(REPO, 'scripts', 'build.mjs')], {
    cwd: REPO,
    stdio: 'inherit',
  });
  return build.status === 0;
}

/** Installs the server and checks Chromium, then builds unless `--no-build` is in `argv`; false if the build failed. */
export function prepareRun(argv) {
  ensureInstalled();
  checkChromium();
  return argv.includes('--no-build') || buildExtension();
}

/** Runs `main` as the whole process: its resolved number is the exit code; 130/143 on SIGINT/SIGTERM, 1 on a throw. */
export function runAsMain(main) {
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));
  main().then(
    (code) => process.exit(code),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
