import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  lossLine,
  priorFromCounts,
  priorFromLabels,
  priorLossLine,
  priorSmoothedLoss,
  priorSweep,
  priorTargets,
} from '../../src/core/smoothing';
import { tensor } from '../../src/core/tensor';

const RUNS = { seed: 12, numRuns: 300 };

const close = (a: number, b: number, tolerance = 1e-9) =>
  Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b));

/** (N, K) logits, labels (some ignored), a prior from random counts, optional class weights. */
const priorCase = fc
  .record({ rows: fc.integer({ min: 1, max: 6 }), classes: fc.integer({ min: 2, max: 7 }) })
  .chain(({ rows, classes }) =>
    fc.record({
      rows: fc.constant(rows),
      classes: fc.constant(classes),
      logits: fc.array(fc.double({ min: -20, max: 20, noNaN: true }), {
        minLength: rows * classes,
        maxLength: rows * classes,
      }),
      labels: fc.array(fc.oneof(fc.integer({ min: 0, max: classes - 1 }), fc.constant(-100)), {
        minLength: rows,
        maxLength: rows,
      }),
      counts: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: classes, maxLength: classes }),
      weight: fc.option(
        fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: classes, maxLength: classes }),
        { nil: undefined },
      ),
      reduction: fc.constantFrom('mean' as const, 'sum' as const),
      epsilons: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
    }),
  );

describe('smoothing toward a prior', () => {
  it('the one-pass sweep equals direct evaluation from the dense targets at every ε', () => {
    fc.assert(
      fc.property(priorCase, (c) => {
        const logits = tensor([c.rows, c.classes], c.logits);
        const labels = tensor([c.rows], c.labels);
        const prior = priorFromCounts(c.counts, c.classes);
        const options = { weight: c.weight && tensor([c.classes], c.weight), reduction: c.reduction };
        const swept = priorSweep(logits, labels, prior, c.epsilons, options);
        c.epsilons.forEach((e, i) => {
          const direct = priorSmoothedLoss(logits, labels, prior, e, options);
          assert.ok(close(swept[i]!, direct), `ε = ${e}: sweep ${swept[i]}, direct ${direct}`);
        });
      }),
      RUNS,
    );
  });

  it('a uniform prior is torch’s label_smoothing (no weights, no ignored rows)', () => {
    fc.assert(
      fc.property(priorCase, (c) => {
        const logits = tensor([c.rows, c.classes], c.logits);
        const labels = tensor(
          [c.rows],
          c.labels.map((y) => Math.max(y, 0)),
        );
        const uniform = new Float64Array(c.classes).fill(1 / c.classes);
        const prior = priorLossLine(logits, labels, uniform, { reduction: c.reduction });
        const torch = lossLine(logits, labels, 'uniform', { reduction: c.reduction });
        assert.ok(close(prior.intercept, torch.intercept) && close(prior.slope, torch.slope));
      }),
      RUNS,
    );
  });

  it('targets are (1 − ε)·onehot + ε·π, rows summing to 1, ignored rows zero', () => {
    const q = priorTargets(tensor([3], [2, -100, 0]), 3, 0.4, [0.5, 0.3, 0.2]);
    assert.deepEqual(q.shape, [3, 3]);
    const expected = [0.2, 0.12, 0.68, 0, 0, 0, 0.8, 0.12, 0.08];
    for (const [i, v] of expected.entries()) assert.ok(close(q.data[i]!, v), `${i}: ${q.data[i]} vs ${v}`);
  });

  it('estimates π from counts and labels, and refuses what is not a distribution', () => {
    assert.deepEqual(Array.from(priorFromCounts([1, 3], 2)), [0.25, 0.75]);
    assert.deepEqual(Array.from(priorFromLabels([1, 1, -100, 0], 2, -100)), [1 / 3, 2 / 3]);
    assert.throws(() => priorFromCounts([0, 0], 2), /all zero/);
    assert.throws(() => priorFromCounts([1, 2, 3], 2), /expected one per class \(2\)/);
    assert.throws(() => priorTargets(tensor([1], [0]), 2, 0.1, [0.5, 0.6]), /prior sums to 1\.1/);
    assert.throws(() => priorTargets(tensor([1], [0]), 2, 0.1, [1.5, -0.5]), /not a probability/);
  });
});
