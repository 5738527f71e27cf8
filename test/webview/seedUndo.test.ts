import { strict as assert } from 'node:assert';
import { reduce } from '../../src/core/playground/reducer';
import { replacedInputs } from '../../src/core/playground/seed';
import { DEFAULT_STATE } from '../../src/core/playground/state';

describe('playground: what a seed replaced', () => {
  it('names the inputs an example for K replaced, and nothing when the person’s own tensors stay', () => {
    const seeded = reduce(DEFAULT_STATE, { type: 'seed', seed: { classes: 10, epsilon: 0.1 } });
    assert.deepEqual(replacedInputs(DEFAULT_STATE, seeded), ['input tensor', 'targets']);
    const own = { ...DEFAULT_STATE, logitsText: '[[1.0, 2.0, 3.0]]', targetsText: '[2]' };
    assert.deepEqual(replacedInputs(own, reduce(own, { type: 'seed', seed: { classes: 10 } })), []);
    assert.deepEqual(
      reduce(seeded, { type: 'restore', state: DEFAULT_STATE }).logitsText,
      DEFAULT_STATE.logitsText,
    );
  });
});
