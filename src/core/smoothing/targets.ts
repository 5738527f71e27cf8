import { denseIndexTargets } from '../losses/smoothedTargets';
import { type Tensor, tensor } from '../tensor';
import { familyOf, type SmoothingConvention, spreadDivisor, targetValues } from './conventions';
import { NO_IGNORED_INDEX } from './options';

/**
 * Smoothed targets. Categorical conventions take class indices of shape S and return torch's layout:
 * () → (K), (N) → (N, K), (N, d1, …) → (N, K, d1, …). Binary conventions take targets in [0, 1] of any shape and
 * return the same shape (`classes` is unused there: batch max+1 derives its divisor from the batch).
 */
export function smoothTargets(
  target: Tensor,
  classes: number,
  epsilon: number,
  convention: SmoothingConvention,
): Tensor {
  return familyOf(convention) === 'binary'
    ? smoothBinaryTargets(target, epsilon, convention)
    : smoothIndexTargets(target, classes, epsilon, convention);
}

function smoothIndexTargets(
  target: Tensor,
  classes: number,
  epsilon: number,
  convention: SmoothingConvention,
): Tensor {
  const [n, ...rest] = target.shape;
  const shape = n === undefined ? [classes] : [n, classes, ...rest];
  return denseIndexTargets(shape, target, targetValues(convention, classes, epsilon), NO_IGNORED_INDEX);
}

function smoothBinaryTargets(target: Tensor, alpha: number, convention: SmoothingConvention): Tensor {
  const share = alpha / binaryDivisor(target, convention);
  return tensor(
    target.shape,
    target.data.map((t) => t * (1 - alpha) + share),
  );
}

/**
 * 2 for the binary convention; max(t)+1 over the whole batch for batch max+1 (1 when every target is 0). As torch's
 * `target.max()`, a NaN target makes it NaN and an empty batch has none.
 */
export function binaryDivisor(target: Tensor, convention: SmoothingConvention): number {
  if (convention !== 'batch_max_plus_1') return spreadDivisor(convention, 2);
  if (target.data.length === 0)
    throw new RangeError(
      'batch max+1 divides by max(target) + 1, which an empty batch of targets does not have (torch: max() raises)',
    );
  let max = Number.NEGATIVE_INFINITY;
  for (const t of target.data) if (t > max || Number.isNaN(t)) max = t;
  return spreadDivisor(convention, max + 1);
}
