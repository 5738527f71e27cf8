import { strict as assert } from 'node:assert';
import { computeExact, computePlayground, type PlaygroundResult } from '../../src/core/playground/compute';
import { reduce } from '../../src/core/playground/reducer';
import { describeSolutions, solvePrinted } from '../../src/core/playground/solve';
import { DEFAULT_STATE, type PlaygroundState } from '../../src/core/playground/state';
import { parsePrinted } from '../../src/core/smoothing/printed';

const seed000 = (patch: Partial<PlaygroundState>): PlaygroundState =>
  reduce(reduce(DEFAULT_STATE, { type: 'sample', id: 'seed000' }), { type: 'patch', patch });

function result(state: PlaygroundState): PlaygroundResult {
  const r = computePlayground(state);
  assert.ok(r.ok, JSON.stringify(r));
  return r;
}

describe('playground: Solve for ε', () => {
  it("seed 004's printed 1.4178: ε = 0.3 under K−1, 0.375 under uniform, none for a loss off every line", () => {
    const r = result(seed000({ convention: 'k_minus_1', epsilon: 0.5 }));
    const solved = solvePrinted(r, parsePrinted('tensor(1.4178)')!);
    const by = Object.fromEntries(solved.map((s) => [s.convention, s]));
    assert.equal(by.k_minus_1?.intervals[0]?.simplest, 0.3);
    assert.equal(by.uniform?.intervals[0]?.simplest, 0.375);
    assert.ok(solved.every((s) => s.exact));
    const lines = describeSolutions(solved, 'tensor(1.4178)');
    assert.match(lines[0]!, /^uniform ε\/K: ε ∈ \[0\.374908, 0\.375162\] \(simplest 0\.375\)$/);
    assert.match(lines[1]!, /^K−1: ε ∈ \[0\.299927, 0\.30013\] \(simplest 0\.3\)$/);
    const none = describeSolutions(solvePrinted(r, parsePrinted('0.5')!), '0.5');
    assert.deepEqual(none, ['uniform ε/K: no ε in [0, 1] prints 0.5', 'K−1: no ε in [0, 1] prints 0.5']);
  });

  it('solves the prior convention and KL (not affine: scanned) back to the ε that printed the value', () => {
    // KL toward a prior is sampled every 0.05 (its entropy has no closed form here): exact on that grid only.
    for (const [epsilon, patch] of [
      [0.42, { convention: 'prior' as const, priorSource: 'counts' as const, priorText: '[4, 1, 1, 1, 1]' }],
      [0.42, { loss: 'kl_div' as const, convention: 'uniform' as const }],
      [0.45, { loss: 'kl_div' as const, convention: 'prior' as const }],
    ] as const) {
      const state = seed000({ ...patch, epsilon });
      const exact = computeExact(state);
      assert.ok(exact.ok);
      const printed = exact.exact.value.toFixed(5);
      const mine = solvePrinted(result(state), parsePrinted(printed)!).find(
        (s) => s.convention === state.convention,
      )!;
      assert.equal(mine.exact, state.loss !== 'kl_div', JSON.stringify(patch));
      assert.ok(
        mine.intervals.some((s) => s.lo <= epsilon && epsilon <= s.hi),
        `${JSON.stringify(patch)} ${printed}: ${JSON.stringify(mine.intervals)}`,
      );
    }
  });
});
