/**
 * Why a target is no fixed form (`other`), said where the arithmetic finds it: the labels mixed with a table the
 * code keeps, with an amount or a share computed from the model's predictions, or taken inside the log.
 */

export const MODEL = "the model's own predictions";

export const INSIDE_LOG =
  'the smoothed target is taken inside the log (−log Σ q·p, p_t of a smoothed target): not a cross-entropy against it';

export const ONE_SIDED =
  'only the positive label is lowered (t·(1 − s)), the negatives stay 0: one-sided smoothing, not t·(1 − α) + α/2';

export const RELAXED =
  "α·log(1 − p_y) beside (1 − α)·log p_y: the off-target mass α goes to the other classes in the model's own proportions (label relaxation)";

export const PLACED_OVER_PREDICTION =
  "the true class is set to a share and the other classes keep the predictions' proportions (`q = α·p / Σ p; q[rows, y] = 1 − α`: label relaxation, smoothing toward a teacher), not a fixed spread";

export function keptTableReason(table: string): string {
  return `the target is read from \`${table}\`: soft labels the code keeps or learns (online label smoothing, a running average of predictions), not a fixed form`;
}

export function variesReason(source: string): string {
  const from = source === MODEL ? source : `\`${source}\``;
  return `the smoothing amount varies per sample, computed from ${from} (adaptive smoothing), not a fixed ε`;
}
