// Runs the e2e suites (mocha + Playwright in Node), each against its own real VS Code server:
//   dev        test/e2e/*.e2e.ts            the repository loaded as the extension under development
//   installed  test/e2e/installed/*.e2e.ts  loss-lens.vsix (`npm run package`) installed with --install-extension
//   web        test/e2e/web/*.e2e.ts        the `browser` entry in the web worker extension host
//   start      test/e2e/start/*.e2e.ts      `npm start` (start.mjs starts its own server)
// usage: node scripts/vscode-server/run-e2e.mjs [--no-build] [--suite NAME] [mocha args, e.g. --grep hover]
// Without --no-build it builds the extension and, for the `installed` suite, the .vsix (`npm run package`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  ARTIFACTS,
  CHROMIUM,
  NODE24,
  REPO,
  SAMPLE_WORKSPACE,
  SERVER_MAIN,
  TEST_DEBUG_EXTENSION,
  VSIX,
} from './paths.mjs';
import { prepareRun, runAsMain } from './runner.mjs';
import { clientUrl, copyWorkspace, remoteUri, startServer } from './server.mjs';

const argv = process.argv.slice(2);
const suiteAt = argv.indexOf('--suite');
const only = suiteAt >= 0 ? argv[suiteAt + 1] : undefined;
const suiteArgs = suiteAt >= 0 ? [suiteAt, suiteAt + 1] : [];
const mochaArgs = argv.filter((a, i) => a !== '--no-build' && !suiteArgs.includes(i));

/** @type {{ name: string, ownServer?: boolean, payload?: (server: any) => string[][], settings?: object, beforeStart?: (dirs: any) => void, extensions?: string[] }[]} */
const SUITES = [
  {
    name: 'dev',
    payload: (server) => [['extensionDevelopmentPath', remoteUri(server, REPO)]],
    // The debugger suite's test-only debug type (test/fixtures/debugpy-extension).
    extensions: [TEST_DEBUG_EXTENSION],
  },
  {
    name: 'installed',
    payload: () => [],
    beforeStart: installVsix,
  },
  {
    name: 'web',
    payload: (server) => [['extensionDevelopmentPath', remoteUri(server, REPO)]],
    // The web client ignores the payload's `extensionDevelopmentKind` (only the desktop reads it); the user
    // setting `remote.extensionKind` is the equivalent that it does read.
    settings: { 'remote.extensionKind': { 'loss-lens.loss-lens': ['web'] } },
  },
  { name: 'start', ownServer: true },
];

/** What a user does with the package: `code --install-extension loss-lens.vsix`, here the server's CLI. */
function installVsix(dirs) {
  if (!existsSync(VSIX)) throw new Error(`${VSIX} is missing: run \`npm run package\` first`);
  const args = [SERVER_MAIN, '--install-extension', VSIX, '--accept-server-license-terms'];
  args.push(
    '--extensions-dir',
    dirs.extensions,
    '--user-data-dir',
    dirs.userData,
    '--server-data-dir',
    dirs.serverData,
  );
  const r = spawnSync(NODE24, args, { encoding: 'utf8' });
  if (r.status !== 0 || !/successfully installed/.test(r.stdout)) {
    throw new Error(`--install-extension failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
}

function runMocha(suite, env) {
  const mocha = join(REPO, 'node_modules', 'mocha', 'bin', 'mocha.js');
  const dir = suite === 'dev' ? '' : suite;
  const config = join(REPO, 'test', 'e2e', dir, '.mocharc.json');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [mocha, '--config', config, ...mochaArgs], {
      cwd: REPO,
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function runSuite(suite) {
  const t0 = Date.now();
  if (suite.ownServer) {
    const code = await runMocha(suite.name, { LOSS_LENS_ARTIFACTS: ARTIFACTS, CHROMIUM });
    console.log(`[harness] e2e ${suite.name}: exit ${code} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    return code;
  }
  // The window opens in Dark Modern; the tests switch themes with the Color Theme picker.
  const server = await startServer({
    name: `e2e-${suite.name}-server`,
    settings: { 'workbench.colorTheme': 'Dark Modern', ...suite.settings },
    beforeStart: suite.beforeStart,
    extensions: suite.extensions,
  });
  try {
    const url = clientUrl(server, {
      folder: copyWorkspace(server, SAMPLE_WORKSPACE),
      payload: suite.payload(server),
    });
    const code = await runMocha(suite.name, {
      LOSS_LENS_E2E_URL: url,
      LOSS_LENS_E2E_SUITE: suite.name,
      LOSS_LENS_ARTIFACTS: ARTIFACTS,
      CHROMIUM,
    });
    console.log(`[harness] e2e ${suite.name}: exit ${code} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    if (code !== 0) console.error(`[harness] server log: ${server.logFile}`);
    return code;
  } finally {
    await server.stop();
  }
}

/** `npm run package`: the production build and loss-lens.vsix, for the `installed` suite. */
function buildVsix() {
  return spawnSync('npm', ['run', 'package'], { cwd: REPO, stdio: 'inherit' }).status === 0;
}

async function main() {
  if (!prepareRun(argv)) return 1;
  const suites = SUITES.filter((s) => !only || s.name === only);
  if (suites.length === 0) throw new Error(`no e2e suite "${only}": ${SUITES.map((s) => s.name).join(', ')}`);
  const packaging = suites.some((s) => s.beforeStart === installVsix) && !argv.includes('--no-build');
  if (packaging && !buildVsix()) return 1;
  let failed = 0;
  for (const suite of suites) if ((await runSuite(suite)) !== 0) failed++;
  console.log(
    `[harness] e2e: ${suites.length - failed}/${suites.length} suites passed; screenshots in ${ARTIFACTS}`,
  );
  return failed === 0 ? 0 : 1;
}

runAsMain(main);
