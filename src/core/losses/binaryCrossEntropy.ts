import type { Tensor } from '../tensor';
import { binaryInputs, elementwiseLoss } from './elementwise';
import type { BinaryLossOptions, LossResult } from './types';

/** torch clamps each log term at -100 and the gradient's denominator at 1e-12. */
const LOG_FLOOR = -100;
const GRAD_EPSILON = 1e-12;

/** torch.nn.functional.binary_cross_entropy on probabilities in [0, 1]. */
export function binaryCrossEntropy(
  input: Tensor,
  target: Tensor,
  options: BinaryLossOptions = {},
): LossResult {
  const {
    reduction,
    target: t,
    weight: w,
    grad,
  } = binaryInputs(input, target, options, 'binaryCrossEntropy');
  const x = input.data;
  return elementwiseLoss(input, reduction, grad, (i, scale, out) => {
    const p = x[i]!;
    if (!(p >= 0 && p <= 1)) throw new RangeError(`binaryCrossEntropy: input ${p} at ${i} is not in [0, 1]`);
    const weight = w ? w[i]! : 1;
    const logTerms =
      (t[i]! - 1) * Math.max(Math.log1p(-p), LOG_FLOOR) - t[i]! * Math.max(Math.log(p), LOG_FLOOR);
    out.loss = logTerms * weight;
    out.grad = ((scale * (p - t[i]!)) / Math.max((1 - p) * p, GRAD_EPSILON)) * weight;
  });
}
