import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  convertEpsilon,
  epsilonSweep,
  type LossInputOptions,
  lossLine,
  SMOOTHING_CONVENTIONS,
  type SmoothingConvention,
  smoothedLoss,
  smoothTargets,
  solveEpsilon,
} from '../../src/core/smoothing';
import { type Tensor, tensor } from '../../src/core/tensor';
import { fuzz } from '../support/fuzz';

const epsilon = fc.double({ min: 0, max: 1, noNaN: true });
const reduction = fc.constantFrom('mean' as const, 'sum' as const);
const categorical = fc.constantFrom<SmoothingConvention>('uniform', 'k_minus_1');
const binary = fc.constantFrom<SmoothingConvention>('binary', 'batch_max_plus_1');

interface Case {
  input: Tensor;
  target: Tensor;
  options: LossInputOptions;
  classes: number;
}

/** (N, K) logits, index targets (some ignored), optional class weights. */
const categoricalCase: fc.Arbitrary<Case> = fc
  .record({ rows: fc.integer({ min: 1, max: 5 }), classes: fc.integer({ min: 2, max: 6 }) })
  .chain(({ rows, classes }) =>
    fc
      .record({
        logits: fc.array(fc.double({ min: -20, max: 20, noNaN: true }), {
          minLength: rows * classes,
          maxLength: rows * classes,
        }),
        target: fc.array(fc.oneof(fc.integer({ min: 0, max: classes - 1 }), fc.constant(-100)), {
          minLength: rows,
          maxLength: rows,
        }),
        weight: fc.option(
          fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: classes, maxLength: classes }),
          {
            nil: undefined,
          },
        ),
      })
      .map(({ logits, target, weight }) => ({
        input: tensor([rows, classes], logits),
        target: tensor([rows], target),
        options: { weight: weight && tensor([classes], weight) },
        classes,
      })),
  );

/** Logits or probabilities with soft targets in [0, 1]. */
const binaryCase: fc.Arbitrary<Case> = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc
    .record({
      probabilities: fc.boolean(),
      values: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      target: fc.array(fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })), {
        minLength: n,
        maxLength: n,
      }),
    })
    .map(({ probabilities, values, target }) => ({
      input: tensor([n], probabilities ? values : values.map((v) => 20 * v - 10)),
      target: tensor([n], target),
      options: { input: probabilities ? ('probabilities' as const) : ('logits' as const) },
      classes: 2,
    })),
);

function close(a: number, b: number, tolerance = 1e-9): boolean {
  return (
    (Number.isNaN(a) && Number.isNaN(b)) ||
    Math.abs(a - b) <= tolerance * Math.max(1, Math.abs(a), Math.abs(b))
  );
}

describe('smoothing properties', () => {
  it('categorical smoothed targets are ≥ 0 and every row sums to 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 10 }), epsilon, categorical, (classes, eps, convention) => {
        const target = tensor(
          [classes],
          Array.from({ length: classes }, (_, i) => i),
        );
        const q = smoothTargets(target, classes, eps, convention).data;
        for (let r = 0; r < classes; r++) {
          const row = q.subarray(r * classes, (r + 1) * classes);
          assert.ok(row.every((v) => v >= 0));
          assert.ok(
            close(
              row.reduce((a, b) => a + b, 0),
              1,
              1e-12,
            ),
          );
        }
      }),
      fuzz(100),
    );
  });

  it('binary smoothed targets q lie in [0, 1], so (q, 1-q) is a distribution', () => {
    fc.assert(
      fc.property(binaryCase, epsilon, binary, ({ target }, eps, convention) => {
        const q = smoothTargets(target, 2, eps, convention).data;
        assert.ok(q.every((v) => v >= -1e-15 && v <= 1 + 1e-15));
      }),
      fuzz(100),
    );
  });

  it('the ε sweep equals direct evaluation (categorical)', () => {
    fc.assert(
      fc.property(
        categoricalCase,
        fc.array(epsilon, { minLength: 1, maxLength: 5 }),
        reduction,
        (c, eps, red) => {
          const options = { ...c.options, reduction: red };
          const sweep = epsilonSweep(c.input, c.target, eps, {
            ...options,
            conventions: ['uniform', 'k_minus_1'],
          });
          for (const convention of ['uniform', 'k_minus_1'] as const) {
            eps.forEach((e, i) => {
              const direct = smoothedLoss(c.input, c.target, { ...options, epsilon: e, convention });
              assert.ok(close(sweep.loss[convention]![i]!, direct), `${convention} ε=${e}`);
            });
          }
        },
      ),
      fuzz(100),
    );
  });

  it('the ε sweep equals direct evaluation (binary)', () => {
    fc.assert(
      fc.property(binaryCase, fc.array(epsilon, { minLength: 1, maxLength: 5 }), reduction, (c, eps, red) => {
        const options = { ...c.options, reduction: red };
        const sweep = epsilonSweep(c.input, c.target, eps, {
          ...options,
          conventions: ['binary', 'batch_max_plus_1'],
        });
        for (const convention of ['binary', 'batch_max_plus_1'] as const) {
          eps.forEach((e, i) => {
            const direct = smoothedLoss(c.input, c.target, { ...options, epsilon: e, convention });
            assert.ok(close(sweep.loss[convention]![i]!, direct), `${convention} ε=${e}`);
          });
        }
      }),
      fuzz(100),
    );
  });

  it('conversions round-trip', () => {
    const conventions = fc.constantFrom(...SMOOTHING_CONVENTIONS);
    fc.assert(
      fc.property(
        epsilon,
        conventions,
        conventions,
        fc.integer({ min: 2, max: 50 }),
        (eps, from, to, classes) => {
          const there = convertEpsilon(eps, from, to, classes);
          assert.ok(close(convertEpsilon(there, to, from, classes), eps, 1e-12));
        },
      ),
      fuzz(100),
    );
  });

  it('uniform at the converted ε gives the K−1 targets and per-row losses', () => {
    fc.assert(
      fc.property(categoricalCase, epsilon, ({ input, target, options, classes }, eps) => {
        const converted = convertEpsilon(eps, 'k_minus_1', 'uniform', classes);
        const rows = tensor(
          [target.shape[0]!],
          target.data.map((y) => Math.max(y, 0)),
        );
        const qK = smoothTargets(rows, classes, eps, 'k_minus_1').data;
        const qU = smoothTargets(rows, classes, converted, 'uniform').data;
        assert.ok(qK.every((v, j) => close(v, qU[j]!, 1e-12)));
        const perRow = (epsilon: number, convention: SmoothingConvention) =>
          smoothedLoss(input, target, { ...options, epsilon, convention, reduction: 'none' }).data;
        const uniform = perRow(converted, 'uniform');
        assert.ok(perRow(eps, 'k_minus_1').every((v, i) => close(v, uniform[i]!)));
      }),
      fuzz(100),
    );
  });

  it('solveEpsilon brackets the ε that printed a loss', () => {
    fc.assert(
      fc.property(categoricalCase, epsilon, categorical, (c, eps, convention) => {
        const loss = smoothedLoss(c.input, c.target, { ...c.options, epsilon: eps, convention });
        fc.pre(
          Number.isFinite(loss) && Math.abs(lossLine(c.input, c.target, convention, c.options).slope) > 1e-6,
        );
        const solution = solveEpsilon(c.input, c.target, Number(loss.toFixed(4)), convention, 4, c.options);
        assert.ok(solution && solution.lo - 1e-9 <= eps && eps <= solution.hi + 1e-9);
      }),
      fuzz(100),
    );
  });
});
