/**
 * The fused index-target kernel for (N, C) logits without class weights (one max/min pass, one unchecked
 * exponential pass, the gradient in place; rows spread wider than exp's normal range or holding ±inf take the
 * checked kernel) against a reference built from logSoftmax and Math.exp, loss and gradient.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { crossEntropy, logSoftmax } from '../../src/core/losses';
import type { PlainReduction } from '../../src/core/losses/types';
import { fuzz } from '../support/fuzz';

const IGNORE = -100;
const value = fc.oneof(
  { weight: 10, arbitrary: fc.double({ min: -30, max: 30, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
);

const problem = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), classes: fc.integer({ min: 1, max: 7 }) })
  .chain(({ rows, classes }) =>
    fc.record({
      logits: fc.array(value, { minLength: rows * classes, maxLength: rows * classes }),
      target: fc.array(fc.oneof(fc.integer({ min: 0, max: classes - 1 }), fc.constant(IGNORE)), {
        minLength: rows,
        maxLength: rows,
      }),
      epsilon: fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.1, 1)),
      reduction: fc.constantFrom<PlainReduction>('mean', 'sum', 'none'),
      rows: fc.constant(rows),
      classes: fc.constant(classes),
    }),
  );

interface Problem {
  logits: number[];
  target: number[];
  epsilon: number;
  reduction: PlainReduction;
  rows: number;
  classes: number;
}

/** torch's formula term by term: (1-ε)·(-logp[y]) + ε/C·(-Σ logp) per kept row, softmax − smoothed one-hot. */
function reference({ logits, target, epsilon, reduction, rows, classes }: Problem) {
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

/** Same value to 1e-12 relative (absolute below 1), nan where the other is nan, same infinities. */
function same(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < expected.length; i++) {
    const [a, e] = [actual[i]!, expected[i]!];
    if (!Number.isFinite(e)) assert.ok(Object.is(a, e), `${what}[${i}]: ${a} ≠ ${e}`);
    else assert.ok(Math.abs(a - e) <= 1e-12 * Math.max(1, Math.abs(e)), `${what}[${i}]: ${a} ≠ ${e}`);
  }
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
        same(output.data, expected.output, 'loss');
        same(gradInput!.data, expected.grad, 'gradient');
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
    same(output.data, expected.output, 'loss');
    same(gradInput!.data, expected.grad, 'gradient');
  });
});
