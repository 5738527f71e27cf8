// Activation cost of the bundled extension host: require + activate of dist/extension.js with a fake `vscode`.
// Goals: < 30 ms cold, bundle < 300 KB (built with `node scripts/build.mjs --production`).
import { existsSync, readFileSync, statSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { anything, installFakeVscode } from '../test/extension/support/fakeVscode';
import { median, verdict } from './support';

const BUNDLE = join(__dirname, '..', 'dist', 'extension.js');
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
function loadBundle(): ExtensionModule {
  const bundle = new Module(BUNDLE) as unknown as CompilableModule;
  bundle.paths = moduleStatics._nodeModulePaths(dirname(BUNDLE));
  bundle._compile(readFileSync(BUNDLE, 'utf8'), BUNDLE);
  return bundle.exports as ExtensionModule;
}

/** Milliseconds to load the bundle afresh and activate it; disposes what activation registered. */
function requireAndActivate(): number {
  const subscriptions: { dispose(): unknown }[] = [];
  const context = Object.assign(anything(), { subscriptions });
  const start = performance.now();
  const extension = loadBundle();
  extension.activate(context);
  const elapsed = performance.now() - start;
  for (const s of subscriptions) s.dispose();
  return elapsed;
}

export async function run(): Promise<void> {
  if (!existsSync(BUNDLE)) {
    console.log('dist/extension.js missing: run `node scripts/build.mjs --production` first');
    return;
  }
  installFakeVscode();
  const cold = requireAndActivate();
  const repeats = Array.from({ length: REPEATS }, requireAndActivate);
  const sizeKb = statSync(BUNDLE).size / 1024;
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
