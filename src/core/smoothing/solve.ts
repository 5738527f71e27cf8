import type { Tensor } from '../tensor';
import type { SmoothingConvention } from './conventions';
import { type EpsilonSolution, solveLine } from './printed';
import { type LineOptions, lossLine } from './sweep';

export type { EpsilonSolution };

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
  return solveLine(lossLine(input, target, convention, options), {
    value: printedValue,
    halfWidth: 0.5 * 10 ** -decimals,
  });
}
