import type { Tensor } from '../tensor';
import { type ClassLayout, checkIndexTargets, classLayout, rowStart } from './classLayout';

/** torch's probability-target smoothing: t(1-ε) + ε/C. */
export function uniformSmoothing(epsilon: number, classes: number): (t: number) => number {
  const spread = epsilon / classes;
  return (t) => t * (1 - epsilon) + spread;
}

/** K-1 smoothing of a probability: t(1-ε) + (1-t)·ε/(C-1), i.e. 1-ε on a one-hot class and ε/(C-1) elsewhere. */
export function kMinus1Smoothing(epsilon: number, classes: number): (t: number) => number {
  const spread = epsilon / (classes - 1);
  return (t) => t * (1 - epsilon) + (1 - t) * spread;
}

/**
 * Dense K-1 targets for class indices, in the input's layout: 1-ε on the target, ε/(C-1) elsewhere.
 * Rows whose target is `ignoreIndex` get all zeros, so they add nothing (the mean still counts them, as a
 * probability-target loss does).
 */
export function kMinus1IndexTargets(
  input: Tensor,
  target: Tensor,
  epsilon: number,
  ignoreIndex: number,
): Tensor {
  const layout = classLayout(input.shape);
  checkIndexTargets(target, layout, ignoreIndex);
  const dense = new Float64Array(input.data.length);
  for (let row = 0; row < layout.rows; row++) {
    const y = target.data[row]!;
    if (y !== ignoreIndex) fillKMinus1Row(dense, layout, row, y, epsilon);
  }
  return { shape: [...input.shape], data: dense };
}

function fillKMinus1Row(
  dense: Float64Array,
  layout: ClassLayout,
  row: number,
  y: number,
  epsilon: number,
): void {
  const start = rowStart(layout, row);
  const spread = epsilon / (layout.classes - 1);
  for (let c = 0, j = start; c < layout.classes; c++, j += layout.inner)
    dense[j] = c === y ? 1 - epsilon : spread;
}
