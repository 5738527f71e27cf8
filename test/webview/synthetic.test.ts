/**
 * The stress sample's generated tensors are the same in every thread and every version: mulberry32 drawn in order,
 * the logits first, then the targets. The reference below is the generator as first written (a closure called per
 * element); the fast fill must give its bits.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { syntheticTensors } from '../../src/core/playground/synthetic';
import { fuzz } from '../support/fuzz';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function reference(rows: number, cols: number, seed: number, binary: boolean) {
  const next = mulberry32(seed);
  const input = Array.from({ length: rows * cols }, () => (next() - 0.5) * 6);
  const target = Array.from({ length: binary ? rows * cols : rows }, () =>
    binary ? (next() < 0.5 ? 0 : 1) : Math.floor(next() * cols),
  );
  return { input, target };
}

describe('synthetic stress tensors', () => {
  it('match the per-element mulberry32 reference bit for bit, logits then targets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: -(2 ** 31), max: 2 ** 32 - 1 }),
        fc.boolean(),
        (rows, cols, seed, binary) => {
          const got = syntheticTensors({ rows, cols, seed }, binary);
          const want = reference(rows, cols, seed, binary);
          assert.deepEqual(got.input.shape, [rows, cols]);
          assert.deepEqual(got.target.shape, binary ? [rows, cols] : [rows]);
          assert.deepEqual(Array.from(got.input.data), want.input);
          assert.deepEqual(Array.from(got.target.data), want.target);
        },
      ),
      fuzz(200),
    );
  });

  it('keep the first values of the stress sample (seed 1) as printed before the fast fill', () => {
    const { input, target } = syntheticTensors({ rows: 2, cols: 3, seed: 1 }, false);
    const printed = [
      0.7624436435289681, -2.983585672918707, 0.1646822397597134, 2.8863058048300445, 2.8102673892863095,
      -1.313378982245922,
    ];
    assert.deepEqual(Array.from(input.data), printed);
    assert.deepEqual(Array.from(target.data), [1, 2]);
  });
});
