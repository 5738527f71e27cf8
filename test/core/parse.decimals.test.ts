/**
 * Every decimal token parses to the correctly rounded float64 of its text, what `Number(token)` (and Python and
 * torch) give, bit for bit: through the lexer's fast paths (digits read four at a time, Clinger's exact product
 * for 15 digits, the double-double path for 16 to 19) and through `Number` where they cannot decide.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseTensor } from '../../src/core/parse';
import { fuzz } from '../support/fuzz';

/** What Python's float() gives for a token torch prints; `Number` for everything but torch's words. */
function expected(token: string): number {
  const words: Record<string, number> = { nan: Number.NaN, inf: Infinity, '-inf': -Infinity };
  return words[token] ?? Number(token);
}

function assertSameValues(text: string, tokens: readonly string[]): void {
  const result = parseTensor(text);
  assert.ok(result.ok, `${text.slice(0, 200)}: ${result.ok ? '' : result.error.message}`);
  assert.equal(result.tensor.data.length, tokens.length);
  tokens.forEach((t, i) => {
    const got = result.tensor.data[i]!;
    assert.ok(Object.is(got, expected(t)), `${t}: ${got} vs ${expected(t)}`);
  });
}

/** The tokens as a list, as a torch repr, and as a one-line whitespace table that ends with the last token. */
function parsesLikeNumber(tokens: readonly string[]): void {
  assertSameValues(`[${tokens.join(', ')}]`, tokens);
  assertSameValues(`tensor([${tokens.join(', ')}], dtype=torch.float64)`, tokens);
  assertSameValues(tokens.join(' '), tokens);
}

/** The decimal halfway between a double and the next one up, shortened to `digits` significant digits. */
function nearHalfway(x: number, digits: number): string {
  const bits = new BigUint64Array(Float64Array.of(Math.abs(x)).buffer);
  bits[0]! += 1n;
  const next = new Float64Array(bits.buffer)[0]!;
  return (Math.sign(x) * (Math.abs(x) / 2 + next / 2)).toPrecision(digits);
}

/** As torch writes scientific notation: a sign and at least two digits in the exponent, `1.5000e-01`. */
function torchScientific(x: number, fractionDigits: number): string {
  const [mantissa, exponent] = x.toExponential(fractionDigits).split('e') as [string, string];
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}e${sign}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`;
}

const anyDouble = fc.double({ noNaN: true });
const subnormal = fc.double({ min: -2.2250738585072014e-308, max: 2.2250738585072014e-308, noNaN: true });
const moderate = fc.double({ min: -1e20, max: 1e20, noNaN: true, noDefaultInfinity: true });
const significantDigits = fc.integer({ min: 1, max: 20 });
const finite = (x: number): boolean => Number.isFinite(x);

/** Random doubles printed with 1 to 20 significant digits, in fixed and scientific forms, at every magnitude. */
const printedDouble = fc.oneof(
  fc.tuple(fc.oneof(anyDouble, subnormal), significantDigits).map(([x, d]) => x.toPrecision(d)),
  fc.tuple(fc.oneof(anyDouble, subnormal), significantDigits).map(([x, d]) => x.toExponential(d - 1)),
  fc
    .tuple(fc.oneof(anyDouble, subnormal).filter(finite), significantDigits)
    .map(([x, d]) => torchScientific(x, d - 1)),
  fc.tuple(moderate, fc.integer({ min: 0, max: 20 })).map(([x, d]) => x.toFixed(d)),
  fc.tuple(anyDouble.filter(finite), fc.integer({ min: 15, max: 20 })).map(([x, d]) => nearHalfway(x, d)),
);

/**
 * Digit strings of every length with the point anywhere and leading zeros, so that groups of four digits
 * start and end at every offset of the integer part, the fraction and the tail.
 */
const digitToken = fc
  .tuple(
    fc.constantFrom('', '-'),
    fc.stringMatching(/^[0-9]{1,24}$/),
    fc.nat(24),
    fc.option(fc.integer({ min: -40, max: 40 }), { nil: undefined }),
  )
  .map(([sign, digits, point, exponent]) => {
    const at = Math.min(point, digits.length - 1) + 1;
    const integer = digits.slice(0, at).replace(/^0+(?=.)/, '');
    const mantissa = `${sign}${integer}.${digits.slice(at)}`;
    return exponent === undefined ? mantissa : `${mantissa}e${exponent}`;
  });

/**
 * Exactly halfway between two doubles in [2^50, 2^53), where they are 1/4 to 1 apart: 17 to 19 digits with a
 * fraction, so 10^pow is inexact and only the bound on the double-double's error decides which way to round.
 */
const exactTie = fc
  .tuple(
    fc.constantFrom(50, 51, 52),
    fc.bigInt({ min: 0n, max: (1n << 52n) - 1n }),
    fc.boolean(),
    fc.boolean(),
  )
  .map(([binade, n, negative, scientific]) => {
    // Counted in eighths: the doubles there are 2^(binade - 49) eighths apart.
    const eighths =
      (1n << BigInt(binade + 3)) + n * (1n << BigInt(binade - 49)) + (1n << BigInt(binade - 50));
    const integer = (eighths / 8n).toString();
    const fraction = (Number(eighths % 8n) / 8).toString().slice(2);
    const sign = negative ? '-' : '';
    if (!scientific) return `${sign}${integer}.${fraction}`;
    return `${sign}${integer.slice(0, 1)}.${integer.slice(1)}${fraction}e${integer.length - 1}`;
  });

describe('decimal tokens', () => {
  it('round like Number at the hard cases: 2^53 + 1, halfway cases, the extremes, subnormals, 19 digits', () => {
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
      '1.7976931348623158e308',
      '1.7976931348623159e308',
      '2.2250738585072011e-308',
      '2.2250738585072014e-308',
      '4.9406564584124654e-324',
      '5e-324',
      '2.4703282292062327e-324',
      '2.4703282292062328e-324',
      '0.1000000000000000055511151231257827',
      '8.98846567431158e307',
      '1e23',
      '8.5e-1',
      '-1.85422920156270271e-01',
      '1.00000000000000000e+00',
    ]);
  });

  it('read -0., 0., nan, inf and -inf as torch prints them', () => {
    parsesLikeNumber([
      '-0.',
      '0.',
      '-0.0000',
      '0.0000e+00',
      '-0.00000000000000000e+00',
      'nan',
      'inf',
      '-inf',
    ]);
  });

  it('equal Number(token) for doubles printed with 1 to 20 significant digits', () => {
    fc.assert(
      fc.property(fc.array(printedDouble, { minLength: 1, maxLength: 30 }), parsesLikeNumber),
      fuzz(400),
    );
  });

  it('equal Number(token) for digit strings of any length, point and exponent', () => {
    fc.assert(
      fc.property(fc.array(digitToken, { minLength: 1, maxLength: 30 }), parsesLikeNumber),
      fuzz(400),
    );
  });

  it('round exact ties between two doubles to even, with a point or an exponent', () => {
    fc.assert(fc.property(fc.array(exactTie, { minLength: 1, maxLength: 30 }), parsesLikeNumber), fuzz(400));
  });

  it('refuse a token with any other character among its digits, where four are read at once', () => {
    const nonDigit = fc.integer({ min: 0, max: 0xffff }).filter((c) => c < 48 || c > 57);
    const separators = ' \t\n\r,[]()';
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{8}$/), fc.nat(7), nonDigit, (digits, at, code) => {
        const char = String.fromCharCode(code);
        fc.pre(!separators.includes(char) && !/[eE.]/.test(char) && (code < 0xd800 || code > 0xdfff));
        const token = `0.${digits.slice(0, at)}${char}${digits.slice(at)}`;
        assert.equal(parseTensor(`[${token}, 1.0]`).ok, false, token);
      }),
      fuzz(400),
    );
  });

  it('refuse an exponent without digits, on the fast path and on the long-mantissa one', () => {
    for (const token of ['1e', '1.5e+', '-2.5E-', '1.85422920156270271e-', '123456789012345678901e+', '.5e'])
      assert.equal(parseTensor(`[${token}, 1.0]`).ok, false, token);
  });

  it('read full-precision text alike after a text of short decimals (the lexer re-optimised on other input)', () => {
    const values = Array.from({ length: 4000 }, (_, i) => Math.sin(i) * 10 ** ((i % 7) - 3));
    parseTensor(`[${values.map((v) => v.toFixed(4)).join(', ')}]`);
    parsesLikeNumber(values.map((v) => torchScientific(v, 17)));
  });
});
