import { strict as assert } from 'node:assert';
import { recomputeKind, reduce } from '../../src/core/playground/reducer';
import { SAMPLES } from '../../src/core/playground/samples';
import { applySeed, exampleForClasses, isPlaygroundSeed } from '../../src/core/playground/seed';
import {
  DEFAULT_STATE,
  isPlaygroundState,
  normaliseState,
  restoreState,
} from '../../src/core/playground/state';

describe('playground state', () => {
  it('restores a damaged saved state field by field', () => {
    const restored = restoreState({ loss: 'nll_loss', epsilon: 7, logitsText: '[[1, 2]]', extra: true });
    assert.equal(restored.loss, 'nll_loss');
    assert.equal(restored.epsilon, DEFAULT_STATE.epsilon);
    assert.equal(restored.logitsText, '[[1, 2]]');
    assert.ok(isPlaygroundState(restored));
    assert.deepEqual(restoreState('garbage'), DEFAULT_STATE);
  });

  it('accepts exactly a full valid state in messages', () => {
    assert.ok(isPlaygroundState(DEFAULT_STATE));
    assert.ok(!isPlaygroundState({ ...DEFAULT_STATE, extra: 1 }));
    assert.ok(!isPlaygroundState({ ...DEFAULT_STATE, epsilon: Number.NaN }));
    const { loss: _, ...missing } = DEFAULT_STATE;
    assert.ok(!isPlaygroundState(missing));
  });

  it('keeps conventions and reductions that fit the loss', () => {
    const bce = normaliseState({ ...DEFAULT_STATE, loss: 'binary_cross_entropy', convention: 'k_minus_1' });
    assert.equal(bce.convention, 'binary');
    const ce = normaliseState({ ...DEFAULT_STATE, convention: 'batch_max_plus_1', reduction: 'batchmean' });
    assert.deepEqual([ce.convention, ce.reduction], ['uniform', 'mean']);
    const kl = normaliseState({ ...DEFAULT_STATE, loss: 'kl_div', reduction: 'batchmean' });
    assert.equal(kl.reduction, 'batchmean');
  });
});

describe('playground reducer', () => {
  it('patches through validation (invalid values are dropped, not stored)', () => {
    const next = reduce(DEFAULT_STATE, { type: 'patch', patch: { epsilon: 0.25, temperature: -1 } });
    assert.equal(next.epsilon, 0.25);
    assert.equal(next.temperature, DEFAULT_STATE.temperature);
  });

  it('loads every sample', () => {
    for (const sample of SAMPLES) {
      const next = reduce(DEFAULT_STATE, { type: 'sample', id: sample.id });
      assert.ok(isPlaygroundState(next), sample.id);
    }
  });

  it('tells an ε-only change from one that needs a recompute', () => {
    const moved = reduce(DEFAULT_STATE, { type: 'patch', patch: { epsilon: 0.3 } });
    assert.equal(recomputeKind(DEFAULT_STATE, moved), 'epsilon');
    assert.equal(recomputeKind(moved, moved), 'none');
    assert.equal(
      recomputeKind(moved, reduce(moved, { type: 'patch', patch: { logitsText: '[[1, 2]]' } })),
      'full',
    );
    const synthetic = reduce(DEFAULT_STATE, { type: 'sample', id: 'stress' });
    assert.equal(recomputeKind(synthetic, { ...synthetic, synthetic: { ...synthetic.synthetic! } }), 'none');
  });

  it('restores from the host', () => {
    const saved = { ...DEFAULT_STATE, targetsText: '[0, 0, 0]' };
    assert.deepEqual(reduce(DEFAULT_STATE, { type: 'restore', state: saved }), saved);
  });
});

describe('playground seeds', () => {
  it('validates seeds strictly', () => {
    assert.ok(isPlaygroundSeed({ loss: 'cross_entropy', epsilon: 0.1, classes: 5 }));
    assert.ok(!isPlaygroundSeed({ loss: 'hinge' }));
    assert.ok(!isPlaygroundSeed({ epsilon: 2 }));
    assert.ok(!isPlaygroundSeed({ classes: 1 }));
    assert.ok(!isPlaygroundSeed({ unknown: 1 }));
  });

  it('applies options and text, and builds an example for K when only example text would be replaced', () => {
    const seeded = applySeed(DEFAULT_STATE, { convention: 'k_minus_1', epsilon: 0.2, classes: 4 });
    assert.deepEqual([seeded.convention, seeded.epsilon], ['k_minus_1', 0.2]);
    assert.equal(seeded.logitsText, exampleForClasses(4).logitsText);
    assert.equal(seeded.targetsText, '[0, 1, 2]');
  });

  it('never replaces text the user typed unless the seed brings text', () => {
    const typed = { ...DEFAULT_STATE, logitsText: '[[9, 9, 9]]' };
    assert.equal(applySeed(typed, { classes: 7 }).logitsText, '[[9, 9, 9]]');
    assert.equal(applySeed(typed, { logitsText: '[[1, 2]]' }).logitsText, '[[1, 2]]');
  });
});
