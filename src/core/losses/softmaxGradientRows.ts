import { contiguousScaleRow, contiguousSoftmaxRow, maxShiftedSoftmaxRow } from './rowKernels';

/** Where a row's shift, Σ exp(x - shift) and Σ (x - shift) sit in the kernels' `sums`: from 3·row. */
export const SUMS_PER_ROW = 3;

/**
 * For `rows` contiguous rows of `classes` logits in `x`: out ← exp(x - shift) · (a / Σ exp) − b, the softmax scaled
 * and offset into a loss gradient, and each row's shift, Σ exp and Σ (x - shift) in `sums`.
 */
export type SoftmaxGradientRows = (
  x: Float64Array,
  out: Float64Array,
  rows: number,
  classes: number,
  a: number,
  b: number,
  sums: Float64Array,
) => void;

export const jsSoftmaxGradientRows: SoftmaxGradientRows = (x, out, rows, classes, a, b, sums) => {
  for (let row = 0, start = 0, at = 0; row < rows; row++, start += classes, at += SUMS_PER_ROW) {
    contiguousSoftmaxRow(x, start, classes, out, sums, at);
    contiguousScaleRow(out, start, classes, a / sums[at + 1]!, b);
  }
};

/** One row of jsSoftmaxGradientRows shifted by its max, starting at `start`, its sums at `at`. */
export function maxShiftedGradientRow(
  x: Float64Array,
  out: Float64Array,
  start: number,
  classes: number,
  a: number,
  b: number,
  sums: Float64Array,
  at: number,
): void {
  maxShiftedSoftmaxRow(x, start, classes, out, sums, at);
  contiguousScaleRow(out, start, classes, a / sums[at + 1]!, b);
}
