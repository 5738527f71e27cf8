/**
 * Fuzz budgets for test/robustness: sized by iterations with a fixed seed, never by wall time. The default keeps
 * `npx mocha` quick; `FUZZ=long` multiplies the runs and draws a fresh seed, printed so a failure can be replayed
 * with `FUZZ_SEED=<seed>`.
 */
export const LONG = process.env.FUZZ === 'long';

const replay = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);

export const SEED = replay ?? (LONG ? Math.floor(Math.random() * 2 ** 31) : 20_261_207);

if (LONG || replay !== undefined)
  console.log(`robustness fuzz seed: ${SEED} (replay with FUZZ_SEED=${SEED})`);

/** fast-check parameters: `runs` by default, `runs × factor` under FUZZ=long. */
export function budget(runs: number, factor = 20): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns: LONG ? runs * factor : runs };
}
