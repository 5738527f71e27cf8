/** Mocha root hooks (loaded by .mocharc): every fast-check run is seeded; `FUZZ=long` prints its seed, no timeouts. */
import fc from 'fast-check';
import { FUZZ_LONG, FUZZ_SEED } from './fuzz';

fc.configureGlobal({ seed: FUZZ_SEED });

export const mochaHooks = {
  beforeAll(): void {
    if (FUZZ_LONG) console.log(`FUZZ=long: seed ${FUZZ_SEED} (replay with FUZZ=long FUZZ_SEED=${FUZZ_SEED})`);
  },
  beforeEach(this: Mocha.Context): void {
    if (FUZZ_LONG) this.currentTest?.timeout(0);
  },
};
