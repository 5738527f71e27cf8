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

/** Milliseconds (or a ratio of them) on the wall clock and in CPU time. */
export interface WallAndCpu {
  wall: number;
  cpu: number;
}

/**
 * Milliseconds of CPU (user + system) this process has used, all threads (V8's GC helpers too). Unlike the wall
 * clock it leaves out the time the OS gave other processes, which on a busy machine is most of the noise.
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Wall-clock and CPU milliseconds one call of `work` takes. */
export function timeWallAndCpu(work: () => unknown): WallAndCpu {
  const cpuStart = cpuMs();
  const wallStart = performance.now();
  work();
  const wall = performance.now() - wallStart;
  return { wall, cpu: cpuMs() - cpuStart };
}

/** The median of each clock on its own (the two medians may come from different repetitions). */
export function medianWallAndCpu(times: readonly WallAndCpu[]): WallAndCpu {
  return { wall: median(times.map((t) => t.wall)), cpu: median(times.map((t) => t.cpu)) };
}

/** `a / b` on each clock. */
export function ratioWallAndCpu(a: WallAndCpu, b: WallAndCpu): WallAndCpu {
  return { wall: a.wall / b.wall, cpu: a.cpu / b.cpu };
}

/** `12.3 ms wall, 11.9 ms CPU`. */
export function formatMs(t: WallAndCpu, digits = 1): string {
  return `${t.wall.toFixed(digits)} ms wall, ${t.cpu.toFixed(digits)} ms CPU`;
}

/** `1.23× wall, 1.19× CPU`. */
export function formatRatio(r: WallAndCpu, digits = 2): string {
  return `${r.wall.toFixed(digits)}× wall, ${r.cpu.toFixed(digits)}× CPU`;
}

/** `goal met (wall), goal missed (CPU)`. */
export function verdicts(met: (value: number) => boolean, r: WallAndCpu): string {
  return `${verdict(met(r.wall))} (wall), ${verdict(met(r.cpu))} (CPU)`;
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
