import assert from 'node:assert/strict';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  klDiv,
  logSoftmax,
  nllLoss,
} from '../../src/core/losses';
import { fromNested, scalar, type Tensor, tensor } from '../../src/core/tensor';

const logits = fromNested([
  [2.0, 1.0, 0.1],
  [0.5, 2.5, -1.0],
  [1.2, -0.3, 0.8],
]);
const labels = tensor([3], [0, 1, 2]);
const weight = tensor([3], [0.2, 1.0, 3.0]);

function close(got: number, want: number, tol = 1e-12): void {
  assert.ok(Math.abs(got - want) <= tol * Math.max(1, Math.abs(want)), `got ${got}, want ${want}`);
}

function closeAll(got: ArrayLike<number>, want: ArrayLike<number>, tol = 1e-12): void {
  assert.equal(got.length, want.length);
  for (let i = 0; i < want.length; i++) close(got[i]!, want[i]!, tol);
}

function oneHot(indices: number[], classes: number): Tensor {
  return fromNested(indices.map((y) => Array.from({ length: classes }, (_, c) => (c === y ? 1 : 0))));
}

const value = (t: Tensor): number => t.data[0]!;

describe('crossEntropy', () => {
  it('matches -log softmax at the target', () => {
    const logp = logSoftmax(logits, 1).data;
    const want = -(logp[0]! + logp[4]! + logp[8]!) / 3;
    close(value(crossEntropy(logits, labels).output), want);
  });

  it('divides the weighted mean by Σ weight[y], so none-then-mean differs', () => {
    const none = crossEntropy(logits, labels, { weight, reduction: 'none' }).output.data;
    const mean = value(crossEntropy(logits, labels, { weight }).output);
    close(mean, (none[0]! + none[1]! + none[2]!) / (0.2 + 1.0 + 3.0));
    assert.ok(Math.abs(mean - (none[0]! + none[1]! + none[2]!) / 3) > 1e-3);
  });

  it('weights the ε/K smoothing term per class, equal per row to the smoothed one-hot probability target', () => {
    const options = { weight, labelSmoothing: 0.2, reduction: 'none' as const };
    const byIndex = crossEntropy(logits, labels, options).output.data;
    const byProbability = crossEntropy(logits, oneHot([0, 1, 2], 3), options).output.data;
    closeAll(byIndex, byProbability);
  });

  it('excludes ignored rows from both terms and from the mean', () => {
    const partial = tensor([3], [0, -100, 2]);
    const options = { weight, labelSmoothing: 0.3 };
    const got = value(crossEntropy(logits, partial, options).output);
    const rows = crossEntropy(logits, partial, { ...options, reduction: 'none' }).output.data;
    assert.equal(rows[1], 0);
    close(got, (rows[0]! + rows[2]!) / (0.2 + 3.0));
    const grad = crossEntropy(logits, partial, { ...options, grad: true }).gradInput!.data;
    assert.deepEqual(Array.from(grad.subarray(3, 6)), [0, 0, 0]);
  });

  it('gives nan and a zero gradient for a mean over only ignored rows', () => {
    const none = tensor([3], [-100, -100, -100]);
    const { output, gradInput } = crossEntropy(logits, none, { labelSmoothing: 0.1, grad: true });
    assert.ok(Number.isNaN(value(output)));
    assert.ok(gradInput!.data.every((g) => g === 0));
    assert.equal(value(crossEntropy(logits, none, { reduction: 'sum' }).output), 0);
  });

  it('handles -inf logits: finite without smoothing, +inf with it, finite gradients', () => {
    const x = fromNested([[1, Number.NEGATIVE_INFINITY, 0]]);
    const y = tensor([1], [0]);
    const plain = crossEntropy(x, y, { grad: true });
    assert.ok(Number.isFinite(value(plain.output)));
    assert.equal(plain.gradInput!.data[1], 0);
    const smoothed = crossEntropy(x, y, { labelSmoothing: 0.1, grad: true });
    assert.equal(value(smoothed.output), Number.POSITIVE_INFINITY);
    assert.ok(smoothed.gradInput!.data.every(Number.isFinite));
  });

  it('gives nan for a -inf logit under a zero probability target (0·-inf), as torch does', () => {
    const x = fromNested([[1, Number.NEGATIVE_INFINITY, 0]]);
    assert.ok(Number.isNaN(value(crossEntropy(x, oneHot([0], 3)).output)));
  });

  it('stays finite for huge logits', () => {
    const x = fromNested([[1e4, -1e4, 3e4]]);
    close(value(crossEntropy(x, tensor([1], [0])).output), 2e4);
  });

  it('accepts (C) input with a scalar target and (N, C, d) input with class dim 1', () => {
    const single = crossEntropy(tensor([3], [2, 1, 0.1]), scalar(0), { reduction: 'none' }).output;
    assert.deepEqual(single.shape, []);
    close(value(single), value(crossEntropy(fromNested([[2, 1, 0.1]]), tensor([1], [0])).output));
    const spatial = tensor([1, 3, 2], [2, 0.5, 1, 2.5, 0.1, -1]);
    const rows = crossEntropy(spatial, fromNested([[0, 1]]), { reduction: 'none' }).output;
    assert.deepEqual(rows.shape, [1, 2]);
    closeAll(
      rows.data,
      crossEntropy(
        fromNested([
          [2, 1, 0.1],
          [0.5, 2.5, -1],
        ]),
        tensor([2], [0, 1]),
        { reduction: 'none' },
      ).output.data,
    );
  });

  it('K-1 smoothing with ε equals probability-target smoothing with ε·K/(K-1), averaged over rows', () => {
    const kMinus1 = crossEntropy(logits, labels, {
      weight,
      labelSmoothing: 0.3,
      smoothingConvention: 'k_minus_1',
    });
    const uniform = crossEntropy(logits, oneHot([0, 1, 2], 3), { weight, labelSmoothing: (0.3 * 3) / 2 });
    close(value(kMinus1.output), value(uniform.output));
  });

  it('rejects what torch rejects', () => {
    assert.throws(() => crossEntropy(logits, labels, { labelSmoothing: 1.5 }), /labelSmoothing/);
    assert.throws(() => crossEntropy(logits, tensor([3], [0, 3, 1])), /out of bounds/);
    assert.throws(() => crossEntropy(logits, labels, { reduction: 'batchmean' }), /batchmean/);
    assert.throws(() => crossEntropy(logits, labels, { weight: tensor([2], [1, 1]) }), /weight/);
  });
});

describe('nllLoss', () => {
  it('picks -weight[y]·input[y] and uses the weighted mean', () => {
    const { output, gradInput } = nllLoss(logits, labels, { weight, grad: true });
    close(value(output), -(0.2 * 2.0 + 1.0 * 2.5 + 3.0 * 0.8) / 4.2);
    close(gradInput!.data[8]!, -3.0 / 4.2);
    assert.equal(gradInput!.data[1], 0);
  });
});

describe('binaryCrossEntropy', () => {
  it('clamps each log at -100', () => {
    const out = binaryCrossEntropy(tensor([2], [0, 1]), tensor([2], [1, 0]), { reduction: 'none' }).output
      .data;
    assert.deepEqual(Array.from(out), [100, 100]);
  });

  it('smooths binary targets to t(1-α)+α/2', () => {
    const p = tensor([1], [0.7]);
    const smoothed = binaryCrossEntropy(p, tensor([1], [1]), { labelSmoothing: 0.2 }).output;
    close(value(smoothed), value(binaryCrossEntropy(p, tensor([1], [0.9])).output));
  });

  it('rejects probabilities outside [0, 1]', () => {
    assert.throws(() => binaryCrossEntropy(tensor([1], [1.5]), tensor([1], [1])), /\[0, 1\]/);
  });
});

describe('binaryCrossEntropyWithLogits', () => {
  it('broadcasts posWeight over the last dimension', () => {
    const x = fromNested([
      [0.3, -1.2],
      [2.0, 0.1],
    ]);
    const t = fromNested([
      [1, 0],
      [1, 1],
    ]);
    const got = binaryCrossEntropyWithLogits(x, t, {
      posWeight: tensor([2], [3, 0.5]),
      reduction: 'none',
    }).output;
    const softplus = (z: number): number => Math.log1p(Math.exp(z));
    closeAll(got.data, [3 * softplus(-0.3), softplus(-1.2), 3 * softplus(-2.0), 0.5 * softplus(-0.1)]);
  });

  it('is stable for large logits', () => {
    const out = binaryCrossEntropyWithLogits(tensor([2], [800, -800]), tensor([2], [0, 1]), {
      reduction: 'none',
    });
    closeAll(out.output.data, [800, 800]);
  });
});

describe('klDiv', () => {
  it("'batchmean' divides the sum by the batch size and 'mean' by every element", () => {
    const input = logSoftmax(logits, 1);
    const target = oneHot([0, 1, 2], 3);
    const sum = value(klDiv(input, target, { reduction: 'sum' }).output);
    close(value(klDiv(input, target, { reduction: 'batchmean' }).output), sum / 3);
    close(value(klDiv(input, target).output), sum / 9);
  });

  it('treats 0·log 0 as 0', () => {
    const rows = klDiv(fromNested([[-0.5, -1.0]]), fromNested([[0, 1]]), { reduction: 'none' }).output.data;
    assert.deepEqual(Array.from(rows), [0, 1.0]);
  });

  it('agrees between probability and log targets', () => {
    const input = logSoftmax(logits, 1);
    const p = fromNested([
      [0.1, 0.4, 0.5],
      [0.8, 0.1, 0.1],
      [0.2, 0.3, 0.5],
    ]);
    const logP = tensor(p.shape, p.data.map(Math.log));
    close(value(klDiv(input, p).output), value(klDiv(input, logP, { logTarget: true }).output));
  });
});

describe('logSoftmax', () => {
  it('gives nan for a row holding +inf, as torch does', () => {
    const out = logSoftmax(
      fromNested([
        [1, Number.POSITIVE_INFINITY],
        [0, 0],
      ]),
      1,
    ).data;
    assert.ok(Number.isNaN(out[0]!) && Number.isNaN(out[1]!));
    close(out[2]!, -Math.LN2);
  });
});
