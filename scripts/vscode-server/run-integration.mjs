// Runs test/integration in the extension host of a real VS Code (the server from `code-server`, its web
// client in headless Chromium). Exit code = the tests' exit code.
// usage: node scripts/vscode-server/run-integration.mjs [--no-build] [--grep PATTERN]
// env: LOSS_LENS_TEST_TIMEOUT (s, default 600), LOSS_LENS_KEEP_LOGS=1
import { join } from 'node:path';
import { buildIntegrationTests } from './build-tests.mjs';
import { ARTIFACTS, OUT_INTEGRATION, REPO, SAMPLE_WORKSPACE, TEST_DEBUG_EXTENSION } from './paths.mjs';
import { prepareRun, runAsMain } from './runner.mjs';
import { copyWorkspace, remoteUri, startServer } from './server.mjs';
import { runTestSession } from './session.mjs';

const argv = process.argv.slice(2);
const grepAt = argv.indexOf('--grep');
const grep = grepAt >= 0 ? argv[grepAt + 1] : (process.env.LOSS_LENS_TEST_GREP ?? '');
const timeoutMs = Number(process.env.LOSS_LENS_TEST_TIMEOUT ?? 600) * 1000;

async function main() {
  const t0 = Date.now();
  if (!prepareRun(argv)) return 1;
  const files = await buildIntegrationTests();
  console.log(`[harness] ${files.length} integration files bundled to ${OUT_INTEGRATION}`);
  // The extension host inherits the server's environment: that is how options reach the tests.
  const env = {
    LOSS_LENS_TEST_GREP: grep,
    LOSS_LENS_ARTIFACTS: ARTIFACTS,
    LOSS_LENS_SAMPLE_WORKSPACE: SAMPLE_WORKSPACE,
  };
  for (let attempt = 1; attempt <= 2; attempt++) {
    const server = await startServer({
      name: 'integration-server',
      env,
      extensions: [TEST_DEBUG_EXTENSION],
    });
    try {
      const outcome = await runTestSession(server, {
        name: 'integration',
        folder: copyWorkspace(server, SAMPLE_WORKSPACE),
        payload: [
          ['extensionDevelopmentPath', remoteUri(server, REPO)],
          ['extensionTestsPath', remoteUri(server, join(OUT_INTEGRATION, 'index.js'))],
        ],
        startTimeoutMs: 120_000,
        timeoutMs,
      });
      if (outcome.reason !== 'no-start') {
        console.log(
          `[harness] integration: exit ${outcome.code} in ${((Date.now() - t0) / 1000).toFixed(0)} s`,
        );
        return outcome.code;
      }
      console.error(`[harness] the extension host never started the tests (attempt ${attempt}/2)`);
    } finally {
      await server.stop();
    }
  }
  return 1;
}

runAsMain(main);
