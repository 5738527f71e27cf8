import { numel, type Tensor } from '../tensor';
import { fastExp } from './fastExp';

/**
 * Splits a shape around `dim` into (outer, size, inner) so that element (o, c, i) sits at
 * o * size * inner + c * inner + i. Every reduction over one dimension walks this layout.
 */
export function splitAround(
  shape: readonly number[],
  dim: number,
): { outer: number; size: number; inner: number } {
  const d = normaliseDim(dim, shape.length);
  return { outer: numel(shape.slice(0, d)), size: shape[d] ?? 1, inner: numel(shape.slice(d + 1)) };
}

export function normaliseDim(dim: number, rank: number): number {
  const r = Math.max(rank, 1);
  const d = dim < 0 ? dim + r : dim;
  if (d < 0 || d >= r) throw new RangeError(`dim ${dim} is out of range for a tensor of rank ${rank}`);
  return d;
}

/**
 * log(sum(exp(x))) over `size` values at `start`, `stride` apart; stable, and -inf when every value is -inf. fastExp
 * (a few ulp from Math.exp) takes the log-softmax of a 4096×1000 paste from about 55 to 35 ms CPU here.
 */
export function logSumExp(x: Float64Array, start: number, size: number, stride: number): number {
  let max = Number.NEGATIVE_INFINITY;
  for (let c = 0, j = start; c < size; c++, j += stride) if (x[j]! > max || Number.isNaN(x[j]!)) max = x[j]!;
  if (Number.isNaN(max)) return Number.NaN;
  if (max === Number.NEGATIVE_INFINITY || max === Number.POSITIVE_INFINITY) return max;
  let sum = 0;
  for (let c = 0, j = start; c < size; c++, j += stride) sum += fastExp(x[j]! - max);
  return max + Math.log(sum);
}

/** torch.log_softmax(input, dim). A row holding +inf is all nan, as in torch (inf - inf poisons its sum). */
export function logSoftmax(input: Tensor, dim = -1): Tensor {
  const x = input.data;
  const out = new Float64Array(x.length);
  forEachLine(input.shape, dim, (start, size, stride) => {
    const lse = logSumExp(x, start, size, stride);
    const shift = lse === Number.POSITIVE_INFINITY ? Number.NaN : lse;
    for (let c = 0, j = start; c < size; c++, j += stride) out[j] = x[j]! - shift;
  });
  return { shape: [...input.shape], data: out };
}

/** Gradient of log_softmax through its output: gradOutput - softmax · Σ gradOutput along `dim`. */
export function logSoftmaxBackward(output: Tensor, gradOutput: Tensor, dim = -1): Tensor {
  const y = output.data;
  const g = gradOutput.data;
  const grad = new Float64Array(y.length);
  forEachLine(output.shape, dim, (start, size, stride) => {
    let total = 0;
    for (let c = 0, j = start; c < size; c++, j += stride) total += g[j]!;
    for (let c = 0, j = start; c < size; c++, j += stride) grad[j] = g[j]! - Math.exp(y[j]!) * total;
  });
  return { shape: [...output.shape], data: grad };
}

/** Calls `visit` with the start and stride of every line along `dim`. */
function forEachLine(
  shape: readonly number[],
  dim: number,
  visit: (start: number, size: number, stride: number) => void,
): void {
  const { outer, size, inner } = splitAround(shape, dim);
  for (let o = 0; o < outer; o++) for (let i = 0; i < inner; i++) visit(o * size * inner + i, size, inner);
}

/** torch.softmax(input, dim). */
export function softmax(input: Tensor, dim = -1): Tensor {
  const ls = logSoftmax(input, dim);
  const d = ls.data;
  for (let j = 0; j < d.length; j++) d[j] = Math.exp(d[j]!);
  return ls;
}
