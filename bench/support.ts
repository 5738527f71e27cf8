// Timing, statistics and deterministic data shared by the benches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Runs a full collection when node runs with --expose-gc (as `npm run bench` does); otherwise does nothing. */
export const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

/** Wall-clock milliseconds one call of `work` takes. */
export function timeMs(work: () => unknown): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** The value at quantile `p` of ascending `sorted` values (nearest rank, rounding down). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

export function median(values: readonly number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

export function verdict(met: boolean): string {
  return met ? 'goal met' : 'goal missed';
}

/** Uniform values in [0, 1) from a fixed linear congruential generator: the same data on every run. */
export function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Loads a source module the way the product ships it: bundled into one scope by esbuild. Under tsx every file is a
 * separate module and each cross-file call goes through a module object, which V8 cannot inline in hot loops.
 */
export function loadShipped<T>(entry: string): T {
  const { buildSync } = require('esbuild') as typeof import('esbuild');
  const { mkdtempSync, rmSync } = require('node:fs') as typeof import('node:fs');
  const { join } = require('node:path') as typeof import('node:path');
  const { tmpdir } = require('node:os') as typeof import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'loss-lens-bench-'));
  const outfile = join(dir, 'bundle.js');
  buildSync({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile,
    logLevel: 'error',
  });
  try {
    return require(outfile) as T;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A Python file of `lines` lines: small helper functions, with a loss fixture every fourth block. */
export function generateFile(lines: number): string {
  const seeds = ['seed000_linear_combination.py', 'seed004_four_implementations.py', 'libraries.py'];
  const chunks = seeds.map((s) =>
    readFileSync(join(__dirname, '..', 'test', 'fixtures', 'python', s), 'utf8'),
  );
  const filler = (i: number) => `def helper_${i}(x, y):\n    z = x * ${i} + y\n    return z.sum()\n\n`;
  let text = '';
  for (let i = 0; text.split('\n').length < lines; i++)
    text += i % 4 === 3 ? chunks[i % chunks.length] : filler(i);
  return text.split('\n').slice(0, lines).join('\n');
}
