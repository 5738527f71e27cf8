/**
 * Cross-entropy on rows whose first logit is far below or above their max (the row kernels shift by the first
 * logit), against torch 1.13: test/fixtures/torch-extreme-rows.json, written by scripts/gen-extreme-rows-torch.py.
 * Losses are held to 1e-9 relative with no floor of 1, so a loss of 2e-9 must keep its digits, give or take one
 * rounding of 1 + δ per class (ROUNDING_PER_CLASS: the order torch sums Σ exp(x − max) in is its own); gradients to
 * the shared fixtures' tolerance. The JS kernel gives the WebAssembly one's bits on these rows.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { crossEntropy } from '../../src/core/losses';
import { jsSoftmaxGradientRows, SUMS_PER_ROW } from '../../src/core/losses/softmaxGradientRows';
import { wasmSoftmaxGradientRows } from '../../src/core/losses/wasmSoftmaxRows';
import {
  decodeNumber,
  type EvaluatedTensor,
  evaluateCase,
  type FixtureTensor,
} from '../support/evaluate-case';
import type { FixtureFile } from '../support/fixtures';
import { fuzz } from '../support/fuzz';

const TOLERANCE = 1e-9;
/**
 * Half an ulp of 1: a loss log(1 + δ) whose sum of exponentials rounds once more or less near 1 moves by this. The
 * first-value shift was off by an ulp of log Σ exp(x − x0), about the distance from x0 to the max (2^-48 at 20).
 */
const ROUNDING_PER_CLASS = 2 ** -53;
const fixture = JSON.parse(
  readFileSync(join(__dirname, '..', 'fixtures', 'torch-extreme-rows.json'), 'utf8'),
) as FixtureFile;

/** The first element off by more than 1e-9 · max(floor, |want|) + slack as a message; non-finite values exactly. */
function mismatch(got: EvaluatedTensor, want: FixtureTensor, floor: number, slack = 0): string | undefined {
  if (got.shape.join() !== want.shape.join()) return `shape [${got.shape}] != [${want.shape}]`;
  for (let i = 0; i < want.data.length; i++) {
    const w = decodeNumber(want.data[i]!);
    const g = got.data[i]!;
    const close = Number.isFinite(w)
      ? Math.abs(g - w) <= TOLERANCE * Math.max(floor, Math.abs(w)) + slack
      : Object.is(g, w) || (Number.isNaN(g) && Number.isNaN(w));
    if (!close) return `element ${i}: got ${g}, want ${w}`;
  }
  return undefined;
}

describe('cross-entropy on rows whose first logit is far from their max (torch fixture)', () => {
  it('holds the generated cases', () => {
    assert.equal(fixture.cases.length, 129);
  });

  for (const c of fixture.cases) {
    it(`${c.id}`, () => {
      const got = evaluateCase(c);
      const [rows, classes] = c.input.shape as [number, number];
      const slack = (c.options.reduction === 'sum' ? rows : 1) * classes * ROUNDING_PER_CLASS;
      assert.equal(mismatch(got.output, c.expected.output, 0, slack), undefined, 'output (relative)');
      assert.equal(mismatch(got.gradInput!, c.expected.gradInput!, 1), undefined, 'gradInput');
    });
  }

  it('a loss at a max far above the first logit keeps its digits: as shifted by the max (weights of 2)', () => {
    // One max at a drawn class after the first, the first logit 0.5..299 below it, the rest 8..280 below it:
    // losses from ~1e-120 to ~1e-1, which the weighted path computes shifted by each row's max (summed in order).
    const row = fc
      .record({
        max: fc.double({ min: -50, max: 50, noNaN: true }),
        firstGap: fc.double({ min: 0.5, max: 299, noNaN: true }),
        gaps: fc.array(fc.double({ min: 8, max: 280, noNaN: true }), { minLength: 1, maxLength: 40 }),
        place: fc.nat(),
      })
      .map(({ max, firstGap, gaps, place }) => {
        const x = [max - firstGap, ...gaps.map((gap) => max - gap)];
        const at = 1 + (place % (x.length - 1));
        x.splice(at, 0, max);
        return { x: Float64Array.from(x), at };
      });
    fc.assert(
      fc.property(row, ({ x, at }) => {
        const input = { shape: [1, x.length], data: x };
        const target = { shape: [1], data: Float64Array.from([at]) };
        const twos = { shape: [x.length], data: new Float64Array(x.length).fill(2) };
        const loss = crossEntropy(input, target, { reduction: 'sum' }).output.data[0]!;
        const byMax = crossEntropy(input, target, { reduction: 'sum', weight: twos }).output.data[0]! / 2;
        const slack = x.length * ROUNDING_PER_CLASS;
        assert.ok(Math.abs(loss - byMax) <= TOLERANCE * byMax + slack, `${loss} ≠ ${byMax}`);
      }),
      fuzz(300),
    );
  });

  it('the JS kernel gives the WebAssembly kernel’s bits on every fixture row', () => {
    const wasm = wasmSoftmaxGradientRows()!;
    for (const c of fixture.cases) {
      const [rows, classes] = c.input.shape as [number, number];
      const x = Float64Array.from(c.input.data, decodeNumber);
      const [jsOut, wasmOut] = [new Float64Array(x.length), new Float64Array(x.length)];
      const [jsSums, wasmSums] = [
        new Float64Array(rows * SUMS_PER_ROW),
        new Float64Array(rows * SUMS_PER_ROW),
      ];
      jsSoftmaxGradientRows(x, jsOut, rows, classes, 0.9, 0.01, jsSums);
      wasm(x, wasmOut, rows, classes, 0.9, 0.01, wasmSums);
      for (const [js, w] of [
        [jsOut, wasmOut],
        [jsSums, wasmSums],
      ] as const) {
        for (let i = 0; i < js.length; i++)
          assert.ok(Object.is(js[i], w[i]), `${c.id}[${i}]: ${js[i]} ≠ ${w[i]}`);
      }
    }
  });
});
