/**
 * exp(x) for the softmax kernels, about twice as fast as Math.exp in V8 and within a few ulp of it
 * (relative error below 1e-15, far inside the fixtures' 1e-9). x = (256q + j)·ln2/256 + r with |r| <= ln2/512, so
 * exp(x) = 2^q · 2^(j/256) · e^r, with both powers of two read from tables and e^r from a degree-4 polynomial
 * (the larger table makes r small enough for two fewer terms than with 32 entries).
 */

const FRACTION_BITS = 8;
const STEPS = 2 ** FRACTION_BITS;
const STEPS_PER_LN2 = STEPS / Math.LN2;
// ln2/256 split so that k·STEP_HI is exact for every |k| < 2^21 (|k| stays below 2^18 here).
const STEP_HI = 0.6931471803691238 / STEPS;
const STEP_LO = 1.9082149292705877e-10 / STEPS;
/** Adding and subtracting 1.5·2^52 rounds a double to the nearest integer. */
const ROUNDER = 6755399441055744;
/** Outside this range (subnormal results, overflow, ±inf, nan) Math.exp is used. */
const EXP_LOWEST = -708;
const HIGHEST = 709;
const MIN_POWER = -1023;

export const FRACTION_POWERS = Float64Array.from({ length: STEPS }, (_, j) => 2 ** (j / STEPS));
/** 2^11 - 1: the table holds 2^-1023 .. 2^1024 (one past the largest double's power), so a masked index is in it. */
const INTEGER_POWER_MASK = 2047;
const INTEGER_POWERS = Float64Array.from({ length: INTEGER_POWER_MASK + 1 }, (_, i) => 2 ** (i + MIN_POWER));

/** Taylor coefficients of e^r as products: V8 keeps `r / 24` a division, the slowest operation here. */
const SIXTH = 1 / 6;
const TWENTY_FOURTH = 1 / 24;

/** The float constants of expInRange, for the WebAssembly kernel (softmaxRows.wat) to compute the same bits. */
export const EXP_IN_RANGE_CONSTANTS = [STEPS_PER_LN2, STEP_HI, STEP_LO, SIXTH, TWENTY_FOURTH] as const;

export function fastExp(x: number): number {
  return x > EXP_LOWEST && x < HIGHEST ? expInRange(x) : Math.exp(x);
}

/**
 * fastExp without the range check, for loops that know EXP_LOWEST < x < 709 (or x is nan, which gives nan)
 * beforehand or check it afterwards: outside it the result means nothing, but no table is read out of bounds
 * (which would deoptimise the loop). No Math.exp call in the loop keeps V8 from spilling registers around it,
 * about a quarter of the time.
 */
export function expInRange(x: number): number {
  const k = x * STEPS_PER_LN2 + ROUNDER - ROUNDER;
  const r = x - k * STEP_HI - k * STEP_LO;
  const steps = k | 0;
  const er = 1 + r * (1 + r * (0.5 + r * (SIXTH + r * TWENTY_FOURTH)));
  return (
    er *
    FRACTION_POWERS[steps & (STEPS - 1)]! *
    INTEGER_POWERS[((steps >> FRACTION_BITS) - MIN_POWER) & INTEGER_POWER_MASK]!
  );
}
