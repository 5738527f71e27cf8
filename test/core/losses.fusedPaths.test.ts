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
import { assertSame, IGNORE, indexTargetProblem } from '../support/lossProblems';

const problem = indexTargetProblem({
  typicalWeight: 12,
  classes: { min: 2, max: 6 },
  epsilonEdges: (classes) => [0, 1, (classes - 1) / classes],
});

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
        assertSame(fused.output.data, dense.output.data, 'loss');
        assertSame(fused.gradInput!.data, dense.gradInput!.data, 'gradient');
      }),
      fuzz(300),
    );
  });

  it('KL against smoothed class indices equals klDiv on the dense target, to the last bit, with and without a gradient', () => {
    fc.assert(
      fc.property(problem, ({ logits, target, epsilon, rows, classes }) => {
        const input: Tensor = { shape: [rows, classes], data: Float64Array.from(logits) };
        const labels: Tensor = { shape: [rows], data: Float64Array.from(target) };
        const off = off0(epsilon, classes);
        const on = 1 - (classes - 1) * off;
        for (const [reduction, grad] of [
          ['mean', true],
          ['sum', true],
          ['none', true],
          ['batchmean', true],
          ['mean', false],
          ['sum', false],
          ['none', false],
          ['batchmean', false],
        ] as const) {
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
            grad,
          });
          const dense = klDiv(input, denseIndexTargets(input.shape, labels, { on, off: off! }, IGNORE), {
            reduction,
            grad,
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
