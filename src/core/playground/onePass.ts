/**
 * The plots of the common case from one pass over the logits: class-index targets, cross-entropy (class weights
 * allowed) or KL (on log-softmax of the logits) under uniform or K−1 smoothing. Each row's loss is affine in ε:
 * A + ε·(B − C·A)/d with A = −w_y·log p_y and B = −Σ_c w_c·log p_c (KL: w = 1, without its closed-form entropy
 * part), so a few numbers per row serve the loss, the gradient, the probabilities, the calibration and every
 * convention's sweep; only the visible row and the block-averaged heatmap are built at full resolution.
 */
import { classWeights } from '../losses/classLayout';
import { fastExp } from '../losses/fastExp';
import { softmax } from '../losses/logSoftmax';
import { reductionScale } from '../losses/reduce';
import { SUMS_PER_ROW } from '../losses/softmaxGradientRows';
import { softmaxRowBlocks } from '../losses/softmaxRowBlocks';
import { type Calibration, calibrationOfRows, type RowStats } from '../smoothing/calibration';
import { type SmoothingConvention, spreadDivisor, targetValues } from '../smoothing/conventions';
import { tensor } from '../tensor';
import type { EntropyTerm } from './entropy';
import { checkClasses } from './evaluate';
import type { EpsilonModel } from './model';
import type { Prepared } from './prepare';
import type { PlaygroundState } from './state';
import {
  type ExtremeLines,
  type HeatGrid,
  heatLayout,
  type RowView,
  rowRange,
  type SampleTable,
} from './views';

/** What one pass over the logits z leaves per row (s = z − shift). */
export interface RowPass {
  rows: number;
  cols: number;
  z: Float64Array;
  target: Float64Array;
  kept: Uint8Array;
  /** Any value near the row's max (the kernel's: the row's first value, or its max when the row spreads wide). */
  shift: Float64Array;
  /** log Σ_c exp(s_c). */
  logSum: Float64Array;
  /** Per class (all 1 without class weights). */
  weights: Float64Array;
  /** Σ_c w_c. */
  weightTotal: number;
  /** Σ_c w_c·s_c. */
  weightedShift: Float64Array;
  /** s_y (0 for ignored rows). */
  targetShift: Float64Array;
  /** Softmax entropy in nats: log Σ exp(s) − Σ exp(s)·s / Σ exp(s). */
  entropy: Float64Array;
  argmax: Int32Array;
}

/** A state the one pass computes: its convention is one of the two index-target ones. */
export type OnePassState = PlaygroundState & { convention: 'uniform' | 'k_minus_1' };

/** Whether `state` on `p` is the case this module computes (the rest goes through the general path). */
export function isOnePassCase(p: Prepared, state: PlaygroundState): state is OnePassState {
  const rawLogProbabilities = state.inputKind === 'log_probabilities' && state.temperature === 1;
  return (
    p.rows > 0 &&
    p.family === 'categorical' &&
    p.targetKind === 'index' &&
    (state.loss === 'cross_entropy' || (state.loss === 'kl_div' && !rawLogProbabilities && !p.weight)) &&
    (state.convention === 'uniform' || state.convention === 'k_minus_1')
  );
}

/**
 * The pass over z: the rows' softmax a block at a time through the loss kernel (softmaxRowBlocks), and from each
 * row's logits and probabilities its argmax and entropy. Undefined when a row holds nan or ±inf (the general path
 * keeps torch's special values) or there are no classes.
 */
export function rowPass(z: Float64Array, p: Prepared, ignoreIndex: number): RowPass | undefined {
  checkClasses(p, ignoreIndex);
  const { rows, cols } = p;
  if (cols === 0) return undefined;
  const target = p.target.data;
  const weights = classWeights(p.weight, cols);
  const pass: RowPass = {
    rows,
    cols,
    z,
    target,
    kept: Uint8Array.from(target, (y) => (y === ignoreIndex ? 0 : 1)),
    shift: new Float64Array(rows),
    logSum: new Float64Array(rows),
    weights,
    weightTotal: weights.reduce((a, b) => a + b, 0),
    weightedShift: new Float64Array(rows),
    targetShift: new Float64Array(rows),
    entropy: new Float64Array(rows),
    argmax: new Int32Array(rows),
  };
  const sums = new Float64Array(rows * SUMS_PER_ROW);
  const weighted = p.weight !== undefined;
  softmaxRowBlocks(z, rows, cols, sums, (first, count, probabilities) => {
    for (let i = 0; i < count; i++) rowSummary(pass, first + i, probabilities, i * cols, sums, weighted);
  });
  for (let r = 0; r < rows; r++) if (!Number.isFinite(sums[r * SUMS_PER_ROW + 2]!)) return undefined;
  return pass;
}

/** Row r's entries of `pass` from its softmax at `probabilities[at..]` and the kernel's sums. */
function rowSummary(
  pass: RowPass,
  r: number,
  probabilities: Float64Array,
  at: number,
  sums: Float64Array,
  weighted: boolean,
): void {
  const { z, cols } = pass;
  const start = r * cols;
  const shift = sums[r * SUMS_PER_ROW]!;
  const logSum = Math.log(sums[r * SUMS_PER_ROW + 1]!);
  let max = Number.NEGATIVE_INFINITY;
  let best = 0;
  let expectedShift = 0;
  for (let c = 0; c < cols; c++) {
    const v = z[start + c]!;
    if (v > max) {
      max = v;
      best = c;
    }
    expectedShift += probabilities[at + c]! * (v - shift);
  }
  pass.shift[r] = shift;
  pass.logSum[r] = logSum;
  pass.weightedShift[r] = weighted
    ? weightedRowShift(z, start, pass.weights, shift)
    : sums[r * SUMS_PER_ROW + 2]!;
  pass.entropy[r] = logSum - expectedShift;
  pass.argmax[r] = best;
  if (pass.kept[r]) pass.targetShift[r] = z[start + pass.target[r]!]! - shift;
}

function weightedRowShift(z: Float64Array, start: number, weights: Float64Array, shift: number): number {
  let total = 0;
  for (let c = 0; c < weights.length; c++) total += weights[c]! * (z[start + c]! - shift);
  return total;
}

/** Per-row loss (KL: without its entropy part) at ε = 0 and its slope in ε. */
function rowLines(
  pass: RowPass,
  convention: SmoothingConvention,
): { at0: Float64Array; slope: Float64Array } {
  const { rows, cols } = pass;
  const d = spreadDivisor(convention, cols);
  const at0 = new Float64Array(rows);
  const slope = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    if (!pass.kept[r]) continue;
    const logSum = pass.logSum[r]!;
    const a = pass.weights[pass.target[r]!]! * (logSum - pass.targetShift[r]!);
    const b = pass.weightTotal * logSum - pass.weightedShift[r]!;
    at0[r] = a;
    slope[r] = (b - cols * a) / d;
  }
  return { at0, slope };
}

function total(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum;
}

/** The headline from the per-row losses, reduced as torch reduces this loss under this convention. */
function reduceRows(pass: RowPass, p: Prepared, state: OnePassState, convention: SmoothingConvention) {
  const { reduction } = state;
  if (state.loss === 'kl_div') {
    const scale = reductionScale(p.pastedShape, reduction);
    return (perRow: Float64Array) => total(perRow) * scale;
  }
  const denominator = meanDenominator(pass, convention);
  return (perRow: Float64Array) => (reduction === 'mean' ? total(perRow) / denominator : total(perRow));
}

/** uniform: torch's index-target mean, by Σ w_y over the kept rows; K−1: the probability-target mean, by N. */
function meanDenominator(pass: RowPass, convention: SmoothingConvention): number {
  if (convention !== 'uniform') return pass.rows;
  let total = 0;
  for (let r = 0; r < pass.rows; r++) if (pass.kept[r]) total += pass.weights[pass.target[r]!]!;
  return total;
}

/** The headline remainder (KL: without its entropy part) at each grid ε, and the per-row losses. */
export function lineOf(
  pass: RowPass,
  p: Prepared,
  state: OnePassState,
  convention: SmoothingConvention,
  epsilons: readonly number[],
): { values: number[]; perSample: Float64Array[] } {
  const { at0, slope } = rowLines(pass, convention);
  const reduce = reduceRows(pass, p, state, convention);
  const perSample = epsilons.map((e) => at0.map((a, r) => a + e * slope[r]!));
  return { values: perSample.map(reduce), perSample };
}

/** d(reduced loss)/d(loss input) for one row at ε: CE (p·Σq − q)·scale on logits, KL −q·scale on log-probs. */
function rowGradient(pass: RowPass, p: Prepared, state: OnePassState, row: number, epsilon: number) {
  const { cols } = pass;
  const { index } = rowRange(p, row);
  const out = new Float64Array(cols);
  if (!pass.kept[index]) return out;
  const { on, off } = targetValues(state.convention, cols, epsilon);
  const y = pass.target[index]!;
  const q = (c: number) => (c === y ? on : off);
  if (state.loss === 'kl_div') {
    const scale = reductionScale(p.pastedShape, state.reduction);
    return out.map((_, c) => -q(c) * scale);
  }
  const { weights } = pass;
  const scale = state.reduction === 'mean' ? 1 / meanDenominator(pass, state.convention) : 1;
  const start = index * cols;
  const sumExp = Math.exp(pass.logSum[index]!);
  const targetMass = off * pass.weightTotal + (on - off) * weights[y]!;
  const factor = (scale * targetMass) / sumExp;
  return out.map(
    (_, c) => fastExp(pass.z[start + c]! - pass.shift[index]!) * factor - scale * q(c) * weights[c]!,
  );
}

export function onePassModel(
  pass: RowPass,
  p: Prepared,
  state: OnePassState,
  entropy: EntropyTerm | undefined,
): EpsilonModel {
  const epsilons = [0, 1];
  const { values, perSample } = lineOf(pass, p, state, state.convention, epsilons);
  const model: EpsilonModel = {
    epsilons,
    values,
    perSample,
    rowGrad: epsilons.map((e) => rowGradient(pass, p, state, state.row, e)),
  };
  if (entropy) model.entropy = entropy;
  return model;
}

/** The block-averaged smoothed targets at ε, from the class indices alone. */
export function oneHotHeat(pass: RowPass, convention: SmoothingConvention, epsilon: number): HeatGrid {
  const { rows, cols } = pass;
  const { rowStep, colStep, gr, gc } = heatLayout(rows, cols);
  const { on, off } = targetValues(convention, cols, epsilon);
  const width = (j: number) => Math.min(cols, (j + 1) * colStep) - j * colStep;
  const height = (i: number) => Math.min(rows, (i + 1) * rowStep) - i * rowStep;
  // Every kept row adds off to each of its cells and on − off at its target: per grid row, a count and the targets.
  const keptRows = new Float64Array(gr);
  const targetSums = new Float64Array(gr * gc);
  for (let r = 0; r < rows; r++) {
    if (!pass.kept[r]) continue;
    const i = Math.floor(r / rowStep);
    keptRows[i]! += 1;
    targetSums[i * gc + Math.floor(pass.target[r]! / colStep)]! += on - off;
  }
  const values = targetSums.map((s, cell) => {
    const [i, j] = [Math.floor(cell / gc), cell % gc];
    return (keptRows[i]! * off * width(j) + s) / (height(i) * width(j));
  });
  return { rows: gr, cols: gc, rowStep, colStep, values };
}

/**
 * The heatmap's true range (views.extremeLines) without dense targets: at ε = 0 kept rows are one-hot and ignored
 * rows all zero; each line goes from a value at ε = 0 to the values that cell takes at ε = 1.
 */
export function oneHotExtremes(pass: RowPass, convention: SmoothingConvention): ExtremeLines {
  const { rows, cols } = pass;
  if (rows === 0 || cols === 0) return [];
  const kept = pass.kept.reduce((n, k) => n + k, 0);
  const { on, off } = targetValues(convention, cols, 1);
  const fromZero = [...(kept > 0 && cols > 1 ? [off] : []), ...(kept < rows ? [0] : [])];
  const ends = (at0: number): ExtremeLines =>
    at0 === 1
      ? [
          [1, on],
          [1, on],
        ]
      : [
          [0, Math.min(...fromZero)],
          [0, Math.max(...fromZero)],
        ];
  return [...ends(fromZero.length > 0 ? 0 : 1), ...ends(kept > 0 ? 1 : 0)];
}

export function onePassRow(pass: RowPass, p: Prepared, state: OnePassState): RowView {
  const { index, start, end } = rowRange(p, state.row);
  const probabilities = softmax(tensor([pass.cols], pass.z.subarray(start, end))).data;
  const targetAt = (epsilon: number) => {
    const { on, off } = targetValues(state.convention, pass.cols, epsilon);
    const row = new Float64Array(pass.cols);
    if (!pass.kept[index]) return row;
    row.fill(off);
    row[pass.target[index]!] = on;
    return row;
  };
  return { index, label: 'class', probabilities, targetAt0: targetAt(0), targetAt1: targetAt(1) };
}

export function onePassTable(pass: RowPass): SampleTable {
  const { rows, cols, z, target } = pass;
  const probability = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const y = target[r]!;
    const shift = z[r * cols + y]! - pass.shift[r]!;
    probability[r] = y >= 0 && y < cols ? Math.exp(shift - pass.logSum[r]!) : Number.NaN;
  }
  return { target: Float64Array.from(pass.target), predicted: Float64Array.from(pass.argmax), probability };
}

/** The reliability diagram over the kept rows (null when every row is ignored). */
export function onePassCalibration(pass: RowPass, bins: number): Calibration | null {
  const stats: RowStats[] = [];
  for (let r = 0; r < pass.rows; r++) {
    if (!pass.kept[r]) continue;
    const top = pass.z[r * pass.cols + pass.argmax[r]!]!;
    stats.push({
      confidence: Math.exp(top - pass.shift[r]! - pass.logSum[r]!),
      correct: pass.argmax[r] === pass.target[r],
      entropy: pass.entropy[r]!,
    });
  }
  return stats.length === 0 ? null : calibrationOfRows(stats, bins);
}
