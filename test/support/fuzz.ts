/**
 * How much the fuzz and property tests run. Sized by iteration counts with a fixed seed, never by wall time, so a
 * run on a busy machine checks the same cases as a quiet one, only slower. `FUZZ=long` runs the long version
 * (`LONG_FACTOR` times the runs, a fresh seed it prints, no per-test timeout); `FUZZ_SEED=n` replays a seed.
 */
import type { Parameters } from 'fast-check';

export const FUZZ_LONG = process.env.FUZZ === 'long';
const LONG_FACTOR = 20;
const DEFAULT_SEED = 20261207;

function chooseSeed(): number {
  const given = process.env.FUZZ_SEED;
  if (given !== undefined && /^-?\d+$/.test(given)) return Number(given);
  return FUZZ_LONG ? Math.floor(Math.random() * 2 ** 31) : DEFAULT_SEED;
}

/** The seed of this run: fixed by default, fresh (and printed) under `FUZZ=long`. */
export const FUZZ_SEED = chooseSeed();

/** A test's iteration count: `runs` by default, `LONG_FACTOR` times as many under `FUZZ=long`. */
export function fuzzRuns(runs: number): number {
  return FUZZ_LONG ? runs * LONG_FACTOR : runs;
}

/** fast-check parameters: this run's seed and a test's iteration count. */
export function fuzz<T>(runs: number): Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(runs) };
}
