/**
 * Label smoothing conventions as values, and everything computed from them.
 *
 * - `CONVENTIONS[c]`: label, family, target and loss formulas, where it appears, torch equivalent.
 * - `smoothTargets(target, classes, ε, c)`: indices () / (N) / (N, d…) → (K) / (N, K) / (N, K, d…);
 *   binary targets → same shape.
 * - `convertEpsilon(ε, from, to, classes)`: same smoothed targets under another convention.
 * - `smoothedLoss(input, target, {epsilon, convention, weight?, ignoreIndex?, reduction?, posWeight?, input?})`:
 *   number for 'mean'/'sum', Tensor for 'none'. uniform = `F.cross_entropy(label_smoothing=ε)`; K−1 reduces like
 *   torch's probability-target path (mean over rows even with weights); binary conventions are BCE on
 *   probabilities (`input: 'probabilities'`) or BCE-with-logits (default).
 * - `lossLine(input, target, c, options)` → `{intercept, slope}`; `epsilonSweep(input, target, εs, {conventions,…})`
 *   → `{epsilons, loss: {[c]: Float64Array}, lines}` in one pass over the input.
 * - `solveEpsilon(input, target, printed, c, decimals, options)` → `{lo, hi, simplest} | null`;
 *   `parsePrinted('tensor(1.4178)')` → `{value, halfWidth}` (rounding from the digits shown), `solveLine(line, it)`.
 * - `priorLossLine(logits, labels, π, options)`, `priorSweep`, `priorSmoothedLoss`, `priorTargets`: smoothing toward
 *   any prior π, target (1−ε)·onehot + ε·π; `priorFromCounts`, `priorFromLabels` estimate π.
 * - `optimalLogitGap(K, ε, c = 'uniform')`, `gapProbabilities(K, ε, c = 'uniform')`.
 * - `calibration(logits, labels, bins = 10)` → `{ece, bins, meanConfidence, meanEntropy, accuracy}`.
 */
export { type Calibration, calibration, type ReliabilityBin } from './calibration';
export {
  CONVENTIONS,
  type ConventionFamily,
  type ConventionInfo,
  familyOf,
  isSmoothingConvention,
  SMOOTHING_CONVENTIONS,
  type SmoothingConvention,
  targetValues,
} from './conventions';
export { convertEpsilon } from './convert';
export { gapProbabilities, optimalLogitGap } from './gap';
export type { LossLine, ReducedLoss } from './line';
export { smoothedLoss } from './loss';
export type {
  BinaryInput,
  LossInputOptions,
  Reduction,
  ScalarReduction,
  SmoothedLossOptions,
} from './options';
export { type PrintedValue, parsePrinted, solveLine } from './printed';
export {
  checkPrior,
  priorFromCounts,
  priorFromLabels,
  priorLossLine,
  priorSmoothedLoss,
  priorSweep,
  priorTargets,
} from './prior';
export { type EpsilonSolution, solveEpsilon } from './solve';
export { type EpsilonSweep, epsilonSweep, type LineOptions, lossLine, type SweepOptions } from './sweep';
export { smoothTargets } from './targets';
