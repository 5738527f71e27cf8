/**
 * The WebAssembly SIMD softmax-gradient kernel (softmaxRows.wat) against the JS one it stands in for: the same bits
 * on any rows (odd and even class counts, rows spanning blocks, nan, ±inf, rows spread past exp's range), its
 * bytes current with its source, and the JS kernel wherever WebAssembly, SIMD or compiling is missing.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lcg } from '../../bench/support';
import { assembleSoftmaxRows } from '../../scripts/wasm';
import { crossEntropy } from '../../src/core/losses';
import { jsSoftmaxGradientRows, SUMS_PER_ROW } from '../../src/core/losses/softmaxGradientRows';
import { softmaxRowBlocks } from '../../src/core/losses/softmaxRowBlocks';
import { SOFTMAX_ROWS_WASM } from '../../src/core/losses/softmaxRowsWasm';
import { softmaxGradientKernel, wasmSoftmaxGradientRows } from '../../src/core/losses/wasmSoftmaxRows';
import { fuzz } from '../support/fuzz';
import { assertSame, IGNORE, indexTargetProblem } from '../support/lossProblems';

const value = fc.oneof(
  { weight: 12, arbitrary: fc.double({ min: -30, max: 30, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ min: -1000, max: 1000, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY) },
  { weight: 1, arbitrary: fc.constantFrom(299.9, -299.9, 300, -300, 710, -750) },
);

/** A few rows of few classes, every value drawn. */
const narrowRows = fc
  .record({ rows: fc.integer({ min: 1, max: 7 }), classes: fc.integer({ min: 1, max: 9 }) })
  .chain(({ rows, classes }) =>
    fc.record({
      rows: fc.constant(rows),
      classes: fc.constant(classes),
      x: fc
        .array(value, { minLength: rows * classes, maxLength: rows * classes })
        .map((v) => Float64Array.from(v)),
    }),
  );

/**
 * Rows whose max, at a class after the first, lies far above the rest and holds nearly all of Σ exp: both kernels
 * do them again shifted by the max (the WebAssembly one a row at a time, inside its block: odd rows too).
 */
const confidentRows = narrowRows
  .filter(({ classes }) => classes >= 2)
  .map(({ rows, classes, x }) => {
    const y = Float64Array.from(x);
    for (let r = 0; r < rows; r++) y[r * classes + 1 + (r % (classes - 1))] = 60 + r;
    return { rows, classes, x: y };
  });

/**
 * Rows of thousands of classes (one or two per 64 KiB block, odd or even): uniform in [-30, 30) from a seeded
 * generator, a few values drawn at drawn places.
 */
const wideRows = fc
  .record({
    rows: fc.integer({ min: 1, max: 5 }),
    classes: fc.integer({ min: 2040, max: 9000 }),
    seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    drawn: fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), value), {
      maxLength: 4,
    }),
  })
  .map(({ rows, classes, seed, drawn }) => {
    const next = lcg(seed);
    const x = Float64Array.from({ length: rows * classes }, () => 60 * next() - 30);
    for (const [place, v] of drawn) x[Math.floor(place * x.length)] = v;
    return { rows, classes, x };
  });

const rowsProblem = fc.record({
  rows: fc.oneof(
    { weight: 3, arbitrary: narrowRows },
    { weight: 1, arbitrary: confidentRows },
    { weight: 1, arbitrary: wideRows },
  ),
  a: fc.double({ min: -10, max: 10, noNaN: true }),
  b: fc.double({ min: -1, max: 1, noNaN: true }),
});

function sameBits(actual: Float64Array, expected: Float64Array, what: string): void {
  assert.equal(actual.length, expected.length, what);
  for (let i = 0; i < expected.length; i++) {
    assert.ok(Object.is(actual[i], expected[i]), `${what}[${i}]: ${actual[i]} ≠ ${expected[i]}`);
  }
}

describe('WebAssembly softmax-gradient kernel', () => {
  it('softmaxRowsWasm.ts holds softmaxRows.wat as scripts/wasm.ts assembles it now', async () => {
    assert.deepEqual(SOFTMAX_ROWS_WASM, await assembleSoftmaxRows());
  });

  it('runs in Node (WebAssembly with SIMD) and is the kernel the core chooses there', () => {
    const kernel = wasmSoftmaxGradientRows();
    assert.ok(kernel);
    assert.notEqual(softmaxGradientKernel(), jsSoftmaxGradientRows);
  });

  it('gives the JS kernel’s bits, gradient rows and sums, with nan, ±inf and rows spread past exp’s range', () => {
    const wasm = wasmSoftmaxGradientRows()!;
    fc.assert(
      fc.property(rowsProblem, ({ rows: { rows, classes, x: input }, a, b }) => {
        const [jsOut, wasmOut] = [new Float64Array(input.length), new Float64Array(input.length)];
        const [jsSums, wasmSums] = [
          new Float64Array(rows * SUMS_PER_ROW),
          new Float64Array(rows * SUMS_PER_ROW),
        ];
        jsSoftmaxGradientRows(input, jsOut, rows, classes, a, b, jsSums);
        wasm(input, wasmOut, rows, classes, a, b, wasmSums);
        sameBits(wasmOut, jsOut, 'gradient');
        sameBits(wasmSums, jsSums, 'sums');
      }),
      fuzz(150),
    );
  });

  it('cross-entropy through it agrees with the strided JS path (weights all 2), ignore_index, nan and ±inf', () => {
    // Weights of 2 leave the 'mean' unchanged and double 'sum' and 'none' exactly, but take the weighted kernel.
    const problem = indexTargetProblem({
      typicalWeight: 10,
      classes: { min: 1, max: 9 },
      epsilonEdges: () => [0, 1],
    });
    fc.assert(
      fc.property(problem, (p) => {
        const input = { shape: [p.rows, p.classes], data: Float64Array.from(p.logits) };
        const target = { shape: [p.rows], data: Float64Array.from(p.target) };
        const options = {
          labelSmoothing: p.epsilon,
          reduction: p.reduction,
          ignoreIndex: IGNORE,
          grad: true,
        };
        const viaKernel = crossEntropy(input, target, options);
        const twos = { shape: [p.classes], data: new Float64Array(p.classes).fill(2) };
        const strided = crossEntropy(input, target, { ...options, weight: twos });
        const half = p.reduction === 'mean' ? 1 : 0.5;
        assertSame(
          viaKernel.output.data,
          strided.output.data.map((v) => v * half),
          'loss',
        );
        assertSame(
          viaKernel.gradInput!.data,
          strided.gradInput!.data.map((v) => v * half),
          'gradient',
        );
      }),
      fuzz(300),
    );
  });

  it('softmaxRowBlocks shows every row’s softmax and sums in the JS kernel’s bits, block after block', () => {
    // Many short rows span several blocks; the wide ones take one or a few rows per block.
    const manyRows = fc
      .record({
        rows: fc.integer({ min: 900, max: 3000 }),
        classes: fc.integer({ min: 2, max: 11 }),
        seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        drawn: fc.array(fc.tuple(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), value), {
          maxLength: 6,
        }),
      })
      .map(({ rows, classes, seed, drawn }) => {
        const next = lcg(seed);
        const x = Float64Array.from({ length: rows * classes }, () => 60 * next() - 30);
        for (const [place, v] of drawn) x[Math.floor(place * x.length)] = v;
        return { rows, classes, x };
      });
    const problem = fc.oneof(narrowRows, confidentRows, wideRows, manyRows);
    fc.assert(
      fc.property(problem, ({ rows, classes, x }) => {
        const [expected, seen] = [new Float64Array(x.length), new Float64Array(x.length).fill(Number.NaN)];
        const [jsSums, blockSums] = [
          new Float64Array(rows * SUMS_PER_ROW),
          new Float64Array(rows * SUMS_PER_ROW),
        ];
        jsSoftmaxGradientRows(x, expected, rows, classes, 1, 0, jsSums);
        let next = 0;
        softmaxRowBlocks(x, rows, classes, blockSums, (first, count, probabilities) => {
          assert.equal(first, next, 'blocks in order, none skipped');
          seen.set(probabilities.subarray(0, count * classes), first * classes);
          next = first + count;
        });
        assert.equal(next, rows);
        sameBits(seen, expected, 'softmax');
        sameBits(blockSums, jsSums, 'sums');
      }),
      fuzz(60),
    );
  });

  describe('falls back to the JS kernel', () => {
    const real = Object.getOwnPropertyDescriptor(globalThis, 'WebAssembly')!;
    afterEach(() => Object.defineProperty(globalThis, 'WebAssembly', real));
    const withWebAssembly = (api: unknown): void => {
      Object.defineProperty(globalThis, 'WebAssembly', { ...real, value: api });
    };

    it('without WebAssembly', () => {
      withWebAssembly(undefined);
      assert.equal(wasmSoftmaxGradientRows(), undefined);
    });

    it('without SIMD (the module does not validate)', () => {
      // Node's Module and Instance would compile it: only the validation says no.
      const { Module, Instance } = real.value as { Module: unknown; Instance: unknown };
      withWebAssembly({ validate: () => false, Module, Instance });
      assert.equal(wasmSoftmaxGradientRows(), undefined);
    });

    it('where compiling is forbidden (a CSP without wasm-unsafe-eval)', () => {
      const forbidden = class {
        constructor() {
          throw new EvalError('Refused to compile or instantiate WebAssembly module');
        }
      };
      withWebAssembly({ validate: () => true, Module: forbidden, Instance: forbidden });
      assert.equal(wasmSoftmaxGradientRows(), undefined);
    });
  });
});
