/**
 * Shared by the property tests of the fused loss kernels: random (rows, classes) problems with class-index targets,
 * and the element-wise comparison their results are judged by.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { PlainReduction } from '../../src/core/losses/types';

export const IGNORE = -100;

export interface IndexTargetProblem {
  logits: number[];
  target: number[];
  epsilon: number;
  reduction: PlainReduction;
  rows: number;
  classes: number;
}

/**
 * Logits mostly in a normal range (`typicalWeight` against 2 and 1), some spread wider than exp's normal range (the
 * checked kernel), some nan or ±inf; targets with ignored rows; ε anywhere in [0, 1] or at `epsilonEdges(classes)`.
 */
export function indexTargetProblem(o: {
  typicalWeight: number;
  classes: { min: number; max: number };
  epsilonEdges: (classes: number) => number[];
}): fc.Arbitrary<IndexTargetProblem> {
  const value = fc.oneof(
    { weight: o.typicalWeight, arbitrary: fc.double({ min: -30, max: 30, noNaN: true }) },
    { weight: 2, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
  );
  return fc
    .record({ rows: fc.integer({ min: 1, max: 5 }), classes: fc.integer(o.classes) })
    .chain(({ rows, classes }) =>
      fc.record({
        logits: fc.array(value, { minLength: rows * classes, maxLength: rows * classes }),
        target: fc.array(fc.oneof(fc.integer({ min: 0, max: classes - 1 }), fc.constant(IGNORE)), {
          minLength: rows,
          maxLength: rows,
        }),
        epsilon: fc.oneof(
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.constantFrom(...o.epsilonEdges(classes)),
        ),
        reduction: fc.constantFrom<PlainReduction>('mean', 'sum', 'none'),
        rows: fc.constant(rows),
        classes: fc.constant(classes),
      }),
    );
}

/** Same value to 1e-12 relative (absolute below 1), nan where the other is nan, same infinities. */
export function assertSame(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < expected.length; i++) {
    const [a, e] = [actual[i]!, expected[i]!];
    if (!Number.isFinite(e)) assert.ok(Object.is(a, e), `${what}[${i}]: ${a} ≠ ${e}`);
    else assert.ok(Math.abs(a - e) <= 1e-12 * Math.max(1, Math.abs(e)), `${what}[${i}]: ${a} ≠ ${e}`);
  }
}
