/**
 * The fused index-target kernel for (N, C) logits without class weights (one max/min pass, one unchecked
 * exponential pass, the gradient in place; rows spread wider than exp's normal range or holding ±inf take the
 * checked kernel) against a reference built from logSoftmax and Math.exp, loss and gradient.
 */
import fc from 'fast-check';
import { crossEntropy, logSoftmax } from '../../src/core/losses';
import { fuzz } from '../support/fuzz';
import { assertSame, IGNORE, type IndexTargetProblem, indexTargetProblem } from '../support/lossProblems';

const problem = indexTargetProblem({
  typicalWeight: 10,
  classes: { min: 1, max: 7 },
  epsilonEdges: () => [0, 0.1, 1],
});

/** torch's formula term by term: (1-ε)·(-logp[y]) + ε/C·(-Σ logp) per kept row, softmax − smoothed one-hot. */
function reference({ logits, target, epsilon, reduction, rows, classes }: IndexTargetProblem) {
  const logp = logSoftmax({ shape: [rows, classes], data: Float64Array.from(logits) }).data;
  const kept = target.filter((y) => y !== IGNORE).length;
  const scale = reduction === 'mean' ? 1 / kept : 1;
  const losses = new Float64Array(rows);
  const grad = new Float64Array(rows * classes);
  target.forEach((y, r) => {
    if (y === IGNORE) return;
    let spread = 0;
    for (let c = 0; c < classes; c++) {
      spread -= logp[r * classes + c]!;
      const onehot = (c === y ? 1 - epsilon : 0) + epsilon / classes;
      grad[r * classes + c] = scale * (Math.exp(logp[r * classes + c]!) - onehot);
    }
    const nll = -logp[r * classes + y]!;
    losses[r] = epsilon > 0 ? (1 - epsilon) * nll + (epsilon / classes) * spread : nll;
  });
  const total = losses.reduce((a, b) => a + b, 0);
  const output = reduction === 'none' ? losses : [reduction === 'mean' ? total / kept : total];
  return { output, grad };
}

describe('fused index-target cross-entropy on contiguous rows', () => {
  it('equals logSoftmax term by term, loss and gradient, with wide rows, nan, ±inf and ignored rows', () => {
    fc.assert(
      fc.property(problem, (p) => {
        const { output, gradInput } = crossEntropy(
          { shape: [p.rows, p.classes], data: Float64Array.from(p.logits) },
          { shape: [p.rows], data: Float64Array.from(p.target) },
          { labelSmoothing: p.epsilon, reduction: p.reduction, ignoreIndex: IGNORE, grad: true },
        );
        const expected = reference(p);
        assertSame(output.data, expected.output, 'loss');
        assertSame(gradInput!.data, expected.grad, 'gradient');
      }),
      fuzz(400),
    );
  });

  it('takes the checked kernel for a row spread past exp’s normal range and agrees with it', () => {
    const logits = Float64Array.from([0, -707, -709, -800, 3, 2, 1, -1]);
    const { output, gradInput } = crossEntropy(
      { shape: [2, 4], data: logits },
      { shape: [2], data: Float64Array.from([3, 0]) },
      { labelSmoothing: 0.1, reduction: 'none', grad: true },
    );
    const expected = reference({
      logits: [...logits],
      target: [3, 0],
      epsilon: 0.1,
      reduction: 'none',
      rows: 2,
      classes: 4,
    });
    assertSame(output.data, expected.output, 'loss');
    assertSame(gradInput!.data, expected.grad, 'gradient');
  });

  it('agrees with the reference for rows spread up to and past 300 around their first value, either way', () => {
    // Shifted by the first value inside the window (sums up to ~e^299); the first value an outlier below or above
    // the rest, or a spread of exactly 300, takes the max-shifted checked kernel.
    const rows = [
      [0, 299, -299, 5],
      [250, -40, -45, 249.5],
      [0, 301, 1, 2],
      [0, -301, 1, 2],
      [-250, 40, 50, 45],
      [300, 0, 0.5, 1],
    ];
    const logits = Float64Array.from(rows.flat());
    const target = [1, 3, 0, 2, 2, 1];
    const { output, gradInput } = crossEntropy(
      { shape: [rows.length, 4], data: logits },
      { shape: [rows.length], data: Float64Array.from(target) },
      { labelSmoothing: 0.1, reduction: 'none', grad: true },
    );
    const expected = reference({
      logits: [...logits],
      target,
      epsilon: 0.1,
      reduction: 'none',
      rows: rows.length,
      classes: 4,
    });
    assertSame(output.data, expected.output, 'loss');
    assertSame(gradInput!.data, expected.grad, 'gradient');
  });
});
