import { type SmoothingConvention, targetValues } from './conventions';

/**
 * The logit gap (target minus every other class) at which softmax equals the smoothed target, i.e. where the
 * smoothed loss is minimal: log(on/off); uniform gives log((1-ε+ε/K)/(ε/K)). Infinite at ε = 0.
 */
export function optimalLogitGap(
  classes: number,
  epsilon: number,
  convention: SmoothingConvention = 'uniform',
): number {
  const { on, off } = targetValues(convention, classes, epsilon);
  return Math.log(on / off);
}

/** softmax([gap, 0, …, 0]) for the optimal gap: the target class first, then the K-1 others. */
export function gapProbabilities(
  classes: number,
  epsilon: number,
  convention: SmoothingConvention = 'uniform',
): number[] {
  const other = Math.exp(-optimalLogitGap(classes, epsilon, convention));
  const top = 1 / (1 + (classes - 1) * other);
  return [top, ...Array.from({ length: classes - 1 }, () => other * top)];
}
