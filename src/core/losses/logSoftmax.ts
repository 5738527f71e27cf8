import { numel, type Tensor } from '../tensor';

/**
 * Splits a shape around `dim` into (outer, size, inner) so that element (o, c, i) sits at
 * o * size * inner + c * inner + i. Every reduction over one dimension walks this layout.
 */
export function splitAround(shape: readonly number[], dim: number): { outer: number; size: number; inner: number } {
  const d = normaliseDim(dim, shape.length);
  return { outer: numel(shape.slice(0, d)), size: shape[d] ?? 1, inner: numel(shape.slice(d + 1)) };
}

export function normaliseDim(dim: number, rank: number): number {
  const r = Math.max(rank, 1);
  const d = dim < 0 ? dim + r : dim;
  if (d < 0 || d >= r) throw new RangeError(`dim ${dim} is out of range for a tensor of rank ${rank}`);
  return d;
}

/** log(sum(exp(x))) over `size` values at `start`, `stride` apart; stable, and -inf when every value is -inf. */
export function logSumExp(x: Float64Array, start: number, size: number, stride: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0, j = start; c < size; c++, j += stride) if (x[j]! > max || Number.isNaN(x[j]!)) max = x[j]!;
  if (Number.isNaN(max)) return Number.NaN;
  if (max === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) return max;
  let sum = 0;
  for (let c = 0, j = start; c < size; c++, j += stride) sum += Math.exp(x[j]! - max);
  return max + Math.log(sum);
}

/** torch.log_softmax(input, dim). */
export function logSoftmax(input: Tensor, dim = -1): Tensor {
  const { outer, size, inner } = splitAround(input.shape, dim);
  const x = input.data;
  const out = new Float64Array(x.length);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const start = o * size * inner + i;
      const lse = logSumExp(x, start, size, inner);
      for (let c = 0, j = start; c < size; c++, j += inner) out[j] = x[j]! - lse;
    }
  }
  return { shape: [...input.shape], data: out };
}

/** torch.softmax(input, dim). */
export function softmax(input: Tensor, dim = -1): Tensor {
  const ls = logSoftmax(input, dim);
  const d = ls.data;
  for (let j = 0; j < d.length; j++) d[j] = Math.exp(d[j]!);
  return ls;
}
