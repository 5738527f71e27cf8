/** Deterministic pseudo-random data for stress tests (same seed, same tensors, in any thread). */
import { type Tensor, tensor } from '../tensor';
import type { SyntheticData } from './state';

/** mulberry32: a tiny, fast 32-bit PRNG with a good enough spread for test data. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Logits ~ 2·(U - 0.5)·3 and, for each row, a class index (categorical) or 0/1 per element (binary). */
export function syntheticTensors(spec: SyntheticData, binary: boolean): { input: Tensor; target: Tensor } {
  const next = generator(spec.seed);
  const input = new Float64Array(spec.rows * spec.cols).map(() => (next() - 0.5) * 6);
  const target = binary
    ? new Float64Array(spec.rows * spec.cols).map(() => (next() < 0.5 ? 0 : 1))
    : new Float64Array(spec.rows).map(() => Math.floor(next() * spec.cols));
  return {
    input: tensor([spec.rows, spec.cols], input),
    target: tensor(binary ? [spec.rows, spec.cols] : [spec.rows], target),
  };
}
