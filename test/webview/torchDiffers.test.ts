import { strict as assert } from 'node:assert';
import { computePlayground, type PlaygroundResult } from '../../src/core/playground/compute';
import { DEFAULT_STATE, type PlaygroundState } from '../../src/core/playground/state';
import { torchDifferences } from '../../src/core/playground/torchDiffers';

/** One row, target class 1, weights 1, 2, 3: torch's index path divides by w[1] = 2, the dense path by N = 1. */
const WEIGHTED: PlaygroundState = {
  ...DEFAULT_STATE,
  loss: 'cross_entropy',
  inputKind: 'logits',
  logitsText: '[[2.0, 0.5, -1.0]]',
  targetsText: '[1]',
  weightText: '[1.0, 2.0, 3.0]',
  synthetic: null,
  convention: 'k_minus_1',
  epsilon: 0.3,
  reduction: 'mean',
};

function ok(state: PlaygroundState): PlaygroundResult {
  const result = computePlayground(state);
  if (!result.ok) assert.fail(JSON.stringify(result.errors));
  return result;
}

describe('playground: what torch computes differently', () => {
  it('gives both numbers for K−1 with class weights and mean (torch 1.13: 3.932622593314314 and 1.9663112966571572)', () => {
    const { exact } = ok(WEIGHTED);
    // F.cross_entropy(x, dense K−1 targets, weight=w) and F.cross_entropy(x, y, weight=w, label_smoothing=0.45)
    assert.ok(Math.abs(exact.value - 3.932622593314314) < 1e-12, String(exact.value));
    assert.ok(Math.abs(exact.torch!.value - 1.9663112966571572) < 1e-12, String(exact.torch?.value));
    assert.ok(Math.abs(exact.torch!.labelSmoothing - 0.45) < 1e-12);
    const [note, ...rest] = torchDifferences(WEIGHTED, exact.value, exact.torch);
    assert.equal(rest.length, 0);
    assert.match(
      note!,
      /divides by N: 3\.9326\. F\.cross_entropy\(.*label_smoothing=0\.4500\).*divides by Σ w\[y\]: 1\.9663\./,
    );
  });

  it('has no second number where they agree: uniform, no weights, sum, or ε = 0', () => {
    for (const patch of [
      { convention: 'uniform' },
      { weightText: '' },
      { reduction: 'sum' },
      { epsilon: 0 },
    ] as Partial<PlaygroundState>[]) {
      const state = { ...WEIGHTED, ...patch };
      const { exact } = ok(state);
      assert.equal(exact.torch, undefined, JSON.stringify(patch));
      assert.deepEqual(torchDifferences(state, exact.value, exact.torch), [], JSON.stringify(patch));
    }
  });

  it('says NLL with ε > 0 is smoothed cross-entropy, and that KL mean is not the KL', () => {
    const nll = { ...WEIGHTED, loss: 'nll_loss', convention: 'uniform', weightText: '' } as const;
    assert.match(torchDifferences(nll, 1).join(' '), /nll_loss has no label smoothing/);
    assert.deepEqual(torchDifferences({ ...nll, epsilon: 0 }, 1), []);
    const kl = { ...nll, loss: 'kl_div', reduction: 'mean' } as const;
    assert.match(
      torchDifferences({ ...kl, epsilon: 0 }, 1).join(' '),
      /'batchmean' is the KL divergence you want/,
    );
    assert.deepEqual(torchDifferences({ ...kl, epsilon: 0, reduction: 'batchmean' }, 1), []);
  });
});
