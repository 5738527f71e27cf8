/** Deterministic pseudo-random data for stress tests (same seed, same tensors, in any thread). */
import { type Tensor, tensor } from '../tensor';
import type { SyntheticData } from './state';

/**
 * Fills `out` with mulberry32's uniforms in [0, 1) from `state`, scaled as `scale · (u − shift)`, and returns the
 * generator's state after them. A plain loop with the generator inlined: the closure called through
 * Float64Array.map took most of a 4096×1000 stress paste's compute.
 */
function fillUniform(out: Float64Array, state: number, scale: number, shift: number): number {
  let a = state;
  for (let i = 0; i < out.length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296 - shift) * scale;
  }
  return a;
}

/** Logits ~ 2·(U - 0.5)·3 and, for each row, a class index (categorical) or 0/1 per element (binary). */
export function syntheticTensors(spec: SyntheticData, binary: boolean): { input: Tensor; target: Tensor } {
  const input = new Float64Array(spec.rows * spec.cols);
  const after = fillUniform(input, spec.seed >>> 0, 6, 0.5);
  const target = new Float64Array(binary ? spec.rows * spec.cols : spec.rows);
  fillUniform(target, after, 1, 0);
  for (let i = 0; i < target.length; i++)
    target[i] = binary ? (target[i]! < 0.5 ? 0 : 1) : Math.floor(target[i]! * spec.cols);
  return {
    input: tensor([spec.rows, spec.cols], input),
    target: tensor(binary ? [spec.rows, spec.cols] : [spec.rows], target),
  };
}
