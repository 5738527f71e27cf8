// Runs test/e2e (mocha + Playwright in Node) against a real VS Code server with the extension loaded.
// usage: node scripts/vscode-server/run-e2e.mjs [--no-build] [mocha args, e.g. --grep hover]
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ARTIFACTS, CHROMIUM, REPO, SAMPLE_WORKSPACE, TEST_DEBUG_EXTENSION } from './paths.mjs';
import { prepareRun, runAsMain } from './runner.mjs';
import { clientUrl, copyWorkspace, remoteUri, startServer } from './server.mjs';

const argv = process.argv.slice(2);
const mochaArgs = argv.filter((a) => a !== '--no-build');

function runMocha(env) {
  const mocha = join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const config = join(REPO, 'test', 'e2e', '.mocharc.json');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [mocha, '--config', config, ...mochaArgs], {
      cwd: REPO,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  const t0 = Date.now();
  if (!prepareRun(argv)) return 1;
  // The window opens in Dark Modern; the tests switch themes with the Color Theme picker.
  const server = await startServer({
    name: 'e2e-server',
    settings: { 'workbench.colorTheme': 'Dark Modern' },
    extensions: [TEST_DEBUG_EXTENSION],
  });
  try {
    const url = clientUrl(server, {
      folder: copyWorkspace(server, SAMPLE_WORKSPACE),
      payload: [['extensionDevelopmentPath', remoteUri(server, REPO)]],
    });
    const code = await runMocha({
      LOSS_LENS_E2E_URL: url,
      LOSS_LENS_ARTIFACTS: ARTIFACTS,
      CHROMIUM,
    });
    console.log(
      `[harness] e2e: exit ${code} in ${((Date.now() - t0) / 1000).toFixed(0)} s; screenshots in ${ARTIFACTS}`,
    );
    if (code !== 0) console.error(`[harness] server log: ${server.logFile}`);
    return code;
  } finally {
    await server.stop();
  }
}

runAsMain(main);
