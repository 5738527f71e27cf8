// Starts the VS Code server (the one `code-server` ships) on a free port with throwaway data dirs.
// usage as a module: const server = await startServer({ settings }); …; await server.stop();
// usage from a shell: node scripts/vscode-server/server.mjs   (prints the URL, Ctrl-C stops it)
import { spawn } from 'node:child_process';
import {
  cpSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARTIFACTS, NODE24, SERVER_MAIN } from './paths.mjs';

const HOST = '127.0.0.1';

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not ready after ${timeoutMs} ms`);
}

function killTree(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const hard = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    child.once('exit', () => {
      clearTimeout(hard);
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM'); // the whole group: server, extension host, file watcher
    } catch {
      resolve();
    }
  });
}

/**
 * @param {{ name?: string, settings?: Record<string, unknown>, env?: Record<string, string>,
 *           dataRoot?: string, port?: number, readyTimeoutMs?: number, attempts?: number,
 *           extensions?: string[] }} options
 * `dataRoot`: keep user data, server data and extensions there (kept after stop); default a temp dir (removed).
 * `extensions`: extension folders installed beside the one under development (the web client's payload takes
 * one `extensionDevelopmentPath`), e.g. test/fixtures/debugpy-extension.
 * `beforeStart(dirs)`: runs once the data dirs exist, before the server starts (e.g. to install an extension).
 * `smokeTestDriver` (default true): lets the client URL's payload load an extension under development and tests;
 * it also hides notification toasts (they stay in the notification centre), so `npm start` turns it off.
 */
export async function startServer(options = {}) {
  const { name = 'server', settings = {}, env = {}, readyTimeoutMs = 60_000, attempts = 3 } = options;
  let lastError;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await startOnce(name, settings, env, options, readyTimeoutMs);
    } catch (e) {
      lastError = e;
      console.error(
        `[server] start attempt ${attempt}/${attempts} failed: ${e instanceof Error ? e.message : e}`,
      );
    }
  }
  throw lastError;
}

/** Copies each extension folder in and lists it in `extensions.json`, the installed-extensions manifest. */
function installExtensions(dir, folders) {
  const manifest = folders.map((folder) => {
    const { publisher, name, version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
    const relativeLocation = `${publisher}.${name}-${version}`;
    const location = join(dir, relativeLocation);
    cpSync(folder, location, { recursive: true });
    return {
      identifier: { id: `${publisher}.${name}` },
      version,
      location: { $mid: 1, path: location, scheme: 'file' },
      relativeLocation,
    };
  });
  if (manifest.length > 0) writeFileSync(join(dir, 'extensions.json'), JSON.stringify(manifest));
}

async function startOnce(name, settings, env, options, readyTimeoutMs) {
  const port = options.port ?? (await freePort());
  const root = options.dataRoot ?? mkdtempSync(join(tmpdir(), 'loss-lens-vscode-'));
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    serverData: join(root, 'server-data'),
    extensions: join(root, 'extensions'),
  };
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  mkdirSync(dirs.extensions, { recursive: true });
  installExtensions(dirs.extensions, options.extensions ?? []);
  try {
    options.beforeStart?.(dirs);
  } catch (e) {
    if (!options.dataRoot) rmSync(root, { recursive: true, force: true });
    throw e;
  }
  const userSettings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'files.autoSave': 'off',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // sample-workspace lies inside this repository: no "open the repository in the parent folder?" prompt
    'git.openRepositoryInParentFolders': 'never',
    ...settings,
  };
  writeSettings(join(dirs.userData, 'User', 'settings.json'), userSettings);
  mkdirSync(ARTIFACTS, { recursive: true });
  const logFile = join(ARTIFACTS, `${name}.log`);
  const log = createWriteStream(logFile);
  const args = [
    SERVER_MAIN,
    ...['--host', HOST, '--port', String(port)],
    '--without-connection-token',
    '--accept-server-license-terms',
    ...(options.smokeTestDriver === false ? [] : ['--enable-smoke-test-driver']),
    '--disable-telemetry',
    ...[
      '--user-data-dir',
      dirs.userData,
      '--server-data-dir',
      dirs.serverData,
      '--extensions-dir',
      dirs.extensions,
    ],
  ];
  const child = spawn(NODE24, args, {
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const onExit = () => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', onExit);
  const url = `http://${HOST}:${port}`;
  const stop = async () => {
    process.off('exit', onExit);
    await killTree(child);
    log.end();
    if (!options.dataRoot) rmSync(root, { recursive: true, force: true });
  };
  try {
    await waitUntilReady(url, child, readyTimeoutMs);
  } catch (e) {
    await stop();
    throw new Error(`${e instanceof Error ? e.message : e} (log: ${logFile})`);
  }
  return { url, host: `${HOST}:${port}`, port, dirs, logFile, stop };
}

/** Writes `settings`; in a kept profile, the values already there win and only missing keys are added. */
function writeSettings(file, settings) {
  let kept = {};
  if (existsSync(file)) {
    try {
      kept = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return; // edited by hand (comments): leave it as it is
    }
  }
  writeFileSync(file, JSON.stringify({ ...settings, ...kept }, null, 2));
}

/** A throwaway copy of the sample workspace, so tests can never change the repository's files. */
export function copyWorkspace(server, source) {
  const copy = join(server.dirs.root, 'workspace', basename(source));
  cpSync(source, copy, { recursive: true });
  return copy;
}

/** A vscode-remote URI for a path on the server's machine, as the web client's payload wants. */
export function remoteUri(server, path) {
  return `vscode-remote://${server.host}${path}`;
}

/** The web client URL opening `folder`, with the smoke-test payload (extension under development, tests). */
export function clientUrl(server, { folder, payload = [] }) {
  const all = [...payload, ['skipWelcome', 'true']];
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(all))}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await startServer();
  console.log(`VS Code server: ${server.url} (log ${server.logFile}); Ctrl-C stops it`);
  const quit = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', quit);
  process.on('SIGTERM', quit);
}
