import type { Tensor } from '../tensor';
import type { SmoothingConvention } from './conventions';
import { type LineOptions, lossLine } from './sweep';

/** The ε ∈ [lo, hi] ⊂ [0, 1] whose loss rounds to the printed value; `simplest` has the fewest decimals. */
export interface EpsilonSolution {
  readonly lo: number;
  readonly hi: number;
  readonly simplest: number;
}

const MAX_DECIMALS = 15;

/**
 * Which ε makes `convention` print `printedValue` with `decimals` decimals for these inputs. The loss is affine in
 * ε, so the answer is the printed value's rounding interval mapped back through the line, clipped to [0, 1];
 * null when no ε in [0, 1] reproduces it.
 */
export function solveEpsilon(
  input: Tensor,
  target: Tensor,
  printedValue: number,
  convention: SmoothingConvention,
  decimals: number,
  options: LineOptions = {},
): EpsilonSolution | null {
  const { intercept, slope } = lossLine(input, target, convention, options);
  const half = 0.5 * 10 ** -decimals;
  const [lossLo, lossHi] = [printedValue - half, printedValue + half];
  if (slope === 0) return intercept >= lossLo && intercept <= lossHi ? solution(0, 1) : null;
  const a = (lossLo - intercept) / slope;
  const b = (lossHi - intercept) / slope;
  return solution(Math.max(0, Math.min(a, b)), Math.min(1, Math.max(a, b)));
}

function solution(lo: number, hi: number): EpsilonSolution | null {
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
