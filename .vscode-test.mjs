// @vscode/test-cli (`npx vscode-test`) for machines that can download VS Code desktop: runs the same
// test/integration suites as the VS Code server harness (`npm run test:integration`), in the oldest VS Code the
// extension supports and in the current stable one. Build first:
//   npm run build && node scripts/vscode-server/build-tests.mjs && npx vscode-test
import { defineConfig } from '@vscode/test-cli';

const common = {
  files: 'out/test/integration/**/*.test.js',
  workspaceFolder: './sample-workspace',
  // The test-only debug type the debugger suite starts (the server harness installs it instead).
  extensionDevelopmentPath: ['.', './test/fixtures/debugpy-extension'],
  mocha: { ui: 'bdd', timeout: 30_000, color: true },
};

export default defineConfig([
  { ...common, label: 'minimum', version: '1.85.0' },
  { ...common, label: 'stable', version: 'stable' },
]);
