import { strict as assert } from 'node:assert';
import { binaryCrossEntropy, binaryCrossEntropyWithLogits, crossEntropy } from '../../src/core/losses';
import {
  CONVENTIONS,
  convertEpsilon,
  epsilonSweep,
  gapProbabilities,
  isSmoothingConvention,
  optimalLogitGap,
  SMOOTHING_CONVENTIONS,
  smoothedLoss,
  smoothTargets,
  solveEpsilon,
} from '../../src/core/smoothing';
import { fromNested, type Tensor, tensor } from '../../src/core/tensor';

const vector = (values: readonly number[]): Tensor => tensor([values.length], values);

function assertClose(actual: number, expected: number, tolerance = 1e-12): void {
  assert.ok(
    Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)),
    `${actual} ≠ ${expected}`,
  );
}

function assertAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>): void {
  assert.equal(actual.length, expected.length);
  for (let i = 0; i < expected.length; i++) assertClose(actual[i]!, expected[i]!);
}

const scalarOf = (t: Tensor): number => t.data[0]!;

const logits = fromNested([
  [0.3, -1.2, 2.0, 0.5],
  [1.5, 0.2, -0.7, 0.0],
  [-0.4, 0.9, 0.1, 2.2],
  [0.0, 0.0, 3.0, -2.0],
]);
const labels = vector([2, 0, -100, 1]);
const weight = vector([0.5, 2, 1, 3]);

describe('smoothing conventions table', () => {
  it('describes every convention under its own id', () => {
    for (const c of SMOOTHING_CONVENTIONS) {
      assert.equal(CONVENTIONS[c].id, c);
      assert.ok(CONVENTIONS[c].target.length > 0 && CONVENTIONS[c].appearsIn.length > 0);
    }
  });

  it('recognises convention ids only', () => {
    assert.ok(isSmoothingConvention('k_minus_1'));
    assert.ok(!isSmoothingConvention('k_minus_2_padding'));
    assert.ok(!isSmoothingConvention(3));
  });
});

describe('smoothTargets', () => {
  it('puts the classes of (N, d) indices in dimension 1', () => {
    const q = smoothTargets(tensor([1, 2], [0, 2]), 3, 0.3, 'uniform');
    assert.deepEqual(q.shape, [1, 3, 2]);
    assertAllClose(q.data, [0.8, 0.1, 0.1, 0.1, 0.1, 0.8]);
  });

  it('turns a scalar index into a (K) distribution', () => {
    const q = smoothTargets(tensor([], [1]), 4, 0.4, 'k_minus_1');
    assert.deepEqual(q.shape, [4]);
    assertAllClose(q.data, [0.4 / 3, 0.6, 0.4 / 3, 0.4 / 3]);
  });

  it('smooths an all-zero batch towards α/1 under batch max+1', () => {
    assertAllClose(smoothTargets(vector([0, 0]), 2, 0.2, 'batch_max_plus_1').data, [0.2, 0.2]);
    assertAllClose(smoothTargets(vector([0, 1]), 2, 0.2, 'batch_max_plus_1').data, [0.1, 0.9]);
  });

  it('rejects out-of-range indices and K−1 with one class', () => {
    assert.throws(() => smoothTargets(vector([3]), 3, 0.1, 'uniform'), /out of bounds/);
    assert.throws(() => smoothTargets(vector([0]), 1, 0.1, 'k_minus_1'), /at least 2 classes/);
  });
});

describe('convertEpsilon', () => {
  it('maps K−1 ε to uniform ε·K/(K−1) and back', () => {
    assertClose(convertEpsilon(0.05, 'k_minus_1', 'uniform', 5), 0.0625);
    assertClose(convertEpsilon(0.0625, 'uniform', 'k_minus_1', 5), 0.05);
  });

  it('treats binary as uniform over two outcomes, and an all-zero max+1 batch as one class', () => {
    assertClose(convertEpsilon(0.2, 'binary', 'uniform', 2), 0.2);
    assertClose(convertEpsilon(0.2, 'batch_max_plus_1', 'binary', 1), 0.4);
  });
});

describe('optimal logit gap', () => {
  it('is infinite without smoothing, with all mass on the target', () => {
    assert.equal(optimalLogitGap(3, 0), Number.POSITIVE_INFINITY);
    assert.deepEqual(gapProbabilities(3, 0), [1, 0, 0]);
  });

  it('has a K−1 analogue log((1-ε)(K-1)/ε) whose probabilities are the K−1 targets', () => {
    assertClose(optimalLogitGap(5, 0.1, 'k_minus_1'), Math.log((0.9 * 4) / 0.1));
    assertAllClose(gapProbabilities(5, 0.1, 'k_minus_1'), [0.9, 0.025, 0.025, 0.025, 0.025]);
  });
});

describe('smoothedLoss against the torch-exact losses', () => {
  for (const reduction of ['mean', 'sum', 'none'] as const) {
    it(`uniform equals cross_entropy(label_smoothing) with weights and ignore_index (${reduction})`, () => {
      const ours = smoothedLoss(logits, labels, { epsilon: 0.3, convention: 'uniform', weight, reduction });
      const torch = crossEntropy(logits, labels, { labelSmoothing: 0.3, weight, reduction }).output;
      assertAllClose(typeof ours === 'number' ? [ours] : ours.data, torch.data);
    });
  }

  it('K−1 equals the probability-target path (mean over rows, weights not in the denominator)', () => {
    const options = { weight, smoothingConvention: 'k_minus_1', labelSmoothing: 0.3 } as const;
    const ours = smoothedLoss(logits, labels, { epsilon: 0.3, convention: 'k_minus_1', weight });
    assertClose(ours, scalarOf(crossEntropy(logits, labels, options).output));
  });

  it('K−1 ≡ uniform at ε·K/(K−1) differs under weighted mean only by the denominator', () => {
    const kMinus1 = smoothedLoss(logits, labels, {
      epsilon: 0.3,
      convention: 'k_minus_1',
      weight,
      reduction: 'sum',
    });
    const epsilon = convertEpsilon(0.3, 'k_minus_1', 'uniform', 4);
    const uniform = smoothedLoss(logits, labels, {
      epsilon,
      convention: 'uniform',
      weight,
      reduction: 'sum',
    });
    assertClose(kMinus1, uniform);
    const uniformMean = smoothedLoss(logits, labels, { epsilon, convention: 'uniform', weight });
    assertClose(uniformMean * (0.5 + 1 + 2), kMinus1);
  });

  it('reads (N, K, d) logits like torch', () => {
    const nd = tensor(
      [1, 4, 4],
      logits.data.map((_, j) => logits.data[(j % 4) * 4 + Math.floor(j / 4)]!),
    );
    const ours = smoothedLoss(nd, tensor([1, 4], [2, 0, 3, 1]), { epsilon: 0.2, convention: 'uniform' });
    assertClose(ours, smoothedLoss(logits, vector([2, 0, 3, 1]), { epsilon: 0.2, convention: 'uniform' }));
  });

  it('binary on logits equals BCE-with-logits(label_smoothing) with weight and posWeight', () => {
    const x = fromNested([
      [0.3, -2.5, 4.0],
      [-0.1, 1.2, -3.3],
    ]);
    const t = fromNested([
      [1, 0, 1],
      [0, 0.5, 1],
    ]);
    const options = { weight: vector([1, 2, 0.5]), posWeight: vector([3, 1, 2]) };
    const ours = smoothedLoss(x, t, { epsilon: 0.2, convention: 'binary', ...options });
    const torch = binaryCrossEntropyWithLogits(x, t, { labelSmoothing: 0.2, ...options }).output;
    assertClose(ours, scalarOf(torch));
  });

  it('binary and max+1 on probabilities equal BCE when the batch holds a 1, and clamp log at -100', () => {
    const p = vector([0, 0.3, 1, 0.9]);
    const t = vector([0, 1, 1, 0]);
    const torch = scalarOf(binaryCrossEntropy(p, t, { labelSmoothing: 0.1 }).output);
    for (const convention of ['binary', 'batch_max_plus_1'] as const) {
      assertClose(smoothedLoss(p, t, { epsilon: 0.1, convention, input: 'probabilities' }), torch);
    }
  });
});

describe('smoothedLoss errors', () => {
  it('rejects probabilities for categorical conventions and outside [0, 1] for BCE', () => {
    const options = { epsilon: 0.1, input: 'probabilities' } as const;
    assert.throws(() => smoothedLoss(logits, labels, { ...options, convention: 'uniform' }), /logits/);
    assert.throws(
      () => smoothedLoss(vector([1.2]), vector([1]), { ...options, convention: 'binary' }),
      /\[0, 1\]/,
    );
  });

  it('rejects index targets of the wrong shape', () => {
    assert.throws(
      () => smoothedLoss(logits, vector([0, 1]), { epsilon: 0.1, convention: 'uniform' }),
      /shape/,
    );
  });

  it('gives nan for a mean over ignored rows only, as torch does', () => {
    const loss = smoothedLoss(logits, vector([-100, -100, -100, -100]), {
      epsilon: 0.1,
      convention: 'uniform',
    });
    assert.ok(Number.isNaN(loss));
  });
});

describe('epsilonSweep', () => {
  it('sweeps both categorical conventions from one pass', () => {
    const sweep = epsilonSweep(logits, labels, [0, 0.5], { conventions: ['uniform', 'k_minus_1'], weight });
    for (const convention of ['uniform', 'k_minus_1'] as const) {
      const direct = [0, 0.5].map((epsilon) => smoothedLoss(logits, labels, { epsilon, convention, weight }));
      assertAllClose(sweep.loss[convention]!, direct);
    }
  });

  it('refuses conventions of both families at once', () => {
    assert.throws(
      () => epsilonSweep(logits, labels, [0.1], { conventions: ['uniform', 'binary'] }),
      /one family/,
    );
  });
});

describe('solveEpsilon', () => {
  it('returns null when no ε in [0, 1] prints the value', () => {
    assert.equal(solveEpsilon(logits, labels, 99, 'uniform', 4), null);
  });

  it('returns all of [0, 1] when the loss does not depend on ε', () => {
    const flat = fromNested([[0, 0, 0]]);
    const solution = solveEpsilon(flat, vector([1]), Number(Math.log(3).toFixed(4)), 'uniform', 4);
    assert.equal(solution?.lo, 0);
    assert.equal(solution?.hi, 1);
  });
});
