import { numel, type Tensor } from '../tensor';

/** Materialises `t` broadcast (numpy rules, aligned on the right) to `shape`. */
export function broadcastTo(t: Tensor, shape: readonly number[], name: string): Float64Array {
  const offset = shape.length - t.shape.length;
  const fits = offset >= 0 && t.shape.every((d, k) => d === 1 || d === shape[k + offset]);
  if (!fits) throw new RangeError(`${name} of shape [${t.shape}] does not broadcast to [${shape}]`);
  const out = new Float64Array(numel(shape));
  const sourceStrides = broadcastStrides(t.shape, offset, shape.length);
  for (let flat = 0; flat < out.length; flat++) out[flat] = t.data[sourceIndex(flat, shape, sourceStrides)]!;
  return out;
}

/** Row-major strides of `source` laid over a rank-`rank` shape; broadcast (size-1 or missing) dims get stride 0. */
function broadcastStrides(source: readonly number[], offset: number, rank: number): number[] {
  const strides = new Array<number>(rank).fill(0);
  let stride = 1;
  for (let k = source.length - 1; k >= 0; k--) {
    if (source[k] !== 1) strides[k + offset] = stride;
    stride *= source[k]!;
  }
  return strides;
}

function sourceIndex(flat: number, shape: readonly number[], strides: readonly number[]): number {
  let index = 0;
  let rest = flat;
  for (let k = shape.length - 1; k >= 0; k--) {
    index += (rest % shape[k]!) * strides[k]!;
    rest = Math.floor(rest / shape[k]!);
  }
  return index;
}
