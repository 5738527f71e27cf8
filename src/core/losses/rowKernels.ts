import { expInRange, fastExp } from './fastExp';

/**
 * Kernels over one softmax row: `size` values of `x` from `start`, `stride` apart. A per-class coefficient row
 * `coef` is read from `coefStart` with `coefStride` (class weights: 0 and 1; a dense target: the row's own layout).
 */

/** Largest value of the row. NaN is skipped here; it reaches every output through the exponentials instead. */
export function rowMax(x: Float64Array, start: number, size: number, stride: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0, j = start; c < size; c++, j += stride) if (x[j]! > max) max = x[j]!;
  return max;
}

export interface ShiftedExpSums {
  /** Σ exp(x - max). */
  sumExp: number;
  /** Σ coef · (x - max), so that Σ coef · logp = coefShift - Σ coef · log(sumExp). */
  coefShift: number;
}

/** The row's single exponential pass: writes exp(x - max) into `out` at the row's positions. */
export function shiftedExpRow(
  x: Float64Array,
  start: number,
  size: number,
  stride: number,
  max: number,
  out: Float64Array,
  coef: Float64Array,
  coefStart: number,
  coefStride: number,
): ShiftedExpSums {
  let sumExp = 0;
  let coefShift = 0;
  for (let c = 0, j = start, k = coefStart; c < size; c++, j += stride, k += coefStride) {
    const shifted = x[j]! - max;
    const e = fastExp(shifted);
    out[j] = e;
    sumExp += e;
    coefShift += coef[k]! * shifted;
  }
  return { sumExp, coefShift };
}

/** g ← g · factor - offset · coef over the row: turns stored exponentials into the softmax gradient. */
export function scaleRow(
  g: Float64Array,
  start: number,
  size: number,
  stride: number,
  factor: number,
  offset: number,
  coef: Float64Array,
  coefStart: number,
  coefStride: number,
): void {
  for (let c = 0, j = start, k = coefStart; c < size; c++, j += stride, k += coefStride) {
    g[j] = g[j]! * factor - offset * coef[k]!;
  }
}

/** The largest of x[start..end) (−∞ for an empty range). */
function contiguousMax(x: Float64Array, start: number, end: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let j = start; j < end; j++) {
    const v = x[j]!;
    if (v > max) max = v;
  }
  return max;
}

/** A coefficient row of one 1, read with stride 0: Σ coef · (x - max) is then Σ (x - max). */
const UNIT_COEF = new Float64Array([1]);

/**
 * How far from its first value a row may spread and still be shifted by it: exp stays in its normal range, and
 * Σ exp (at most C·e^300) and the gradient's 1 / Σ exp stay far from overflow and from subnormals.
 */
export const FIRST_VALUE_SPREAD = 300;

/**
 * The common case, (N, C) logits without class weights, in one function: contiguous rows and no coefficient reads
 * let V8 keep everything in registers (about 1.7× faster than the strided kernels above). Leaves exp(x - shift) in
 * `out`; writes the shift, Σ exp(x - shift) and Σ (x - shift) to `sums` from `at`. Any shift gives the same
 * softmax; the row's first value is known before the row is read, so no pass for the max precedes the exponentials
 * (a sixth of the time) and the range check rides along in the same loop. A row whose first shift cancels
 * (firstShiftCancels) is done again in the same loop shifted by its max; one spread wider than FIRST_VALUE_SPREAD
 * around its first value (or holding ±inf) by maxShiftedSoftmaxRow. softmaxRows.wat does the same in the same order.
 */
export function contiguousSoftmaxRow(
  x: Float64Array,
  start: number,
  size: number,
  out: Float64Array,
  sums: Float64Array,
  at = 0,
): void {
  const highest = shiftedSoftmaxRow(x, start, size, x[start]!, FIRST_VALUE_SPREAD, out, sums, at);
  if (highest < 0) maxShiftedSoftmaxRow(x, start, size, out, sums, at);
  else if (firstShiftCancels(highest, sums[at + 1]!)) {
    shiftedSoftmaxRow(x, start, size, pairMax(x, start, size), MAX_SHIFT_SPREAD, out, sums, at);
  }
}

/**
 * out ← exp(x - shift) over a contiguous row, and the shift, Σ exp and Σ (x - shift) in `sums` from `at`; returns the
 * largest x - shift (at least 0), or -1 when some x - shift left (-spread, spread) and nothing written means anything.
 * Both sums run in two lanes, even and odd classes, added at the end: the order of softmaxRows.wat's f64x2 lanes,
 * so that the two kernels agree bit for bit.
 */
function shiftedSoftmaxRow(
  x: Float64Array,
  start: number,
  size: number,
  shift: number,
  spread: number,
  out: Float64Array,
  sums: Float64Array,
  at: number,
): number {
  const end = start + size;
  const pairsEnd = end - (size & 1);
  let lowest = 0;
  let highest = 0;
  let sumExpEven = 0;
  let sumExpOdd = 0;
  let sumShiftEven = 0;
  let sumShiftOdd = 0;
  let j = start;
  for (; j < pairsEnd; j += 2) {
    const even = x[j]! - shift;
    const odd = x[j + 1]! - shift;
    if (even < lowest) lowest = even;
    if (odd < lowest) lowest = odd;
    if (even > highest) highest = even;
    if (odd > highest) highest = odd;
    const expEven = expInRange(even);
    const expOdd = expInRange(odd);
    out[j] = expEven;
    out[j + 1] = expOdd;
    sumExpEven += expEven;
    sumExpOdd += expOdd;
    sumShiftEven += even;
    sumShiftOdd += odd;
  }
  if (j < end) {
    const last = x[j]! - shift;
    if (last < lowest) lowest = last;
    if (last > highest) highest = last;
    const expLast = expInRange(last);
    out[j] = expLast;
    sumExpEven += expLast;
    sumShiftEven += last;
  }
  sums[at] = shift;
  sums[at + 1] = sumExpEven + sumExpOdd;
  sums[at + 2] = sumShiftEven + sumShiftOdd;
  return lowest > -spread && highest < spread ? highest : -1;
}

/**
 * A row's max as softmaxRows.wat finds it: in the even and odd lanes (`m < v ? v : m`), then the larger lane and the
 * odd row's last value, so that a max of both 0 and −0 is the same zero in both kernels. No nan here (see below).
 */
function pairMax(x: Float64Array, start: number, size: number): number {
  const end = start + size;
  const pairsEnd = end - (size & 1);
  let even = x[start]!;
  let odd = even;
  for (let j = start; j < pairsEnd; j += 2) {
    if (even < x[j]!) even = x[j]!;
    if (odd < x[j + 1]!) odd = x[j + 1]!;
  }
  const max = Math.max(even, odd);
  return pairsEnd < end ? Math.max(max, x[pairsEnd]!) : max;
}

/** Σ exp(x − shift) at most this times the max's own exp(max − shift): the max's softmax above 1 − 2^-10. */
const CONFIDENT_SUM = 1 + 2 ** -10;

/**
 * Whether a row shifted by its first value, whose max lies `highest` above it, must be shifted by its max instead:
 * when the max holds nearly all of Σ exp, the loss at the max, log Σ exp(x − x0) + x0 − x_max, is far smaller than
 * log Σ exp and would keep only a few ulp of it ([-20, 0] → 2.0611530e-9), where torch, shifting by the max, takes
 * log(1 + δ) of the same rounded 1 + δ (2.0611537e-9). Elsewhere every loss is at least ~1e-3 and the first shift
 * costs at most a few ulp of FIRST_VALUE_SPREAD. One exponential per row, the same in both kernels. A row with nan
 * has a nan Σ exp and is never redone.
 */
export function firstShiftCancels(highest: number, sumExp: number): boolean {
  return highest > 0 && sumExp < expInRange(highest) * CONFIDENT_SUM;
}

/**
 * The range of a row inside FIRST_VALUE_SPREAD of its first value once shifted by its max: x − max above −600, where
 * exp stays normal.
 */
export const MAX_SHIFT_SPREAD = 2 * FIRST_VALUE_SPREAD;

/** A contiguous row shifted by its max through shiftedExpRow, whose exponential checks every argument. */
export function maxShiftedSoftmaxRow(
  x: Float64Array,
  start: number,
  size: number,
  out: Float64Array,
  sums: Float64Array,
  at: number,
): void {
  const max = contiguousMax(x, start, start + size);
  const checked = shiftedExpRow(x, start, size, 1, max, out, UNIT_COEF, 0, 0);
  sums[at] = max;
  sums[at + 1] = checked.sumExp;
  sums[at + 2] = checked.coefShift;
}

/** g ← g · factor - offset over a contiguous row. */
export function contiguousScaleRow(
  g: Float64Array,
  start: number,
  size: number,
  factor: number,
  offset: number,
): void {
  const end = start + size;
  for (let j = start; j < end; j++) g[j] = g[j]! * factor - offset;
}
