import type { Tensor } from '../tensor';
import { binaryLosses } from './binary';
import { categoricalLosses } from './categorical';
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
  const losses =
    family === 'binary'
      ? binaryLosses(input, target, epsilon, convention, options)
      : categoricalLosses(input, target, epsilon, convention, options);
  return reduceLosses(losses, options.reduction ?? ('mean' as R));
}
