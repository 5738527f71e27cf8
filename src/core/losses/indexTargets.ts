import { scalar, type Tensor } from '../tensor';
import { activeWeightTotal, type ClassLayout, checkIndexTargets, classLayout, rowStart } from './classLayout';
import { reduceRows, sum, zeroWeightSmoothedMean } from './reduce';
import { rowMax, scaleRow, shiftedExpRow } from './rowKernels';
import { SUMS_PER_ROW } from './softmaxGradientRows';
import { softmaxRowBlocks } from './softmaxRowBlocks';
import type { LossResult, PlainReduction } from './types';
import { softmaxGradientKernel } from './wasmSoftmaxRows';

export interface IndexTargetSettings {
  weights: Float64Array;
  ignoreIndex: number;
  /** torch's label_smoothing: (1-ε)·nll + ε/C · (-Σ_c weight[c]·logp[c]). */
  epsilon: number;
  reduction: PlainReduction;
  grad: boolean;
}

/** How much d(output)/d(row term) each term gets; zero smoothing keeps torch's "no smoothing branch" results. */
interface TermScales {
  nll: number;
  smooth: number;
}

/**
 * Cross-entropy with class-index targets, fused: per row one max pass (none on the unweighted contiguous path,
 * see contiguousSoftmaxRow), one exponential pass that leaves exp(x - shift) in the gradient buffer, and one
 * pass that turns it into the gradient in place.
 */
export function crossEntropyWithIndices(
  input: Tensor,
  target: Tensor,
  settings: IndexTargetSettings,
): LossResult {
  const layout = classLayout(input.shape);
  const { weights, ignoreIndex, epsilon, reduction } = settings;
  checkIndexTargets(target, layout, ignoreIndex);
  const denominator = reduction === 'mean' ? activeWeightTotal(target.data, weights, ignoreIndex) : 1;
  const smooth = epsilon > 0 ? epsilon / layout.classes / denominator : 0;
  const scales = { nll: (1 - epsilon) / denominator, smooth };
  const unweighted = layout.inner === 1 && weights.every((w) => w === 1);
  const losses = new Float64Array(layout.rows);
  let gradient: Float64Array | undefined;
  if (unweighted && settings.grad) {
    gradient = unweightedRowsWithGradient(input.data, target.data, losses, layout.classes, scales, settings);
  } else if (unweighted) {
    unweightedRows(input.data, target.data, losses, layout.classes, settings);
  } else {
    const buffer = new Float64Array(input.data.length);
    const rows = {
      layout,
      weights,
      weightTotal: sum(weights),
      epsilon,
      scales: settings.grad ? scales : undefined,
    };
    for (let row = 0; row < layout.rows; row++) {
      const y = target.data[row]!;
      if (y !== ignoreIndex) losses[row] = indexRow(input.data, buffer, rows, row, y);
    }
    if (settings.grad) gradient = buffer;
  }
  const output =
    denominator === 0 && epsilon > 0
      ? scalar(zeroWeightMean(input, target, settings, sum(losses)))
      : reduceRows(losses, layout.rowShape, reduction, denominator);
  return gradient ? { output, gradInput: { shape: [...input.shape], data: gradient } } : { output };
}

/**
 * (N, C) rows without class weights, gradient wanted: every row through the softmax-gradient kernel at once (the
 * WebAssembly one where it runs), then per row the loss from its sums and the target's share of the gradient. An
 * ignored row's gradient is zero, as in torch.
 */
function unweightedRowsWithGradient(
  x: Float64Array,
  targets: Float64Array,
  losses: Float64Array,
  classes: number,
  scales: TermScales,
  settings: IndexTargetSettings,
): Float64Array {
  const rows = targets.length;
  const gradient = new Float64Array(x.length);
  const sums = new Float64Array(rows * SUMS_PER_ROW);
  softmaxGradientKernel()(
    x,
    gradient,
    rows,
    classes,
    scales.nll + scales.smooth * classes,
    scales.smooth,
    sums,
  );
  for (let row = 0, start = 0; row < rows; row++, start += classes) {
    const y = targets[row]!;
    if (y === settings.ignoreIndex) {
      gradient.fill(0, start, start + classes);
      continue;
    }
    gradient[start + y] = gradient[start + y]! - scales.nll;
    losses[row] = unweightedLoss(x[start + y]!, sums, row * SUMS_PER_ROW, classes, settings.epsilon);
  }
  return gradient;
}

/** (N, C) rows without class weights or gradient: the kernel's sums a block at a time, no (N, C) array kept. */
function unweightedRows(
  x: Float64Array,
  targets: Float64Array,
  losses: Float64Array,
  classes: number,
  settings: IndexTargetSettings,
): void {
  const rows = targets.length;
  const sums = new Float64Array(rows * SUMS_PER_ROW);
  softmaxRowBlocks(x, rows, classes, sums);
  for (let row = 0; row < rows; row++) {
    const y = targets[row]!;
    if (y === settings.ignoreIndex) continue;
    losses[row] = unweightedLoss(x[row * classes + y]!, sums, row * SUMS_PER_ROW, classes, settings.epsilon);
  }
}

/** The rows' sum split into its nll and spread sums again: zeroWeightSmoothedMean needs them apart. */
function zeroWeightMean(input: Tensor, target: Tensor, settings: IndexTargetSettings, total: number): number {
  const { epsilon } = settings;
  const classes = classLayout(input.shape).classes;
  const plain = { ...settings, epsilon: 0, reduction: 'sum' as const, grad: false };
  const nllSum = crossEntropyWithIndices(input, target, plain).output.data[0]!;
  const spreadSum = (total - (1 - epsilon) * nllSum) / (epsilon / classes);
  return zeroWeightSmoothedMean(nllSum, spreadSum, epsilon, classes);
}

interface RowContext {
  layout: ClassLayout;
  weights: Float64Array;
  weightTotal: number;
  epsilon: number;
  /** Present when the gradient is wanted. */
  scales: TermScales | undefined;
}

/** A row's loss from its logit at the target and its shift, Σ exp and Σ (x - shift) in `sums` from `at`. */
function unweightedLoss(
  targetLogit: number,
  sums: Float64Array,
  at: number,
  classes: number,
  epsilon: number,
): number {
  const logSum = Math.log(sums[at + 1]!);
  const nll = -(targetLogit - sums[at]! - logSum);
  if (!(epsilon > 0)) return nll;
  const smooth = -(sums[at + 2]! - classes * logSum);
  return (1 - epsilon) * nll + smooth * (epsilon / classes);
}

/** The row's loss; leaves exp(x - max), or the gradient when asked, in `buffer`. */
function indexRow(x: Float64Array, buffer: Float64Array, ctx: RowContext, row: number, y: number): number {
  const { layout, weights, weightTotal, epsilon, scales } = ctx;
  const { classes, inner } = layout;
  const start = rowStart(layout, row);
  const max = rowMax(x, start, classes, inner);
  const { sumExp, coefShift } = shiftedExpRow(x, start, classes, inner, max, buffer, weights, 0, 1);
  const logSum = Math.log(sumExp);
  const targetAt = start + y * inner;
  const weightY = weights[y]!;
  if (scales) {
    const factor = (scales.nll * weightY + scales.smooth * weightTotal) / sumExp;
    scaleRow(buffer, start, classes, inner, factor, scales.smooth, weights, 0, 1);
    buffer[targetAt] = buffer[targetAt]! - scales.nll * weightY;
  }
  const nll = -weightY * (x[targetAt]! - max - logSum);
  if (!(epsilon > 0)) return nll;
  const smooth = -(coefShift - weightTotal * logSum);
  return (1 - epsilon) * nll + smooth * (epsilon / classes);
}
