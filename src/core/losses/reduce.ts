import { numel, scalar, type Tensor, tensor } from '../tensor';
import type { PlainReduction, Reduction } from './types';

export function sum(values: Float64Array): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i]!;
  return total;
}

/** torch's apply_loss_reduction for elementwise losses; 'batchmean' divides the sum by the batch size. */
export function reduceElementwise(
  losses: Float64Array,
  shape: readonly number[],
  reduction: Reduction,
): Tensor {
  if (reduction === 'none') return tensor(shape, losses);
  return scalar(sum(losses) * reductionScale(shape, reduction));
}

/** The factor the reduction applies to each element, hence to its gradient. */
export function reductionScale(shape: readonly number[], reduction: Reduction): number {
  if (reduction === 'mean') return 1 / numel(shape);
  if (reduction === 'batchmean' && shape.length > 0) return 1 / shape[0]!;
  return 1;
}

/** The reduction (default 'mean') of a loss other than klDiv, which alone accepts 'batchmean'. */
export function plainReduction(reduction: Reduction | undefined, loss: string): PlainReduction {
  if (reduction === 'batchmean')
    throw new RangeError(`reduction 'batchmean' is only valid for klDiv, not ${loss}`);
  return reduction ?? 'mean';
}

/**
 * torch's label-smoothed index-target 'mean' when the targets' weights total 0 (weight=[0, 0, 1], y=[0, 1]): it
 * divides its two sums separately, (1-ε)·Σnll/0 + ε/C·Σspread/0 (spread = -Σ_c w_c·log p_c), so nan or ±inf,
 * never the combined row sum's x/0.
 */
export function zeroWeightSmoothedMean(
  nllSum: number,
  spreadSum: number,
  epsilon: number,
  classes: number,
): number {
  return (1 - epsilon) * (nllSum / 0) + (epsilon / classes) * (spreadSum / 0);
}

/** Reduces per-row losses; 'mean' divides by `denominator` (the row count, or Σ weight[y] for index targets). */
export function reduceRows(
  losses: Float64Array,
  rowShape: readonly number[],
  reduction: Reduction,
  denominator: number,
): Tensor {
  if (reduction === 'none') return tensor(rowShape, losses);
  const total = sum(losses);
  return scalar(reduction === 'mean' ? total / denominator : total);
}
