// Activation cost of the bundled extension host: require + activate of the production dist/extension.js (built
// here, with `node scripts/build.mjs --production`, into a temporary directory) with a fake `vscode`; then the first
// hover after activation (loading the lazily required engine, parsing, analysing at the cursor, the hover's text);
// and the sizes of what activation loads and of every bundle the .vsix ships.
// Goals: < 30 ms cold, what activation loads < 300 KB.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  activate,
  type HoverProvider,
  hoverKeepingVscode,
  hoverText,
  loadBundle,
} from '../test/extension/support/builtExtension';
import { cpuMs, formatMs, median, verdict, type WallAndCpu } from './support';

const ROOT = join(__dirname, '..');
const ACTIVATION_GOAL_MS = 30;
const SIZE_GOAL_KB = 300;
const REPEATS = 20;
/** The first hover: on `nn.CrossEntropyLoss(label_smoothing=0.1)` in the sample workspace's training script. */
const HOVER_FILE = join(ROOT, 'sample-workspace', 'train_classifier.py');
const HOVER_AT = 'nn.CrossEntropyLoss(label_smoothing=0.1)';

type Loader = (module: { _compile(code: string, filename: string): void }, filename: string) => void;
const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;

/**
 * Files in `dir` the bundle requires (the lazily loaded engine) load without the bench runner's TypeScript hook,
 * as `loadBundle` loads the bundle; returns the milliseconds spent loading them so far.
 */
function plainRequireIn(dir: string): () => number {
  const hooked = extensions['.js']!;
  let spent = 0;
  extensions['.js'] = (module, file) => {
    if (!file.startsWith(dir)) return hooked(module, file);
    const start = performance.now();
    module._compile(readFileSync(file, 'utf8'), file);
    spent += performance.now() - start;
  };
  return () => spent;
}

/** Loads the bundle afresh and activates it: milliseconds taken (wall, CPU), and how to dispose what it registered. */
function requireAndActivate(file: string, vscode: object): { ms: number; cpu: number; dispose(): void } {
  const cpuStart = cpuMs();
  const start = performance.now();
  const dispose = activate(loadBundle(file, vscode));
  return { ms: performance.now() - start, cpu: cpuMs() - cpuStart, dispose };
}

/**
 * Wall-clock and CPU milliseconds from asking the freshly activated extension for a hover to its text (CPU leaves
 * out the time other processes had, and the hand-backs between analysis slices); fails if it shows none.
 */
async function firstHover(provider: HoverProvider): Promise<WallAndCpu> {
  const cpuStart = cpuMs();
  const start = performance.now();
  const text = await hoverText(provider, HOVER_FILE, HOVER_AT);
  const wall = performance.now() - start;
  const cpu = cpuMs() - cpuStart;
  if (!text.includes('label_smoothing')) throw new Error(`the first hover showed no explanation: ${text}`);
  return { wall, cpu };
}

/** Builds the production bundles into `outDir`, as `node scripts/build.mjs --production` does into dist/. */
function buildProduction(outDir: string): void {
  execFileSync(process.execPath, ['scripts/build.mjs', '--production', `--outdir=${outDir}`], {
    cwd: ROOT,
    stdio: 'inherit',
  });
}

/** The built files the .vsix ships (`!dist/…` in .vscodeignore), by their path under dist/, with their size in KB. */
function shippedBundles(outDir: string): [string, number][] {
  const shipped = new Set(
    readFileSync(join(ROOT, '.vscodeignore'), 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('!dist/'))
      .map((l) => l.slice('!dist/'.length).trim()),
  );
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((p) => shipped.has(p))
    .map((p): [string, number] => [p, statSync(join(outDir, p)).size / 1024])
    .sort(([a], [b]) => a.localeCompare(b));
}

export async function run(): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'loss-lens-bench-'));
  const bundle = join(outDir, 'extension.js');
  buildProduction(outDir);
  const { api, hovers } = hoverKeepingVscode();
  const lazyLoadMs = plainRequireIn(outDir);
  const cold = requireAndActivate(bundle, api);
  const [hover] = hovers;
  if (!hover) throw new Error('activation registered no hover provider');
  const hoverMs = await firstHover(hover);
  const engineMs = lazyLoadMs();
  cold.dispose();
  const repeats = Array.from({ length: REPEATS }, () => {
    const activation = requireAndActivate(bundle, api);
    activation.dispose();
    return activation.ms;
  });
  const activationKb = statSync(bundle).size / 1024;
  const shipped = shippedBundles(outDir);
  rmSync(outDir, { recursive: true, force: true });
  console.log(
    `activation (require + activate), cold: ${cold.ms.toFixed(2)} ms (${cold.cpu.toFixed(2)} ms CPU) — ${verdict(cold.ms < ACTIVATION_GOAL_MS)} (< ${ACTIVATION_GOAL_MS} ms)`,
  );
  console.log(
    `activation, ${REPEATS} reloads: median ${median(repeats).toFixed(2)} ms, best ${Math.min(...repeats).toFixed(2)} ms`,
  );
  console.log(
    `first hover after activation (${relative(ROOT, HOVER_FILE)}): ${formatMs(hoverMs, 2)}; loading lazily required files ${engineMs.toFixed(2)} ms wall of it`,
  );
  console.log(
    `loaded at activation: dist/extension.js ${activationKb.toFixed(1)} KB — ${verdict(activationKb < SIZE_GOAL_KB)} (< ${SIZE_GOAL_KB} KB, production build)`,
  );
  const total = shipped.reduce((sum, [, kb]) => sum + kb, 0);
  const each = shipped.map(([p, kb]) => `${p} ${kb.toFixed(1)}`).join(', ');
  console.log(`bundles the .vsix ships: ${total.toFixed(1)} KB (${each})`);
}
