import { SUMS_PER_ROW } from './softmaxGradientRows';
import { softmaxGradientKernel } from './wasmSoftmaxRows';

/** Values of softmax held at a time: a block of rows small enough to stay in the core's L2 cache beside its logits. */
const BLOCK_VALUES = 8192;

/**
 * The softmax of `rows` contiguous rows of `classes` logits, a block of rows at a time through the softmax-gradient
 * kernel (the WebAssembly one where it runs): `visit(first, count, probabilities)` sees each block's rows, which a
 * later block overwrites, so no (N, C) array is built. Each row's shift, Σ exp(x − shift) and Σ (x − shift) land in
 * `sums` from SUMS_PER_ROW·row, as the kernel leaves them.
 */
export function softmaxRowBlocks(
  x: Float64Array,
  rows: number,
  classes: number,
  sums: Float64Array,
  visit: (first: number, count: number, probabilities: Float64Array) => void = () => {},
): void {
  const kernel = softmaxGradientKernel();
  const blockRows = Math.max(1, Math.floor(BLOCK_VALUES / Math.max(1, classes)));
  const probabilities = new Float64Array(Math.min(rows, blockRows) * classes);
  for (let first = 0; first < rows; first += blockRows) {
    const count = Math.min(blockRows, rows - first);
    const logits = x.subarray(first * classes, (first + count) * classes);
    const blockSums = sums.subarray(first * SUMS_PER_ROW, (first + count) * SUMS_PER_ROW);
    kernel(logits, probabilities, count, classes, 1, 0, blockSums);
    visit(first, count, probabilities);
  }
}
