import type { Tensor } from '../tensor';
import { checkIndexTargets, classLayout, rowStart } from './classLayout';

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

/** A smoothed one-hot row: `on` at the target class, `off` at every other class. */
export interface OneHotValues {
  readonly on: number;
  readonly off: number;
}

/**
 * Dense targets for class indices in the layout of `shape` ((C), (N, C) or (N, C, d1, ...)): `on` at each row's
 * target class, `off` elsewhere. Rows whose target is `ignoreIndex` stay all zero.
 */
export function denseIndexTargets(
  shape: readonly number[],
  target: Tensor,
  { on, off }: OneHotValues,
  ignoreIndex: number,
): Tensor {
  const layout = classLayout(shape);
  checkIndexTargets(target, layout, ignoreIndex);
  const dense = new Float64Array(layout.rows * layout.classes);
  for (let row = 0; row < layout.rows; row++) {
    const y = target.data[row]!;
    if (y === ignoreIndex) continue;
    const start = rowStart(layout, row);
    for (let c = 0, j = start; c < layout.classes; c++, j += layout.inner) dense[j] = c === y ? on : off;
  }
  return { shape: [...shape], data: dense };
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
  const { classes } = classLayout(input.shape);
  return denseIndexTargets(
    input.shape,
    target,
    { on: 1 - epsilon, off: epsilon / (classes - 1) },
    ignoreIndex,
  );
}
