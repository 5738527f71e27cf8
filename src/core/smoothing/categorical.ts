import {
  type ClassLayout,
  checkIndexTargets,
  classLayout,
  classWeights,
  rowStart,
} from '../losses/classLayout';
import { logSumExp } from '../losses/logSoftmax';
import type { Tensor } from '../tensor';
import { type SmoothingConvention, spreadDivisor, targetValues } from './conventions';
import type { ElementLosses, LinePieces } from './line';
import { DEFAULT_IGNORE_INDEX, type LossInputOptions } from './options';

interface Rows {
  layout: ClassLayout;
  x: Float64Array;
  weight: Float64Array;
  /** Row → target class, or -1 for an ignored row. */
  classOf: Int32Array;
}

function readRows(logits: Tensor, target: Tensor, options: LossInputOptions): Rows {
  const layout = classLayout(logits.shape);
  const ignore = options.ignoreIndex ?? DEFAULT_IGNORE_INDEX;
  checkIndexTargets(target, layout, ignore);
  const classOf = Int32Array.from(target.data, (y) => (y === ignore ? -1 : y));
  return { layout, x: logits.data, weight: classWeights(options.weight, layout.classes), classOf };
}

/**
 * uniform follows torch's index-target path (mean divides by Σ w[y_i]); K−1 follows the probability-target
 * path the seeds write by hand (mean divides by the row count, ignored rows included: their all-zero target
 * adds 0 but still counts, as a probability target would).
 */
function meanDenominator(
  convention: SmoothingConvention,
  targetWeightSum: number,
  layout: ClassLayout,
): number {
  return convention === 'uniform' ? targetWeightSum : layout.rows;
}

/**
 * Calls `visit` for each row that is not ignored, with its target class, first logit index and log-sum-exp;
 * returns Σ w[y] over those rows.
 */
function forEachTargetRow(
  { layout, x, weight, classOf }: Rows,
  visit: (row: number, y: number, start: number, lse: number) => void,
): number {
  let targetWeightSum = 0;
  for (let r = 0; r < layout.rows; r++) {
    const y = classOf[r]!;
    if (y < 0) continue;
    const start = rowStart(layout, r);
    visit(r, y, start, logSumExp(x, start, layout.classes, layout.inner));
    targetWeightSum += weight[y]!;
  }
  return targetWeightSum;
}

/** Direct evaluation: -Σ_c q_c·w_c·log p_c per row with the smoothed target q of the convention. */
export function categoricalLosses(
  logits: Tensor,
  target: Tensor,
  epsilon: number,
  convention: SmoothingConvention,
  options: LossInputOptions,
): ElementLosses {
  const rows = readRows(logits, target, options);
  const { layout, x, weight } = rows;
  const { classes, inner } = layout;
  const { on, off } = targetValues(convention, classes, epsilon);
  const values = new Float64Array(layout.rows);
  const targetWeightSum = forEachTargetRow(rows, (r, y, start, lse) => {
    let loss = 0;
    for (let c = 0, j = start; c < classes; c++, j += inner)
      loss += (c === y ? on : off) * weight[c]! * (lse - x[j]!);
    values[r] = loss;
  });
  return {
    shape: layout.rowShape,
    values,
    meanDenominator: meanDenominator(convention, targetWeightSum, layout),
  };
}

/** Convention-free per-row pieces, from one pass over the logits. */
export interface CategoricalTerms {
  readonly layout: ClassLayout;
  /** -w[y]·log p_y. */
  readonly nll: Float64Array;
  /** -Σ_c w_c·log p_c. */
  readonly spread: Float64Array;
  readonly targetWeightSum: number;
}

export function categoricalTerms(
  logits: Tensor,
  target: Tensor,
  options: LossInputOptions,
): CategoricalTerms {
  const rows = readRows(logits, target, options);
  const { layout, x, weight } = rows;
  const { classes, inner } = layout;
  const nll = new Float64Array(layout.rows);
  const spread = new Float64Array(layout.rows);
  const targetWeightSum = forEachTargetRow(rows, (r, y, start, lse) => {
    let s = 0;
    for (let c = 0, j = start; c < classes; c++, j += inner) s += weight[c]! * (lse - x[j]!);
    nll[r] = weight[y]! * (lse - x[start + y * inner]!);
    spread[r] = s;
  });
  return { layout, nll, spread, targetWeightSum };
}

/** Row loss: uniform (1-ε)·nll + (ε/K)·spread; K−1 (1-ε)·nll + (ε/(K-1))·(spread - nll). */
export function categoricalLine(terms: CategoricalTerms, convention: SmoothingConvention): LinePieces {
  const { layout, nll, spread } = terms;
  const d = spreadDivisor(convention, layout.classes);
  const offIncludesTarget = convention === 'uniform';
  const slope = new Float64Array(layout.rows);
  for (let r = 0; r < layout.rows; r++) {
    const offMass = offIncludesTarget ? spread[r]! : spread[r]! - nll[r]!;
    slope[r] = offMass / d - nll[r]!;
  }
  return {
    shape: layout.rowShape,
    intercept: nll,
    slope,
    meanDenominator: meanDenominator(convention, terms.targetWeightSum, layout),
  };
}
