import { scalar, type Tensor } from '../tensor';
import { activeWeightTotal, type ClassLayout, checkIndexTargets, classLayout, rowStart } from './classLayout';
import { reduceRows, sum, zeroWeightSmoothedMean } from './reduce';
import {
  contiguousScaleRow,
  contiguousSoftmaxRow,
  contiguousSoftmaxSums,
  rowMax,
  scaleRow,
  shiftedExpRow,
} from './rowKernels';
import type { LossResult, PlainReduction } from './types';

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
  const losses = new Float64Array(layout.rows);
  const kernel = layout.inner === 1 && weights.every((w) => w === 1) ? unweightedRow : indexRow;
  // Without a gradient the unweighted kernel stores nothing: no (N, C) buffer.
  const buffer = new Float64Array(settings.grad || kernel === indexRow ? input.data.length : 0);
  const rows = {
    layout,
    weights,
    weightTotal: sum(weights),
    epsilon,
    scales: settings.grad ? scales : undefined,
  };
  for (let row = 0; row < layout.rows; row++) {
    const y = target.data[row]!;
    if (y !== ignoreIndex) losses[row] = kernel(input.data, buffer, rows, row, y);
  }
  const output =
    denominator === 0 && epsilon > 0
      ? scalar(zeroWeightMean(input, target, settings, sum(losses)))
      : reduceRows(losses, layout.rowShape, reduction, denominator);
  return settings.grad ? { output, gradInput: { shape: [...input.shape], data: buffer } } : { output };
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

/** Scratch for contiguousSoftmaxRow's shift, Σ exp and Σ (x - shift): no allocation per row. */
const rowSums = new Float64Array(3);

/** indexRow for contiguous rows with every class weight 1; the same arithmetic, without strides or weight reads. */
function unweightedRow(
  x: Float64Array,
  buffer: Float64Array,
  ctx: RowContext,
  row: number,
  y: number,
): number {
  const { layout, epsilon, scales } = ctx;
  const classes = layout.classes;
  const start = row * classes;
  if (scales) contiguousSoftmaxRow(x, start, classes, buffer, rowSums);
  else contiguousSoftmaxSums(x, start, classes, rowSums);
  const shift = rowSums[0]!;
  const sumExp = rowSums[1]!;
  const logSum = Math.log(sumExp);
  const targetAt = start + y;
  if (scales) {
    contiguousScaleRow(
      buffer,
      start,
      classes,
      (scales.nll + scales.smooth * classes) / sumExp,
      scales.smooth,
    );
    buffer[targetAt] = buffer[targetAt]! - scales.nll;
  }
  const nll = -(x[targetAt]! - shift - logSum);
  if (!(epsilon > 0)) return nll;
  const smooth = -(rowSums[2]! - classes * logSum);
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
