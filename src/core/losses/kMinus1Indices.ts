import type { Tensor } from '../tensor';
import { checkIndexTargets, classLayout } from './classLayout';
import { reduceRows } from './reduce';
import { contiguousSoftmaxRow } from './rowKernels';
import { SUMS_PER_ROW } from './softmaxGradientRows';
import { softmaxRowBlocks } from './softmaxRowBlocks';
import type { LossResult, PlainReduction } from './types';

export interface KMinus1Settings {
  epsilon: number;
  ignoreIndex: number;
  reduction: PlainReduction;
  grad: boolean;
}

/**
 * K−1 smoothing of class indices on contiguous (N, C) logits without class weights: the loss and gradient of the
 * probability-target path on kMinus1IndexTargets (1−ε on the target, ε/(C−1) elsewhere), without building the
 * dense (N, C) target. An ignored row's target is all zero: it adds 0 (nan from a nan row, as q·log p does in
 * torch) and counts in the mean.
 */
export function crossEntropyKMinus1Indices(
  input: Tensor,
  target: Tensor,
  settings: KMinus1Settings,
): LossResult {
  const layout = classLayout(input.shape);
  const { epsilon, ignoreIndex, reduction } = settings;
  checkIndexTargets(target, layout, ignoreIndex);
  const { rows, classes } = layout;
  const x = input.data;
  const scale = reduction === 'mean' ? 1 / rows : 1;
  const losses = new Float64Array(rows);
  const buffer = settings.grad ? new Float64Array(x.length) : undefined;
  // Without a gradient every row's sums come from the kernel first, and nothing per class is kept.
  const allSums = buffer ? undefined : new Float64Array(rows * SUMS_PER_ROW);
  if (allSums) softmaxRowBlocks(x, rows, classes, allSums);
  const rowSums = new Float64Array(SUMS_PER_ROW);
  for (let row = 0; row < rows; row++) {
    const y = target.data[row]!;
    const kept = y !== ignoreIndex;
    const on = kept ? 1 - epsilon : 0;
    const off = kept ? epsilon / (classes - 1) : 0;
    const start = row * classes;
    if (buffer) contiguousSoftmaxRow(x, start, classes, buffer, rowSums);
    const [sums, at] = allSums ? [allSums, row * SUMS_PER_ROW] : [rowSums, 0];
    const shift = sums[at]!;
    const sumExp = sums[at + 1]!;
    const sumShift = sums[at + 2]!;
    // A finite Σ (x - shift) means every logit is finite; otherwise q·(x - shift) element by element, as torch.
    const coefShift = Number.isFinite(sumShift)
      ? off * sumShift + (kept ? (on - off) * (x[start + y]! - shift) : 0)
      : elementwiseShift(x, start, classes, shift, kept ? y : -1, on, off);
    const coefTotal = on + (classes - 1) * off;
    losses[row] = -(coefShift - coefTotal * Math.log(sumExp));
    if (buffer)
      gradientRow(buffer, start, classes, (scale * coefTotal) / sumExp, scale, kept ? y : -1, on, off);
  }
  const output = reduceRows(losses, layout.rowShape, reduction, rows);
  return buffer ? { output, gradInput: { shape: [...input.shape], data: buffer } } : { output };
}

function elementwiseShift(
  x: Float64Array,
  start: number,
  classes: number,
  shift: number,
  y: number,
  on: number,
  off: number,
): number {
  let total = 0;
  for (let c = 0; c < classes; c++) total += (c === y ? on : off) * (x[start + c]! - shift);
  return total;
}

/** exp(x - max) → exp(x - max)·factor − scale·q, q being `on` at class y (none when y is -1) and `off` elsewhere. */
function gradientRow(
  g: Float64Array,
  start: number,
  classes: number,
  factor: number,
  scale: number,
  y: number,
  on: number,
  off: number,
): void {
  const atTarget = y >= 0 ? g[start + y]! : 0;
  const offset = scale * off;
  const end = start + classes;
  for (let j = start; j < end; j++) g[j] = g[j]! * factor - offset;
  if (y >= 0) g[start + y] = atTarget * factor - scale * on;
}
