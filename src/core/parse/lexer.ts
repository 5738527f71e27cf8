// Everything that runs once per character lives in this module on purpose: when TypeScript is transpiled
// to CommonJS file by file (tsx, mocha), every imported binding becomes a getter call, which would
// dominate the per-character loop. Other modules only call methods on `Scanner`.
import { count } from '../count';
import { ParseFailure } from './failure';
import { ValueBuffer } from './values';

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const DQUOTE = 34;
export const HASH = 35;
export const SQUOTE = 39;
export const LPAREN = 40;
export const RPAREN = 41;
export const PLUS = 43;
export const COMMA = 44;
export const MINUS = 45;
export const DOT = 46;
export const ZERO = 48;
export const NINE = 57;
export const COLON = 58;
export const LT = 60;
export const EQUALS = 61;
export const GT = 62;
export const UPPER_E = 69;
export const LBRACKET = 91;
export const RBRACKET = 93;
export const UNDERSCORE = 95;
export const LOWER_E = 101;
export const BOM = 0xfeff;
/** '−' (U+2212), which typeset tables and some exports write for '-'. */
export const UNICODE_MINUS = 0x2212;

export function isSpace(c: number): boolean {
  return c === SPACE || c === LF || c === CR || c === TAB;
}

export function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

export function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === UNDERSCORE;
}

export function isOpenBracket(c: number): boolean {
  return c === LBRACKET || c === LPAREN;
}

export function isCloseBracket(c: number): boolean {
  return c === RBRACKET || c === RPAREN;
}

/** What the next non-space character starts; 'value' covers numbers and anything that is not. */
export type TokenKind = 'comma' | 'open' | 'close' | 'end' | 'value';

/** Powers of ten that float64 holds exactly: one multiply or divide by them rounds correctly. */
const EXACT_POW10 = Float64Array.from({ length: 23 }, (_, i) => 10 ** i);
const MAX_EXACT_POW = EXACT_POW10.length - 1;
const EXPONENT_CAP = 100_000;
const LONGEST_WORD = 'infinity'.length;
const SHOWN_TOKEN_CHARS = 24;
const GENERIC_ELISION = "this text is elided with '...'; paste the full values";

/** A cursor over the pasted text that collects values; every reader in this folder shares one. */
export class Scanner {
  pos = 0;
  /** Some syntax seen so far is Python's but not JSON's. */
  loose = false;
  /** What to say when the text contains '...' where a value should be. */
  elisionMessage = GENERIC_ELISION;
  /** Set by `readCommaSeparated`. */
  afterComma = false;
  readonly values: ValueBuffer;

  constructor(
    readonly text: string,
    maxElements: number,
  ) {
    this.values = new ValueBuffer(maxElements, text);
  }

  peek(): number {
    return this.text.charCodeAt(this.pos);
  }

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** Skips whitespace including line breaks; true when there was any. */
  skipSpace(): boolean {
    const text = this.text;
    const start = this.pos;
    let i = start;
    while (isSpace(text.charCodeAt(i))) i++;
    this.pos = i;
    return i > start;
  }

  /** Skips spaces, and tabs when asked, but not line breaks. */
  skipInlineSpace(includeTabs: boolean): void {
    let c = this.peek();
    while (c === SPACE || (includeTabs && c === TAB)) c = this.text.charCodeAt(++this.pos);
  }

  kind(): TokenKind {
    const c = this.text.charCodeAt(this.pos);
    if (c === COMMA) return 'comma';
    if (c === RBRACKET || c === RPAREN) return 'close';
    if (c === LBRACKET || c === LPAREN) return 'open';
    return this.pos >= this.text.length ? 'end' : 'value';
  }

  /** True when a number starts at the cursor and ends where a value may end; nothing is kept. */
  numberAhead(): boolean {
    const held = this.values.length;
    const end = this.pushNumber(this.pos);
    this.values.length = held;
    return end >= 0 && endsValue(this.text.charCodeAt(end));
  }

  /** Reads the number at the cursor into `values`, or fails naming the token found instead. */
  readValue(): void {
    const start = this.pos;
    const end = this.pushNumber(start);
    if (end < 0 || !endsValue(this.text.charCodeAt(end))) this.failBadToken(start);
    this.pos = end;
  }

  /**
   * Reads a run of comma-separated numbers (the bulk of any list) in one tight loop and returns how many.
   * Stops before the first thing that is not a number, e.g. ']' or a word such as nan; `afterComma` tells
   * whether a comma was the last thing read.
   */
  readCommaSeparated(): number {
    const text = this.text;
    let i = this.pos;
    let count = 0;
    for (;;) {
      const start = i;
      i = this.pushNumber(start);
      if (i < 0) this.failBadToken(start);
      count++;
      const end = i;
      let c = text.charCodeAt(i);
      if (!endsValue(c)) this.failBadToken(start);
      while (isSpace(c)) c = text.charCodeAt(++i);
      if (c !== COMMA) {
        this.pos = end;
        this.afterComma = false;
        return count;
      }
      c = text.charCodeAt(++i);
      while (isSpace(c)) c = text.charCodeAt(++i);
      if (!(isDigit(c) || c === MINUS || c === DOT || c === PLUS || c === UNICODE_MINUS)) {
        this.pos = i;
        this.afterComma = true;
        return count;
      }
    }
  }

  expectEnd(): void {
    this.skipSpace();
    if (!this.atEnd()) this.fail(`unexpected '${this.tokenAt(this.pos)}' after the tensor`);
  }

  fail(message: string, at = this.pos): never {
    throw new ParseFailure(at, message);
  }

  failBadToken(at: number): never {
    if (this.text.startsWith('...', at) || this.text.startsWith('…', at)) this.fail(this.elisionMessage, at);
    this.fail(`'${this.tokenAt(at)}' is not a number`, at);
  }

  /** The text from `at` to the next separator (at least one character), shortened for messages. */
  tokenAt(at: number): string {
    const text = this.text;
    let end = at + 1;
    if (text.charCodeAt(at) >= 0xd800 && text.charCodeAt(at) < 0xdc00) end++;
    while (end < text.length && end - at < SHOWN_TOKEN_CHARS && !endsValue(text.charCodeAt(end))) end++;
    const token = text.slice(at, end);
    return end - at >= SHOWN_TOKEN_CHARS ? `${token}…` : token;
  }

  /** Appends the number at `start` to `values`; returns the offset after it, or -1 when none starts there. */
  private pushNumber(start: number): number {
    const end = this.pushDecimal(start);
    return end >= 0 ? end : this.pushUnusual(start);
  }

  /**
   * The fast path, small enough to inline: `-?digits(.digits?)?(e[+-]?digits)?` with at most 2^53 as digits and
   * a power of ten within ±22, computed directly (Clinger's fast path, bit-identical to `Number(token)`).
   * Returns the offset after the number, or -1 to leave it to `pushUnusual`. It returns an integer rather
   * than the value so that, inlined or not, no float is boxed per number. The exponent is read here rather than
   * by a call: whether V8 inlines a call depends on what was parsed before (after a text of short decimals, which
   * never reach the exponent or longDecimal, the re-optimised method called both), and a call per number made
   * full-precision text parse ~15% slower than in a fresh process.
   */
  private pushDecimal(start: number): number {
    const s = this.text;
    let i = start;
    let c = s.charCodeAt(i);
    const negative = c === MINUS;
    if (negative) c = s.charCodeAt(++i);
    const digitsStart = i;
    let mantissa = 0;
    while (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      c = s.charCodeAt(++i);
    }
    const intDigits = i - digitsStart;
    if (intDigits === 0 || (intDigits > 1 && s.charCodeAt(digitsStart) === ZERO)) return -1;
    let pow = 0;
    // Fraction digits past the 15th significant one (float64 printed at full precision) go to `tail`.
    let tail = 0;
    let tailScale = 1;
    if (c === DOT) {
      const fracStart = ++i;
      // Whole groups of digits first: fewer branches per character, and no multiply chain through each digit.
      while (mantissa < BEFORE_FOUR && i + 4 <= s.length) {
        const group = fourDigits(s, i);
        if (group < 0) break;
        mantissa = mantissa * 1e4 + group;
        i += 4;
        // One look for a digit spares a failed read of four where a short fraction ends (torch's 4 decimals).
        c = s.charCodeAt(i);
        if (c < ZERO || c > NINE) break;
      }
      c = s.charCodeAt(i);
      while (c >= ZERO && c <= NINE && mantissa < LONG_MANTISSA) {
        mantissa = mantissa * 10 + (c - ZERO);
        c = s.charCodeAt(++i);
      }
      while (c >= ZERO && c <= NINE) {
        tail = tail * 10 + (c - ZERO);
        tailScale *= 10;
        c = s.charCodeAt(++i);
      }
      if (i === fracStart) this.loose = true;
      pow = fracStart - i;
    }
    if (c === LOWER_E || c === UPPER_E) {
      c = s.charCodeAt(++i);
      const negativeExponent = c === MINUS;
      if (negativeExponent || c === PLUS) c = s.charCodeAt(++i);
      const exponentStart = i;
      let exponent = 0;
      while (c >= ZERO && c <= NINE) {
        if (exponent < EXPONENT_CAP) exponent = exponent * 10 + (c - ZERO);
        c = s.charCodeAt(++i);
      }
      if (i === exponentStart) return -1;
      pow += negativeExponent ? -exponent : exponent;
    }
    if (mantissa > Number.MAX_SAFE_INTEGER || pow < -MAX_EXACT_POW || pow > MAX_EXACT_POW) return -1;
    let magnitude: number;
    if (tailScale === 1) magnitude = pow < 0 ? mantissa / EXACT_POW10[-pow]! : mantissa * EXACT_POW10[pow]!;
    else {
      longDecimalSlots[0] = mantissa;
      if (!longDecimal(tailScale, tail, pow)) return -1;
      magnitude = longDecimalSlots[1]!;
    }
    this.push(negative ? -magnitude : magnitude, start);
    return i;
  }

  /**
   * What the fast path leaves: words (nan, inf, True), Python's `+1`, `.5`, `007`, long mantissas and
   * large exponents. Checks the syntax, then lets `Number` round the token.
   */
  private pushUnusual(start: number): number {
    const s = this.text;
    let i = start;
    const first = s.charCodeAt(i);
    if (first === MINUS || first === PLUS || first === UNICODE_MINUS) i++;
    const digitsStart = i;
    i = this.skipDigits(i);
    const intDigits = i - digitsStart;
    let fracDigits = 0;
    if (s.charCodeAt(i) === DOT) {
      const fracStart = i + 1;
      i = this.skipDigits(fracStart);
      fracDigits = i - fracStart;
    }
    if (intDigits + fracDigits === 0) return this.pushWord(start, digitsStart);
    const c = s.charCodeAt(i);
    if (c === LOWER_E || c === UPPER_E) {
      const sign = s.charCodeAt(i + 1);
      const digitsAt = sign === MINUS || sign === PLUS ? i + 2 : i + 1;
      i = this.skipDigits(digitsAt);
      if (i === digitsAt) return -1;
    }
    if (first !== MINUS || intDigits === 0 || (intDigits > 1 && s.charCodeAt(digitsStart) === ZERO))
      this.loose = true;
    const magnitude = Number(s.slice(digitsStart, i));
    this.push(first === MINUS || first === UNICODE_MINUS ? -magnitude : magnitude, start);
    return i;
  }

  private skipDigits(from: number): number {
    let i = from;
    while (isDigit(this.text.charCodeAt(i))) i++;
    return i;
  }

  private push(value: number, at: number): void {
    if (!this.values.push(value))
      this.fail(`more than ${count(this.values.limit, 'value')}: too large to load`, at);
  }

  /** nan / inf / infinity in any case, optionally signed; True / False as 1 / 0. */
  private pushWord(start: number, wordStart: number): number {
    const s = this.text;
    let end = wordStart;
    while (end - wordStart <= LONGEST_WORD && isIdentChar(s.charCodeAt(end))) end++;
    const word = end - wordStart > LONGEST_WORD ? '' : s.slice(wordStart, end);
    const sign = s.charCodeAt(start);
    const negative = sign === MINUS || sign === UNICODE_MINUS;
    const value = wordValue(word.toLowerCase(), negative ? -1 : wordStart > start ? 1 : 0);
    if (value === undefined) return -1;
    if (!(word === 'NaN' || word === 'Infinity') || sign === PLUS || sign === UNICODE_MINUS)
      this.loose = true;
    this.push(value, start);
    return end;
  }
}

/** The fast path keeps fraction digits in the mantissa while it is below this (15 digits: exact)... */
const LONG_MANTISSA = 1e14;
/** Below this, four more digits keep the mantissa below LONG_MANTISSA. */
const BEFORE_FOUR = LONG_MANTISSA / 1e4;
/** ...and up to 4 more in a tail (19 significant digits in all); `Number` reads longer ones. */
const MAX_TAIL_SCALE = 1e4;
/** 2^27 + 1: Dekker's splitter; the 26-bit halves of two doubles multiply exactly. */
const SPLITTER = 134217729;
/**
 * How far from q1 + q2 the exact product may lie, relative to q1: the terms left out and the roundings of the
 * correction (itself below 2^-45·q1) stay under 2^-86·q1; the margin keeps decisions off that estimate.
 */
const DOUBT = 2 ** -80;
/** [0]: the rounding error left by `twoProduct` (a typed slot: a module-level double would be boxed per write). */
const productError = new Float64Array(1);

/** x rounded to 26 significant bits (Veltkamp's split): x minus it is exact and fits in 26 bits too. */
function highHalf(x: number): number {
  const t = SPLITTER * x;
  return t - (t - x);
}

/** a·b rounded; the exact error a·b − (a·b rounded) goes to `productError` (Dekker's two-product). */
function twoProduct(a: number, b: number): number {
  const product = a * b;
  const aHi = highHalf(a);
  const aLo = a - aHi;
  const bHi = highHalf(b);
  const bLo = b - bHi;
  productError[0] = aHi * bHi - product + aHi * bLo + aLo * bHi + aLo * bLo;
  return product;
}

/**
 * 10^-k as a double-double, hi + lo within 2^-104 of it: hi·10^k = 1 − δ exactly in two doubles (10^k is exact),
 * so lo = δ / 10^k. Multiplying by it replaces two divisions per number, the slowest steps of the long path.
 */
const NEGATIVE_POW10_HI = Float64Array.from(EXACT_POW10, (_, k) => Number(`1e-${k}`));
const NEGATIVE_POW10_LO = Float64Array.from(NEGATIVE_POW10_HI, (hi, k) => {
  const product = twoProduct(hi, EXACT_POW10[k]!);
  return (1 - product - productError[0]!) / EXACT_POW10[k]!;
});
/** 10^pow for pow in ±MAX_EXACT_POW at [pow + MAX_EXACT_POW]: a double, the rest of it, and the double's high half. */
const POW10 = Float64Array.from({ length: 2 * MAX_EXACT_POW + 1 }, (_, j) =>
  j < MAX_EXACT_POW ? NEGATIVE_POW10_HI[MAX_EXACT_POW - j]! : EXACT_POW10[j - MAX_EXACT_POW]!,
);
const POW10_REST = Float64Array.from(POW10, (_, j) =>
  j < MAX_EXACT_POW ? NEGATIVE_POW10_LO[MAX_EXACT_POW - j]! : 0,
);
const POW10_HIGH_HALF = POW10.map(highHalf);

/**
 * longDecimal's doubles: [0] the leading digits in, [1] the value out. A double passed to or returned from a call
 * V8 does not inline is boxed, an allocation per number, and whether it inlines depends on history (see
 * pushDecimal). Written into its body instead, the product made pushDecimal slower still (~30%).
 */
const longDecimalSlots = new Float64Array(2);

/**
 * (hi·loScale + lo)·10^pow correctly rounded, hi and the result in longDecimalSlots; false when undecided: the
 * mantissa is exact as a double-double, its product with 10^pow (exact for pow >= 0, a double-double for
 * pow < 0) is q1 + q2 with q2 accurate to ~2^-86 of q1, and the rounding of q1 + q2 stands when moving q2 by more
 * than that error does not change it. The two products are `twoProduct` written out, with the split of the second factor known beforehand (a
 * loScale below 2^26 is its own high half): the same operations, fewer of them per number.
 */
function longDecimal(loScale: number, lo: number, pow: number): boolean {
  if (loScale > MAX_TAIL_SCALE) return false;
  const hi = longDecimalSlots[0]!;
  const mHi = hi * loScale;
  const hiHigh = highHalf(hi);
  // The product's error, an integer below 2^10, plus one below 10^4: exact.
  const mLo = hiHigh * loScale - mHi + (hi - hiHigh) * loScale + lo;
  const j = pow + MAX_EXACT_POW;
  const p = POW10[j]!;
  const pHigh = POW10_HIGH_HALF[j]!;
  const pLow = p - pHigh;
  const mHigh = highHalf(mHi);
  const mLow = mHi - mHigh;
  const q1 = mHi * p;
  const q2 = mHigh * pHigh - q1 + mHigh * pLow + mLow * pHigh + mLow * pLow + mHi * POW10_REST[j]! + mLo * p;
  const doubt = Math.abs(q1) * DOUBT;
  const result = q1 + q2;
  longDecimalSlots[1] = result;
  return q1 + (q2 + doubt) === result && q1 + (q2 - doubt) === result;
}

/**
 * The four digits at `i..i+3` as an integer, or -1 when one of them is not a digit; `i + 4` must be within `s`.
 * d + 118 reaches 128 exactly when d > 9, and d is negative when d < 0: one test of the bits from 7 up for all four.
 */
function fourDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - ZERO;
  const b = s.charCodeAt(i + 1) - ZERO;
  const c = s.charCodeAt(i + 2) - ZERO;
  const d = s.charCodeAt(i + 3) - ZERO;
  if (((a | (a + 118) | b | (b + 118) | c | (c + 118) | d | (d + 118)) & -128) !== 0) return -1;
  return (a * 10 + b) * 100 + c * 10 + d;
}

/** The value of a lower-case word; `sign` is 0 when none was written. */
function wordValue(word: string, sign: number): number | undefined {
  if (word === 'nan') return Number.NaN;
  if (word === 'inf' || word === 'infinity')
    return sign < 0 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (sign !== 0) return undefined;
  return word === 'true' ? 1 : word === 'false' ? 0 : undefined;
}

/** Characters that may follow a value: a separator, a bracket or the end of the text. */
function endsValue(c: number): boolean {
  return isSpace(c) || c === COMMA || isCloseBracket(c) || isOpenBracket(c) || Number.isNaN(c);
}
