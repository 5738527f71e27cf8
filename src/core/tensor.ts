import { count } from './count';

/** A dense, row-major float64 tensor. Class-index targets are stored as integral float64 values. */
export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float64Array;
}

export function numel(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function tensor(shape: readonly number[], data: ArrayLike<number> | Float64Array): Tensor {
  const n = numel(shape);
  if (data.length !== n)
    throw new RangeError(`shape [${shape.join(', ')}] needs ${count(n, 'value')}, got ${data.length}`);
  return { shape: [...shape], data: data instanceof Float64Array ? data : Float64Array.from(data) };
}

export function scalar(value: number): Tensor {
  return { shape: [], data: Float64Array.of(value) };
}

export function zeros(shape: readonly number[]): Tensor {
  return { shape: [...shape], data: new Float64Array(numel(shape)) };
}

export function fromNested(rows: readonly (readonly number[])[]): Tensor {
  const cols = rows[0]?.length ?? 0;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((r, i) => {
    if (r.length !== cols)
      throw new RangeError(`row ${i + 1} has ${count(r.length, 'value')}, expected ${cols}`);
    data.set(r, i * cols);
  });
  return { shape: [rows.length, cols], data };
}

/** Nested arrays for display or JSON; a scalar becomes a number. */
export function toNested(t: Tensor): unknown {
  const build = (dim: number, offset: number): unknown => {
    if (dim === t.shape.length) return t.data[offset];
    const stride = numel(t.shape.slice(dim + 1));
    return Array.from({ length: t.shape[dim]! }, (_, i) => build(dim + 1, offset + i * stride));
  };
  return build(0, 0);
}
