/**
 * Smoothing toward any prior π over the K classes: target (1−ε)·onehot(y) + ε·π (uniform π = 1/K is torch's
 * label_smoothing). Reduced like torch's probability-target path, i.e. `F.cross_entropy(logits, q)` with the
 * dense q: each row -Σ_c w_c·q_c·log p_c, 'mean' divides by the row count, ignored rows have an all-zero q.
 */
import { checkIndexTargets, classLayout, classWeights, rowStart } from '../losses/classLayout';
import { logSumExp } from '../losses/logSoftmax';
import { type Tensor, tensor } from '../tensor';
import { type LossLine, lineAt, reduceScalar } from './line';
import { DEFAULT_IGNORE_INDEX, type LossInputOptions, type ScalarReduction } from './options';

/** A prior must sum to 1 within this. */
const PRIOR_SUM_TOLERANCE = 1e-6;

/** Throws unless `prior` is K non-negative finite numbers summing to 1. */
export function checkPrior(prior: ArrayLike<number>, classes: number): void {
  if (prior.length !== classes)
    throw new RangeError(`the prior has ${prior.length} values, expected one per class (${classes})`);
  let total = 0;
  for (let c = 0; c < prior.length; c++) {
    const v = prior[c]!;
    if (!(Number.isFinite(v) && v >= 0))
      throw new RangeError(`prior value ${c + 1} is ${v}, not a probability`);
    total += v;
  }
  if (Math.abs(total - 1) > PRIOR_SUM_TOLERANCE)
    throw new RangeError(`the prior sums to ${total}, not 1 (paste class counts to have them normalised)`);
}

function checkLabel(y: number, classes: number): number {
  if (!(Number.isInteger(y) && y >= 0 && y < classes))
    throw new RangeError(`target ${y} is out of bounds for ${classes} classes`);
  return y;
}

/** Class counts (any non-negative numbers, not all zero) → the prior they describe. */
export function priorFromCounts(counts: ArrayLike<number>, classes: number): Float64Array {
  if (counts.length !== classes)
    throw new RangeError(
      `the class counts have ${counts.length} values, expected one per class (${classes})`,
    );
  const out = Float64Array.from(counts);
  let total = 0;
  for (const [c, v] of out.entries()) {
    if (!(Number.isFinite(v) && v >= 0)) throw new RangeError(`class count ${c + 1} is ${v}, not a count`);
    total += v;
  }
  if (!(total > 0)) throw new RangeError('the class counts are all zero: no prior to estimate');
  return out.map((v) => v / total);
}

/** The labels' class frequencies (ignored rows left out): the empirical prior of index targets. */
export function priorFromLabels(
  labels: ArrayLike<number>,
  classes: number,
  ignoreIndex: number,
): Float64Array {
  const counts = new Float64Array(classes);
  for (let r = 0; r < labels.length; r++) {
    const y = labels[r]!;
    if (y !== ignoreIndex) counts[checkLabel(y, classes)]! += 1;
  }
  return priorFromCounts(counts, classes);
}

/** Dense targets (N, K) (or (K) for a single label): (1−ε)·onehot(y) + ε·π, all zero on ignored rows. */
export function priorTargets(
  labels: Tensor,
  classes: number,
  epsilon: number,
  prior: ArrayLike<number>,
  ignoreIndex: number = DEFAULT_IGNORE_INDEX,
): Tensor {
  checkPrior(prior, classes);
  const rows = labels.data.length;
  const out = new Float64Array(rows * classes);
  labels.data.forEach((y, r) => {
    if (y === ignoreIndex) return;
    for (let c = 0; c < classes; c++) out[r * classes + c] = epsilon * prior[c]!;
    out[r * classes + checkLabel(y, classes)]! += 1 - epsilon;
  });
  return tensor(labels.shape.length === 0 ? [classes] : [rows, classes], out);
}

/** Per row: nll = -w_y·log p_y and priorMass = -Σ_c π_c·w_c·log p_c; ignored rows 0. One pass over the logits. */
interface PriorTerms {
  readonly rows: number;
  readonly nll: Float64Array;
  readonly priorMass: Float64Array;
}

function priorTerms(
  logits: Tensor,
  labels: Tensor,
  prior: ArrayLike<number>,
  options: LossInputOptions,
): PriorTerms {
  const layout = classLayout(logits.shape);
  const { classes, inner } = layout;
  checkPrior(prior, classes);
  const ignore = options.ignoreIndex ?? DEFAULT_IGNORE_INDEX;
  checkIndexTargets(labels, layout, ignore);
  const weight = classWeights(options.weight, classes);
  const x = logits.data;
  const nll = new Float64Array(layout.rows);
  const priorMass = new Float64Array(layout.rows);
  for (let r = 0; r < layout.rows; r++) {
    const y = labels.data[r]!;
    if (y === ignore) continue;
    const start = rowStart(layout, r);
    const lse = logSumExp(x, start, classes, inner);
    let mass = 0;
    for (let c = 0, j = start; c < classes; c++, j += inner) mass += prior[c]! * weight[c]! * (lse - x[j]!);
    nll[r] = weight[y]! * (lse - x[start + y * inner]!);
    priorMass[r] = mass;
  }
  return { rows: layout.rows, nll, priorMass };
}

/** The reduced loss as intercept + slope·ε: intercept Σ nll, slope Σ (priorMass − nll), over N for 'mean'. */
export function priorLossLine(
  logits: Tensor,
  labels: Tensor,
  prior: ArrayLike<number>,
  options: LossInputOptions & { reduction?: ScalarReduction } = {},
): LossLine {
  const { rows, nll, priorMass } = priorTerms(logits, labels, prior, options);
  const reduction = options.reduction ?? 'mean';
  return {
    intercept: reduceScalar(nll, rows, reduction),
    slope: reduceScalar(
      priorMass.map((m, r) => m - nll[r]!),
      rows,
      reduction,
    ),
  };
}

/** The loss at every ε in one pass over the logits. */
export function priorSweep(
  logits: Tensor,
  labels: Tensor,
  prior: ArrayLike<number>,
  epsilons: ArrayLike<number>,
  options: LossInputOptions & { reduction?: ScalarReduction } = {},
): Float64Array {
  const line = priorLossLine(logits, labels, prior, options);
  return Float64Array.from(epsilons, (e) => lineAt(line, e));
}

/** Direct evaluation from the dense smoothed targets: -Σ_c w_c·q_c·log p_c per row, then reduced. */
export function priorSmoothedLoss(
  logits: Tensor,
  labels: Tensor,
  prior: ArrayLike<number>,
  epsilon: number,
  options: LossInputOptions & { reduction?: ScalarReduction } = {},
): number {
  const layout = classLayout(logits.shape);
  const { classes, inner } = layout;
  const ignore = options.ignoreIndex ?? DEFAULT_IGNORE_INDEX;
  checkIndexTargets(labels, layout, ignore);
  const q = priorTargets(labels, classes, epsilon, prior, ignore).data;
  const weight = classWeights(options.weight, classes);
  const values = new Float64Array(layout.rows);
  for (let r = 0; r < layout.rows; r++) {
    const start = rowStart(layout, r);
    const lse = logSumExp(logits.data, start, classes, inner);
    let loss = 0;
    for (let c = 0, j = start; c < classes; c++, j += inner) {
      const qc = q[r * classes + c]!;
      if (qc !== 0) loss += qc * weight[c]! * (lse - logits.data[j]!);
    }
    values[r] = loss;
  }
  return reduceScalar(values, layout.rows, options.reduction ?? 'mean');
}
