import { sum, zeroWeightSmoothedMean } from '../losses/reduce';
import type { Tensor } from '../tensor';
import { binaryLosses } from './binary';
import { categoricalLosses, categoricalTerms } from './categorical';
import { familyOf } from './conventions';
import { type ReducedLoss, reduceLosses } from './line';
import { checkInputKind, type Reduction, type SmoothedLossOptions } from './options';

/**
 * The loss a convention computes, evaluated directly from its smoothed targets. Categorical conventions take
 * logits (K), (N, K) or (N, K, d1, …) and class indices; binary ones take logits (or probabilities with
 * `input: 'probabilities'`) and targets of the same shape. A number for 'mean'/'sum', a Tensor for 'none'.
 */
export function smoothedLoss<R extends Reduction = 'mean'>(
  input: Tensor,
  target: Tensor,
  options: SmoothedLossOptions & { reduction?: R },
): ReducedLoss<R> {
  const { epsilon, convention } = options;
  const family = familyOf(convention);
  checkInputKind(family, options);
  const reduction = options.reduction ?? ('mean' as R);
  if (family === 'binary')
    return reduceLosses(binaryLosses(input, target, epsilon, convention, options), reduction);
  const losses = categoricalLosses(input, target, epsilon, convention, options);
  if (reduction !== 'mean' || losses.meanDenominator !== 0 || !(epsilon > 0))
    return reduceLosses(losses, reduction);
  const { nll, spread, layout } = categoricalTerms(input, target, options);
  return zeroWeightSmoothedMean(sum(nll), sum(spread), epsilon, layout.classes) as ReducedLoss<R>;
}
