import { count } from '../count';
import type { Tensor } from '../tensor';
import { splitAround } from './logSoftmax';

/**
 * Where the classes sit in torch's layout: (C), (N, C) or (N, C, d1, ...). Row r = o·inner + i starts at
 * o·classes·inner + i and steps by `inner`; `rowShape` is the shape of index targets and per-row losses.
 */
export interface ClassLayout {
  readonly outer: number;
  readonly classes: number;
  readonly inner: number;
  readonly rows: number;
  readonly rowShape: readonly number[];
}

export function classLayout(inputShape: readonly number[]): ClassLayout {
  if (inputShape.length === 0) throw new RangeError('the input needs a class dimension, got a scalar');
  const classDim = inputShape.length === 1 ? 0 : 1;
  const { outer, size, inner } = splitAround(inputShape, classDim);
  const rowShape = inputShape.filter((_, d) => d !== classDim);
  return { outer, classes: size, inner, rows: outer * inner, rowShape };
}

export function rowStart(layout: ClassLayout, row: number): number {
  const o = Math.floor(row / layout.inner);
  return o * layout.classes * layout.inner + (row - o * layout.inner);
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, k) => d === b[k]);
}

/** torch's default `ignore_index`. */
export const DEFAULT_IGNORE_INDEX = -100;

/** Throws like torch unless every target is a class index or the ignored index. */
export function checkIndexTargets(target: Tensor, layout: ClassLayout, ignoreIndex: number): void {
  if (!sameShape(target.shape, layout.rowShape)) {
    throw new RangeError(`index targets of shape [${target.shape}] do not match [${layout.rowShape}]`);
  }
  for (const y of target.data) {
    if (y === ignoreIndex) continue;
    if (!Number.isInteger(y) || y < 0 || y >= layout.classes) {
      throw new RangeError(`target ${y} is out of bounds for ${layout.classes} classes`);
    }
  }
}

/** Class weights as a length-C array, all ones when absent. */
export function classWeights(weight: Tensor | null | undefined, classes: number): Float64Array {
  if (!weight) return new Float64Array(classes).fill(1);
  if (weight.data.length !== classes) {
    throw new RangeError(
      `weight has ${count(weight.data.length, 'value')}, expected one per class (${classes})`,
    );
  }
  return weight.data;
}

/** Σ weight[y] over the rows that are not ignored: torch's denominator of the weighted mean. */
export function activeWeightTotal(targets: Float64Array, weights: Float64Array, ignoreIndex: number): number {
  let total = 0;
  for (const y of targets) if (y !== ignoreIndex) total += weights[y]!;
  return total;
}
