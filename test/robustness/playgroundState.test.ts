// Issue 9, item 9: a saved playground state of any version, partial or damaged, restores with every field that is
// still good (the user's pasted text above all); a saved state with nothing of the user's reports no state.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { reduce } from '../../src/core/playground/reducer';
import {
  DEFAULT_STATE,
  isPlaygroundState,
  MAX_TEXT_LENGTH,
  type PlaygroundState,
  restorable,
  restoreState,
} from '../../src/core/playground/state';
import { RestoreState } from '../../src/core/protocol';
import { fuzz } from '../support/fuzz';

/**
 * Saved states exactly as the shipped builds wrote them (`git log -p -- src/core/playground/state.ts`: the one
 * shape `version: 1`, unchanged since 5655e4c), written out here so a change of the state cannot change them.
 */
const SHIPPED: Record<string, Record<string, unknown>> = {
  'v1, pasted logits': {
    version: 1,
    loss: 'kl_div',
    inputKind: 'log_probabilities',
    convention: 'k_minus_1',
    epsilon: 0.15,
    reduction: 'batchmean',
    ignoreIndex: -100,
    temperature: 2,
    logitsText: 'tensor([[-1.2, -0.4, -2.0],\n        [-0.1, -3.0, -2.5]])',
    targetsText: '[1, 0]',
    weightText: '1, 2, 1',
    synthetic: null,
    row: 1,
    bins: 15,
  },
  'v1, synthetic stress data': {
    version: 1,
    loss: 'cross_entropy',
    inputKind: 'logits',
    convention: 'uniform',
    epsilon: 0.1,
    reduction: 'mean',
    ignoreIndex: -100,
    temperature: 1,
    logitsText: '',
    targetsText: '',
    weightText: '',
    synthetic: { rows: 4096, cols: 1000, seed: 7 },
    row: 0,
    bins: 10,
  },
};

/** What the host sends back: migrated, then through the strict protocol check it must pass to be sent at all. */
function hostRestores(saved: unknown): PlaygroundState | null {
  const state = restorable(JSON.parse(JSON.stringify(saved)));
  if (state) assert.ok(RestoreState.isParams(state), 'the restored state passes the protocol check');
  return state;
}

describe('robustness: saved playground states restore (issue 9, item 9)', () => {
  for (const [name, saved] of Object.entries(SHIPPED)) {
    it(`restores a shipped state unchanged: ${name}`, () => {
      assert.deepEqual(hostRestores(saved), saved);
      assert.deepEqual(reduce(DEFAULT_STATE, { type: 'restore', state: saved }), saved);
    });
  }

  it('keeps the good fields of an older, partial or damaged state (the repro: the text was lost)', () => {
    const base = SHIPPED['v1, pasted logits']!;
    const damaged = [
      { ...base, version: 0 },
      { ...base, version: undefined },
      { ...base, version: '1' },
      { ...base, epsilon: 1.5 },
      { ...base, bins: 500, temperature: 0 },
      Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'row')),
      { ...base, synthetic: { rows: 0, cols: 1, seed: 1.5 } },
      { ...base, extra: { nested: true }, __proto__: { logitsText: 'inherited' } },
    ];
    for (const saved of damaged) {
      const state = hostRestores(saved);
      assert.ok(state, JSON.stringify(saved));
      assert.equal(state.logitsText, base.logitsText);
      assert.equal(state.targetsText, base.targetsText);
      assert.equal(state.weightText, base.weightText);
      assert.equal(state.loss, 'kl_div');
    }
    const outOfRange = hostRestores({ ...base, epsilon: 1.5, bins: 500 })!;
    assert.deepEqual([outOfRange.epsilon, outOfRange.bins], [DEFAULT_STATE.epsilon, DEFAULT_STATE.bins]);
  });

  it('reports no state for garbage, so the host sends its copy (hasState was true for any value)', () => {
    for (const garbage of [
      undefined,
      null,
      0,
      'state',
      [],
      [DEFAULT_STATE],
      {},
      { version: 1 },
      { loss: 'hinge' },
    ])
      assert.equal(restorable(garbage), null, JSON.stringify(garbage));
    assert.equal(restorable({ targetsText: '[0]' })?.targetsText, '[0]');
  });

  it('any saved state of any version restores with the text the user typed kept', () => {
    const text = fc.string({ unit: 'binary', maxLength: 200 });
    const field = <T>(good: fc.Arbitrary<T>) => fc.oneof(good, fc.anything());
    const saved = fc.record(
      {
        version: fc.oneof(fc.constantFrom(0, 1, 2, '1', null), fc.anything()),
        loss: field(fc.constantFrom('cross_entropy', 'nll_loss', 'binary_cross_entropy', 'kl_div')),
        inputKind: field(fc.constantFrom('logits', 'probabilities', 'log_probabilities')),
        convention: field(fc.constantFrom('uniform', 'k_minus_1', 'binary', 'batch_max_plus_1')),
        epsilon: field(fc.double({ min: -1, max: 2 })),
        reduction: field(fc.constantFrom('mean', 'sum', 'none', 'batchmean')),
        ignoreIndex: field(fc.integer()),
        temperature: field(fc.double()),
        logitsText: text,
        targetsText: text,
        weightText: text,
        synthetic: field(fc.record({ rows: fc.integer(), cols: fc.integer(), seed: fc.integer() })),
        row: field(fc.integer()),
        bins: field(fc.integer({ min: -5, max: 80 })),
        constructor: fc.anything(),
        toString: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(saved, (s) => {
        const state = restoreState(s);
        assert.ok(isPlaygroundState(state));
        for (const key of ['logitsText', 'targetsText', 'weightText'] as const) {
          if (typeof s[key] === 'string') assert.equal(state[key], s[key]);
        }
        const typed = [s.logitsText, s.targetsText, s.weightText].some((t) => typeof t === 'string');
        if (typed) assert.deepEqual(hostRestores(s), restoreState(JSON.parse(JSON.stringify(s))));
      }),
      fuzz(500),
    );
  });

  it('does not keep a text over the length limit (it could not be sent or shown)', () => {
    const huge = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    assert.equal(restoreState({ ...DEFAULT_STATE, logitsText: huge }).logitsText, DEFAULT_STATE.logitsText);
  });
});
