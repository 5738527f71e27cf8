import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { formatTensor, parseTensor, type TensorFormat } from '../../src/core/parse';
import { numel, type Tensor, tensor } from '../../src/core/tensor';
import { fuzz } from '../support/fuzz';

const anyDouble = fc.double();
const dims = (rank: { min: number; max: number }, size: { min: number; max: number }) =>
  fc.array(fc.integer(size), { minLength: rank.min, maxLength: rank.max });
const tensorOf = (shape: fc.Arbitrary<number[]>): fc.Arbitrary<Tensor> =>
  shape.chain((s) =>
    fc.array(anyDouble, { minLength: numel(s), maxLength: numel(s) }).map((d) => tensor(s, d)),
  );

/** Which shapes survive a trip through each format (see formatTensor and readTable for why). */
const SHAPES: Record<TensorFormat, fc.Arbitrary<number[]>> = {
  torch: dims({ min: 0, max: 4 }, { min: 0, max: 4 }),
  numpy: dims({ min: 0, max: 4 }, { min: 0, max: 4 }),
  json: dims({ min: 1, max: 4 }, { min: 1, max: 4 }),
  python: dims({ min: 1, max: 4 }, { min: 1, max: 4 }),
  csv: fc.oneof(
    dims({ min: 1, max: 1 }, { min: 2, max: 6 }),
    fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 5 })),
  ),
  tsv: fc.oneof(
    dims({ min: 1, max: 1 }, { min: 2, max: 6 }),
    fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 5 })),
  ),
  whitespace: fc.oneof(
    dims({ min: 1, max: 1 }, { min: 2, max: 6 }),
    fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 5 })),
  ),
};
const FORMATS = Object.keys(SHAPES) as TensorFormat[];

function assertSameTensor(actual: Tensor, expected: Tensor): void {
  assert.deepEqual(actual.shape, expected.shape);
  expected.data.forEach((v, i) => {
    assert.ok(Object.is(actual.data[i], v), `value ${i}: ${actual.data[i]} vs ${v}`);
  });
}

/** The result is a value, and an error's position lies within the text (or just past its end). */
function assertWellFormed(text: string): void {
  const result = parseTensor(text);
  if (result.ok) return;
  const lines = text.split(/\r\n|\r|\n/);
  const { line, column } = result.error;
  assert.ok(Number.isInteger(line) && line >= 1 && line <= lines.length, `line ${line} of ${lines.length}`);
  assert.ok(
    Number.isInteger(column) && column >= 1 && column <= lines[line - 1]!.length + 1,
    `column ${column}`,
  );
  assert.ok(result.error.message.length > 0);
}

describe('parseTensor(formatTensor(t, format)) round-trips', () => {
  for (const format of FORMATS) {
    it(`${format}: same shape and bit-identical values, nan, ±inf and -0 included`, () => {
      fc.assert(
        fc.property(tensorOf(SHAPES[format]), (t) => {
          const result = parseTensor(formatTensor(t, format));
          if (!result.ok) assert.fail(`${result.error.message} in ${formatTensor(t, format)}`);
          assertSameTensor(result.tensor, t);
        }),
        fuzz(300),
      );
    });
  }

  it('reports the format it was given where the text is unambiguous', () => {
    const t = tensor([2, 3], [0.5, -1, Number.NaN, 2, 3, 4]);
    for (const format of ['torch', 'numpy', 'python', 'csv', 'tsv', 'whitespace'] as const) {
      const result = parseTensor(formatTensor(t, format));
      assert.ok(result.ok && result.format === format, format);
    }
  });
});

describe('parseTensor on arbitrary text', () => {
  it('never throws and positions every error inside the text (ASCII)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 60 }), assertWellFormed), fuzz(2000));
  });

  it('never throws and positions every error inside the text (full Unicode)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 60 }), assertWellFormed), fuzz(1000));
  });

  it('never throws on text made of the parser’s own characters', () => {
    const alphabet = fc.constantFrom(
      ...'[](),. \n\t\r-+eE0123456789naifTrueFalse=\'"<>tensor(array#…'.split(''),
    );
    fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 80 }), assertWellFormed), fuzz(3000));
  });

  it('never throws on mutations of valid reprs', () => {
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 4 }),
      insert: fc.string({ unit: fc.constantFrom(...'[](),. \n-e1.nan...x'.split('')), maxLength: 4 }),
    });
    const mutated = fc
      .tuple(
        tensorOf(dims({ min: 0, max: 3 }, { min: 0, max: 3 })),
        fc.constantFrom(...FORMATS),
        fc.array(edit, { maxLength: 4 }),
      )
      .map(([t, format, edits]) =>
        edits.reduce(
          (text, e) => {
            const at = text.length === 0 ? 0 : e.at % (text.length + 1);
            return text.slice(0, at) + e.insert + text.slice(at + e.remove);
          },
          formatTensor(t, format),
        ),
      );
    fc.assert(fc.property(mutated, assertWellFormed), fuzz(3000));
  });
});

describe('number parsing', () => {
  it('equals Number(token) bit for bit for decimal and scientific spellings', () => {
    const token = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc
        .tuple(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 20 }))
        .map(([v, k]) => v.toFixed(k)),
      fc
        .tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 20 }))
        .map(([v, k]) => v.toExponential(k)),
      fc
        .tuple(
          fc.stringMatching(/^-?[0-9]{1,25}$/),
          fc.stringMatching(/^[0-9]{0,25}$/),
          fc.integer({ min: -330, max: 330 }),
        )
        .map(([i, f, e]) => `${i}.${f}e${e}`),
    );
    fc.assert(
      fc.property(token, (t) => {
        const result = parseTensor(`[${t}]`);
        assert.ok(result.ok, t);
        assert.ok(
          Object.is(result.tensor.data[0], Number(t)),
          `${t}: ${result.tensor.data[0]} vs ${Number(t)}`,
        );
      }),
      fuzz(5000),
    );
  });
});
