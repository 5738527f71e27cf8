import type { Tensor } from '../tensor';
import {
  activeWeightTotal,
  checkIndexTargets,
  classLayout,
  classWeights,
  DEFAULT_IGNORE_INDEX,
  rowStart,
} from './classLayout';
import { plainReduction, reduceRows } from './reduce';
import type { LossResult, NllLossOptions } from './types';

/** torch.nn.functional.nll_loss on log-probabilities (C), (N, C) or (N, C, d1, ...). */
export function nllLoss(input: Tensor, target: Tensor, options: NllLossOptions = {}): LossResult {
  const reduction = plainReduction(options.reduction, 'nllLoss');
  const layout = classLayout(input.shape);
  const ignoreIndex = options.ignoreIndex ?? DEFAULT_IGNORE_INDEX;
  checkIndexTargets(target, layout, ignoreIndex);
  const weights = classWeights(options.weight, layout.classes);
  const denominator = reduction === 'mean' ? activeWeightTotal(target.data, weights, ignoreIndex) : 1;
  const losses = new Float64Array(layout.rows);
  const grad = options.grad ? new Float64Array(input.data.length) : undefined;
  for (let row = 0; row < layout.rows; row++) {
    const y = target.data[row]!;
    if (y === ignoreIndex) continue;
    const at = rowStart(layout, row) + y * layout.inner;
    losses[row] = -weights[y]! * input.data[at]!;
    if (grad) grad[at] = -weights[y]! / denominator;
  }
  const output = reduceRows(losses, layout.rowShape, reduction, denominator);
  return grad ? { output, gradInput: { shape: [...input.shape], data: grad } } : { output };
}
