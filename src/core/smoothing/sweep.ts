import type { Tensor } from '../tensor';
import { binaryLine, binaryTerms } from './binary';
import { categoricalLine, categoricalTerms } from './categorical';
import { type ConventionFamily, familyOf, type SmoothingConvention } from './conventions';
import { type LinePieces, type LossLine, lineAt, reduceLine } from './line';
import { checkInputKind, type LossInputOptions, type ScalarReduction } from './options';

export interface LineOptions extends LossInputOptions {
  /** Default 'mean'. */
  reduction?: ScalarReduction;
}

export interface SweepOptions extends LineOptions {
  /** All of one family: categorical (uniform, K−1) or binary (binary, batch max+1). */
  conventions: readonly SmoothingConvention[];
}

export interface EpsilonSweep {
  readonly epsilons: Float64Array;
  /** loss[convention][i] is the loss at epsilons[i]. */
  readonly loss: Partial<Record<SmoothingConvention, Float64Array>>;
  readonly lines: Partial<Record<SmoothingConvention, LossLine>>;
}

/** One pass over the input; the returned function turns it into any same-family convention's line. */
function linesFor(
  input: Tensor,
  target: Tensor,
  family: ConventionFamily,
  options: LossInputOptions,
): (convention: SmoothingConvention) => LinePieces {
  checkInputKind(family, options);
  if (family === 'binary') {
    const terms = binaryTerms(input, target, options);
    return (convention) => binaryLine(terms, target, convention);
  }
  const terms = categoricalTerms(input, target, options);
  return (convention) => categoricalLine(terms, convention);
}

function familyOfAll(conventions: readonly SmoothingConvention[]): ConventionFamily {
  const families = new Set(conventions.map(familyOf));
  const [family] = families;
  if (families.size !== 1 || !family) {
    throw new RangeError(
      'sweep conventions of one family: categorical (uniform, K−1) or binary (binary, max+1)',
    );
  }
  return family;
}

/** The reduced loss as intercept + slope·ε (it is affine in ε for every convention). */
export function lossLine(
  input: Tensor,
  target: Tensor,
  convention: SmoothingConvention,
  options: LineOptions = {},
): LossLine {
  return reduceLine(
    linesFor(input, target, familyOf(convention), options)(convention),
    options.reduction ?? 'mean',
  );
}

/** The loss at every ε for every convention asked: one pass over the input, then O(1) per (convention, ε). */
export function epsilonSweep(
  input: Tensor,
  target: Tensor,
  epsilons: ArrayLike<number>,
  options: SweepOptions,
): EpsilonSweep {
  const lineOf = linesFor(input, target, familyOfAll(options.conventions), options);
  const eps = Float64Array.from(epsilons);
  const loss: Partial<Record<SmoothingConvention, Float64Array>> = {};
  const lines: Partial<Record<SmoothingConvention, LossLine>> = {};
  for (const convention of options.conventions) {
    const line = reduceLine(lineOf(convention), options.reduction ?? 'mean');
    lines[convention] = line;
    loss[convention] = eps.map((e) => lineAt(line, e));
  }
  return { epsilons: eps, loss, lines };
}
