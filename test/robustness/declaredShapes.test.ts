/**
 * Issue 9, item 7: a declared `size=` / `shape=` is held to the limits before anything is allocated for it:
 * at most MAX_DEPTH dimensions, and at most MAX_ELEMENTS for the product of its sizes with zeros left out
 * (an empty (0, 100000000) tensor made the playground build 1e8-long rows: 18 s and 1.6 GB).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { MAX_DEPTH, MAX_ELEMENTS, parseTensor } from '../../src/core/parse';
import { computePlayground } from '../../src/core/playground/compute';
import { DEFAULT_STATE } from '../../src/core/playground/state';
import { FUZZ_LONG, fuzz } from '../support/fuzz';

const SHAPES = fuzz(3_000);

/** The product of the sizes, zeros counted as 1: what per-row or per-class work scales with. */
const span = (dims: readonly number[]): number => dims.reduce((n, d) => n * Math.max(d, 1), 1);

/** The error points at the declared shape: the '(' right after `size=` or `shape=`. */
function pointsAtShape(text: string, column: number, key: 'size' | 'shape'): boolean {
  return text.slice(0, column - 1).endsWith(`${key}=`) && text[column - 1] === '(';
}

function assertRefusedAtSize(text: string, pattern: RegExp, key: 'size' | 'shape' = 'size'): void {
  const parsed = parseTensor(text);
  assert.ok(!parsed.ok, text.slice(0, 80));
  assert.equal(parsed.error.line, 1);
  assert.ok(pointsAtShape(text, parsed.error.column, key), `${parsed.error.column}: ${parsed.error.message}`);
  assert.match(parsed.error.message, pattern);
  assert.ok(parsed.error.message.length < 200, 'a long shape is shortened in the message');
}

describe('robustness (issue 9): declared shapes', function () {
  this.timeout(FUZZ_LONG ? 0 : 300_000);

  it('tensor([], size=(0, 100000000)) is refused at the size, and the playground answers at once', () => {
    assertRefusedAtSize('tensor([], size=(0, 100000000))', /larger than 16777216 values/);
    const outcome = computePlayground({
      ...DEFAULT_STATE,
      logitsText: 'tensor([], size=(0, 100000000))',
      targetsText: '[]',
    });
    assert.ok(!outcome.ok && outcome.errors[0]!.field === 'logits' && outcome.errors[0]!.column === 17);
  });

  it('a 1e20 dimension is refused, not "Invalid typed array length"', () => {
    assertRefusedAtSize('tensor([], size=(0, 100000000000000000000))', /too large to load/);
    assertRefusedAtSize('array([], shape=(100000000000000000000, 0), dtype=float64)', /too large/, 'shape');
  });

  it('200,001 dimensions of size 1 are refused by the depth limit', () => {
    assertRefusedAtSize(`tensor([], size=(0, ${'1, '.repeat(200_000)}1))`, /more than 32 dimensions/);
  });

  it('an empty batch of the most classes the limit allows computes torch’s nan without per-class work', () => {
    const outcome = computePlayground({
      ...DEFAULT_STATE,
      logitsText: `tensor([], size=(0, ${MAX_ELEMENTS}))`,
      targetsText: 'tensor([], dtype=torch.int64)',
    });
    assert.ok(outcome.ok && Number.isNaN(outcome.exact.value));
  });

  it(`any declared shape: accepted only within the limits, else refused at its size= (${SHAPES.numRuns} shapes)`, () => {
    const size = fc.oneof(
      fc.constantFrom(0, 1, 2, MAX_ELEMENTS, MAX_ELEMENTS + 1, 1e20, 2 ** 53),
      fc.integer({ min: 0, max: 5000 }),
    );
    const dims = fc.oneof(
      fc.array(size, { minLength: 0, maxLength: 6 }),
      fc.array(fc.constantFrom(0, 1), { minLength: 1, maxLength: 80 }),
    );
    fc.assert(
      fc.property(dims, fc.constantFrom('tensor', 'array'), (shape, name) => {
        const key = name === 'tensor' ? 'size' : 'shape';
        const tuple =
          shape.length === 1 ? `(${BigInt(shape[0]!)},)` : `(${shape.map((d) => BigInt(d)).join(', ')})`;
        const text = `${name}([], ${key}=${tuple})`;
        const parsed = parseTensor(text);
        const empty = shape.some((d) => d === 0);
        const within = shape.length <= MAX_DEPTH && span(shape) <= MAX_ELEMENTS;
        if (parsed.ok) {
          assert.ok(within && empty, text);
          assert.deepEqual([...parsed.tensor.shape], shape);
          assert.equal(parsed.tensor.data.length, 0);
        } else {
          assert.ok(pointsAtShape(text, parsed.error.column, key), `${text}: ${parsed.error.message}`);
          assert.ok(!within || !empty, `${text}: ${parsed.error.message}`);
        }
      }),
      SHAPES,
    );
  });
});
