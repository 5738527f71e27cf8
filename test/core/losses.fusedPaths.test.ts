/**
 * The fused paths without dense (N, C) targets give the dense paths' numbers: K−1 cross-entropy on class indices,
 * and the playground's KL against smoothed class indices, on logits holding nan, ±inf and ignored rows.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { klDiv } from '../../src/core/losses';
import { crossEntropyKMinus1Indices } from '../../src/core/losses/kMinus1Indices';
import { crossEntropyWithProbabilities } from '../../src/core/losses/probabilityTargets';
import { denseIndexTargets, kMinus1IndexTargets } from '../../src/core/losses/smoothedTargets';
import { klDivOneHot } from '../../src/core/playground/klOneHot';
import type { Tensor } from '../../src/core/tensor';
import { fuzz } from '../support/fuzz';

const IGNORE = -100;
const value = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -30, max: 30, noNaN: true }) },
  // Rows spread wider than exp's normal range take the checked kernel.
  { weight: 2, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
);

const problem = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), classes: fc.integer({ min: 2, max: 6 }) })
  .chain(({ rows, classes }) =>
    fc.record({
      logits: fc.array(value, { minLength: rows * classes, maxLength: rows * classes }),
      target: fc.array(fc.oneof(fc.integer({ min: 0, max: classes - 1 }), fc.constant(IGNORE)), {
        minLength: rows,
        maxLength: rows,
      }),
      epsilon: fc.oneof(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0, 1, (classes - 1) / classes),
      ),
      reduction: fc.constantFrom('mean' as const, 'sum' as const, 'none' as const),
      rows: fc.constant(rows),
      classes: fc.constant(classes),
    }),
  );

/** Same value to 1e-12 relative, nan where the other is nan, same infinities. */
function same(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < expected.length; i++) {
    const [a, e] = [actual[i]!, expected[i]!];
    if (Number.isNaN(e) || !Number.isFinite(e))
      assert.ok(Object.is(a, e) || a === e, `${what}[${i}]: ${a} ≠ ${e}`);
    else assert.ok(Math.abs(a - e) <= 1e-12 * Math.max(1, Math.abs(e)), `${what}[${i}]: ${a} ≠ ${e}`);
  }
}

describe('fused loss paths without dense targets', () => {
  it('K−1 cross-entropy on class indices equals the dense probability-target path, loss and gradient', () => {
    fc.assert(
      fc.property(problem, ({ logits, target, epsilon, reduction, rows, classes }) => {
        const input: Tensor = { shape: [rows, classes], data: Float64Array.from(logits) };
        const labels: Tensor = { shape: [rows], data: Float64Array.from(target) };
        const fused = crossEntropyKMinus1Indices(input, labels, {
          epsilon,
          ignoreIndex: IGNORE,
          reduction,
          grad: true,
        });
        const dense = crossEntropyWithProbabilities(
          input,
          kMinus1IndexTargets(input, labels, epsilon, IGNORE),
          {
            weights: new Float64Array(classes).fill(1),
            smoothTarget: (t) => t,
            reduction,
            grad: true,
          },
        );
        same(fused.output.data, dense.output.data, 'loss');
        same(fused.gradInput!.data, dense.gradInput!.data, 'gradient');
      }),
      fuzz(300),
    );
  });

  it('KL against smoothed class indices equals klDiv on the dense target, to the last bit', () => {
    fc.assert(
      fc.property(problem, ({ logits, target, epsilon, rows, classes }) => {
        const input: Tensor = { shape: [rows, classes], data: Float64Array.from(logits) };
        const labels: Tensor = { shape: [rows], data: Float64Array.from(target) };
        const off = off0(epsilon, classes);
        const on = 1 - (classes - 1) * off;
        for (const reduction of ['mean', 'sum', 'none', 'batchmean'] as const) {
          const fused = klDivOneHot({
            input: input.data,
            rows,
            cols: classes,
            target: labels.data,
            ignoreIndex: IGNORE,
            on,
            off,
            shape: input.shape,
            reduction,
            grad: true,
          });
          const dense = klDiv(input, denseIndexTargets(input.shape, labels, { on, off: off! }, IGNORE), {
            reduction,
            grad: true,
          });
          assert.deepEqual(fused.output, dense.output);
          assert.deepEqual(fused.gradInput, dense.gradInput);
        }
      }),
      fuzz(200),
    );
  });
});

const off0 = (epsilon: number, classes: number) => epsilon / classes;
