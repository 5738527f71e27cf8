/**
 * Numbers printed at full precision (16 to 19 significant digits) take the lexer's double-double path: it must
 * give Number(token) bit for bit, also next to a rounding boundary, where it hands the token to Number.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseTensor } from '../../src/core/parse';
import { fuzz } from '../support/fuzz';

function parsesLikeNumber(tokens: readonly string[]): void {
  const result = parseTensor(`[${tokens.join(', ')}]`);
  assert.ok(result.ok, tokens.join(', '));
  tokens.forEach((t, i) => {
    assert.ok(Object.is(result.tensor.data[i], Number(t)), `${t}: ${result.tensor.data[i]} vs ${Number(t)}`);
  });
}

/** The decimal halfway between a double and the next one up, shortened to `digits` significant digits. */
function nearHalfway(x: number, digits: number): string {
  const bits = new BigUint64Array(Float64Array.of(Math.abs(x)).buffer);
  bits[0]! += 1n;
  const next = new Float64Array(bits.buffer)[0]!;
  return (Math.sign(x) * (Math.abs(x) / 2 + next / 2)).toPrecision(digits);
}

describe('full-precision numbers', () => {
  it('round like Number at the boundaries: 2^53 + 1, halfway cases, 19 digits', () => {
    parsesLikeNumber([
      '9007199254740993',
      '0.9007199254740993e16',
      '9007199254740.993e3',
      '-0.9007199254740995e16',
      '4503599627370496.5',
      '4503599627370497.5',
      '1.2345678901234567e-5',
      '-9007199254740993.0',
      '0.30000000000000004',
      '1.0000000000000002220446049250313',
      '9999999999999999999',
      '1.7976931348623157e308',
      '2.2250738585072014e-308',
      '0.1000000000000000055511151231257827',
    ]);
  });

  it('equal Number(token) for 16 to 19 digits, near halfway or not, at any power of ten', () => {
    const value = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e30, max: 1e30 });
    const token = fc.oneof(
      fc.tuple(value, fc.integer({ min: 16, max: 19 })).map(([x, d]) => x.toPrecision(d)),
      fc.tuple(value, fc.integer({ min: 15, max: 18 })).map(([x, d]) => x.toExponential(d)),
      fc.tuple(value, fc.integer({ min: 16, max: 19 })).map(([x, d]) => nearHalfway(x, d)),
      fc
        .tuple(fc.stringMatching(/^-?[1-9][0-9]{15,18}$/), fc.integer({ min: 0, max: 25 }))
        .map(([digits, point]) => `${digits.slice(0, 1)}.${digits.slice(1)}e-${point}`),
    );
    fc.assert(fc.property(fc.array(token, { minLength: 1, maxLength: 40 }), parsesLikeNumber), fuzz(500));
  });
});
