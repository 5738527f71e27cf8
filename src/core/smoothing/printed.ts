/**
 * "Which ε printed this?": a printed loss stands for every value that rounds to it, and a loss affine in ε maps
 * that rounding interval back to an interval of ε.
 */
import type { LossLine } from './line';

/** A printed number and the half-width of the values that print as it (0.00005 for "1.4178"). */
export interface PrintedValue {
  readonly value: number;
  readonly halfWidth: number;
}

/** The ε ∈ [lo, hi] ⊂ [0, 1] whose loss rounds to the printed value; `simplest` has the fewest decimals. */
export interface EpsilonSolution {
  readonly lo: number;
  readonly hi: number;
  readonly simplest: number;
}

const MAX_DECIMALS = 15;
const NUMBER = /^([-+]?(?:\d+(?:\.(\d*))?|\.(\d+)))(?:[eE]([-+]?\d+))?$/;
/** `tensor(1.4178)`, `tensor(1.4178, grad_fn=<…>)`, `tensor([1.4178])`, or the bare number. */
const PRINTED = /^\s*(?:tensor\(\s*\[?\s*)?([-+]?[\d.]+(?:[eE][-+]?\d+)?)\s*\]?\s*(?:,[^)]*)?\)?\s*$/;

/** A printed loss → its value and rounding, inferred from the digits shown; null when it is not one number. */
export function parsePrinted(text: string): PrintedValue | null {
  const number = PRINTED.exec(text)?.[1];
  const m = number === undefined ? null : NUMBER.exec(number);
  if (!m) return null;
  const decimals = (m[2] ?? m[3] ?? '').length;
  const exponent = Number(m[4] ?? 0);
  return { value: Number(m[0]), halfWidth: 0.5 * 10 ** (exponent - decimals) };
}

/** Every ε in [0, 1] at which `line` rounds to `printed`, or null when none does. */
export function solveLine(line: LossLine, printed: PrintedValue): EpsilonSolution | null {
  const { intercept, slope } = line;
  const [lossLo, lossHi] = [printed.value - printed.halfWidth, printed.value + printed.halfWidth];
  if (slope === 0) return intercept >= lossLo && intercept <= lossHi ? solution(0, 1) : null;
  const a = (lossLo - intercept) / slope;
  const b = (lossHi - intercept) / slope;
  return solution(Math.max(0, Math.min(a, b)), Math.min(1, Math.max(a, b)));
}

export function solution(lo: number, hi: number): EpsilonSolution | null {
  if (!(lo <= hi)) return null;
  return { lo, hi, simplest: simplestBetween(lo, hi) };
}

/** The number in [lo, hi] with the fewest decimals (the grid point nearest the midpoint is inside if any is). */
function simplestBetween(lo: number, hi: number): number {
  const mid = (lo + hi) / 2;
  for (let d = 0; d <= MAX_DECIMALS; d++) {
    const candidate = Math.round(mid * 10 ** d) / 10 ** d;
    if (candidate >= lo && candidate <= hi) return candidate;
  }
  return mid;
}
