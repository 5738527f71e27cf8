import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  klDiv,
  type LossResult,
  nllLoss,
  type Reduction,
} from '../../src/core/losses';
import { type Tensor, tensor } from '../../src/core/tensor';
import { fuzz } from '../support/fuzz';

type Loss = (input: Tensor) => LossResult;

const STEP = 1e-6;

/** d(Σ output)/d(input) by central differences. */
function numericGradient(loss: Loss, input: Tensor): Float64Array {
  const total = (data: Float64Array): number => {
    let sum = 0;
    for (const v of loss(tensor(input.shape, data)).output.data) sum += v;
    return sum;
  };
  return input.data.map((v, i) => {
    const plus = input.data.slice();
    const minus = input.data.slice();
    plus[i] = v + STEP;
    minus[i] = v - STEP;
    return (total(plus) - total(minus)) / (2 * STEP);
  });
}

function assertGradientMatches(loss: Loss, input: Tensor): void {
  const analytic = loss(input).gradInput!.data;
  const numeric = numericGradient(loss, input);
  numeric.forEach((n, i) => {
    assert.ok(
      Math.abs(analytic[i]! - n) <= 1e-6 * Math.max(1, Math.abs(n)),
      `element ${i}: ${analytic[i]} vs ${n}`,
    );
  });
}

const value = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const values = (n: number, min: number, max: number) =>
  fc.array(value(min, max), { minLength: n, maxLength: n });
const plainReduction = fc.constantFrom<Reduction>('mean', 'sum', 'none');

/** (N, C) or (N, C, d) logits with index targets (some ignored), class weights and smoothing. */
const classProblem = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    c: fc.integer({ min: 2, max: 6 }),
    d: fc.constantFrom(0, 1, 3),
  })
  .chain(({ n, c, d }) => {
    const shape = d ? [n, c, d] : [n, c];
    const rows = n * Math.max(d, 1);
    return fc.record({
      logits: values(rows * c, -6, 6).map((v) => tensor(shape, v)),
      probabilities: values(rows * c, 0, 1).map((v) => tensor(shape, v)),
      targets: fc.array(fc.integer({ min: -1, max: c - 1 }), { minLength: rows, maxLength: rows }),
      weight: fc.option(
        values(c, 0.1, 2).map((v) => tensor([c], v)),
        { nil: undefined },
      ),
      labelSmoothing: fc.constantFrom(0, 0.1, 0.5, 1),
      reduction: plainReduction,
    });
  })
  .filter((p) => p.targets.some((t) => t >= 0));

function indexTargets(targets: number[], shape: readonly number[]): Tensor {
  return tensor([shape[0]!, ...shape.slice(2)], targets);
}

describe('loss gradients match central finite differences', () => {
  it('crossEntropy with index targets, weights, ignored rows and label smoothing', () => {
    fc.assert(
      fc.property(classProblem, fc.constantFrom('uniform', 'k_minus_1' as const), (p, convention) => {
        const target = indexTargets(p.targets, p.logits.shape);
        const options = { ...p, ignoreIndex: -1, smoothingConvention: convention, grad: true };
        assertGradientMatches((x) => crossEntropy(x, target, options), p.logits);
      }),
      fuzz(150),
    );
  });

  it('crossEntropy with probability targets', () => {
    fc.assert(
      fc.property(classProblem, (p) => {
        const options = {
          weight: p.weight,
          labelSmoothing: p.labelSmoothing,
          reduction: p.reduction,
          grad: true,
        };
        assertGradientMatches((x) => crossEntropy(x, p.probabilities, options), p.logits);
      }),
      fuzz(100),
    );
  });

  it('nllLoss', () => {
    fc.assert(
      fc.property(classProblem, (p) => {
        const target = indexTargets(p.targets, p.logits.shape);
        const options = { weight: p.weight, reduction: p.reduction, ignoreIndex: -1, grad: true };
        assertGradientMatches((x) => nllLoss(x, target, options), p.logits);
      }),
      fuzz(100),
    );
  });

  const binaryProblem = fc
    .record({ n: fc.integer({ min: 1, max: 4 }), c: fc.integer({ min: 1, max: 4 }) })
    .chain(({ n, c }) =>
      fc.record({
        shape: fc.constant([n, c]),
        probabilities: values(n * c, 0.05, 0.95),
        logits: values(n * c, -8, 8),
        targets: values(n * c, 0, 1),
        weight: fc.option(
          values(c, 0.1, 2).map((v) => tensor([c], v)),
          { nil: undefined },
        ),
        posWeight: fc.option(
          values(c, 0.1, 3).map((v) => tensor([c], v)),
          { nil: undefined },
        ),
        labelSmoothing: fc.constantFrom(0, 0.1, 1),
        reduction: plainReduction,
      }),
    );

  it('binaryCrossEntropy away from its clamps', () => {
    fc.assert(
      fc.property(binaryProblem, (p) => {
        const target = tensor(p.shape, p.targets);
        const options = {
          weight: p.weight,
          labelSmoothing: p.labelSmoothing,
          reduction: p.reduction,
          grad: true,
        };
        assertGradientMatches(
          (x) => binaryCrossEntropy(x, target, options),
          tensor(p.shape, p.probabilities),
        );
      }),
      fuzz(100),
    );
  });

  it('binaryCrossEntropyWithLogits with weight and posWeight', () => {
    fc.assert(
      fc.property(binaryProblem, (p) => {
        const target = tensor(p.shape, p.targets);
        const options = { ...p, grad: true };
        assertGradientMatches(
          (x) => binaryCrossEntropyWithLogits(x, target, options),
          tensor(p.shape, p.logits),
        );
      }),
      fuzz(100),
    );
  });

  it('klDiv with probability and log targets', () => {
    fc.assert(
      fc.property(
        binaryProblem,
        fc.boolean(),
        fc.constantFrom<Reduction>('mean', 'sum', 'none', 'batchmean'),
        (p, logTarget, reduction) => {
          const target = tensor(p.shape, logTarget ? p.logits : p.targets);
          const options = { logTarget, reduction, grad: true };
          assertGradientMatches((x) => klDiv(x, target, options), tensor(p.shape, p.logits));
        },
      ),
      fuzz(100),
    );
  });
});
