// Activation cost of the bundled extension host: require + activate of the production dist/extension.js (built
// here, with `node scripts/build.mjs --production`, into a temporary directory) with a fake `vscode`.
// Goals: < 30 ms cold, bundle < 300 KB.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { anything, installFakeVscode } from '../test/extension/support/fakeVscode';
import { median, verdict } from './support';

const ROOT = join(__dirname, '..');
const ACTIVATION_GOAL_MS = 30;
const SIZE_GOAL_KB = 300;
const REPEATS = 20;

interface ExtensionModule {
  activate(context: unknown): void;
}

interface CompilableModule {
  exports: unknown;
  paths: string[];
  _compile(code: string, filename: string): void;
}
const moduleStatics = Module as unknown as { _nodeModulePaths(dir: string): string[] };

/** What `require` does for a .js file, minus the bench runner's TypeScript hook (which would transform it). */
function loadBundle(file: string): ExtensionModule {
  const bundle = new Module(file) as unknown as CompilableModule;
  bundle.paths = moduleStatics._nodeModulePaths(dirname(file));
  bundle._compile(readFileSync(file, 'utf8'), file);
  return bundle.exports as ExtensionModule;
}

/** Milliseconds to load the bundle afresh and activate it; disposes what activation registered. */
function requireAndActivate(file: string): number {
  const subscriptions: { dispose(): unknown }[] = [];
  const context = Object.assign(anything(), { subscriptions });
  const start = performance.now();
  const extension = loadBundle(file);
  extension.activate(context);
  const elapsed = performance.now() - start;
  for (const s of subscriptions) s.dispose();
  return elapsed;
}

/** Builds the production bundles into `outDir`, as `node scripts/build.mjs --production` does into dist/. */
function buildProduction(outDir: string): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--production', `--outdir=${outDir}`], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

export async function run(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'loss-lens-bench-'));
  const bundle = join(outDir, 'extension.js');
  buildProduction(outDir);
  installFakeVscode();
  const cold = requireAndActivate(bundle);
  const repeats = Array.from({ length: REPEATS }, () => requireAndActivate(bundle));
  const sizeKb = statSync(bundle).size / 1024;
  rmSync(outDir, { recursive: true, force: true });
  console.log(
    `activation (require + activate), cold: ${cold.toFixed(2)} ms — ${verdict(cold < ACTIVATION_GOAL_MS)} (< ${ACTIVATION_GOAL_MS} ms)`,
  );
  console.log(
    `activation, ${REPEATS} reloads: median ${median(repeats).toFixed(2)} ms, best ${Math.min(...repeats).toFixed(2)} ms`,
  );
  console.log(
    `dist/extension.js: ${sizeKb.toFixed(1)} KB — ${verdict(sizeKb < SIZE_GOAL_KB)} (< ${SIZE_GOAL_KB} KB, production build)`,
  );
}
