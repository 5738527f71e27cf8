/**
 * The loss as a function of ε, precomputed once per input so a slider move costs O(N): every loss here is affine
 * in ε except KL (its target entropy is not), which gets a finer grid. Values between grid points are linear
 * interpolations, exact for the affine losses.
 */
import type { Tensor } from '../tensor';
import { type EvaluateOptions, evaluateLoss } from './evaluate';
import type { Prepared } from './prepare';
import type { PlaygroundLoss } from './state';
import { rowRange } from './views';

export interface EpsilonModel {
  /** Ascending grid from 0 to 1. */
  epsilons: number[];
  /** Headline value at each grid point (the sum for reduction 'none'). */
  values: number[];
  /** Per-sample losses ('none' output, summed over a row's outputs) at each grid point. */
  perSample: Float64Array[];
  /** The gradient of the reduced loss for the selected row at each grid point. */
  rowGrad: Float64Array[];
}

export interface ModelPoint {
  value: number;
  perSample: Float64Array;
  rowGrad: Float64Array;
}

export function epsilonGrid(loss: PlaygroundLoss): number[] {
  return loss === 'kl_div' ? Array.from({ length: 21 }, (_, i) => i / 20) : [0, 1];
}

const sum = (values: Float64Array): number => values.reduce((a, b) => a + b, 0);

/** Headline: the reduced output, or the sum of the unreduced one. */
export function headline(output: Tensor): number {
  return output.shape.length === 0 ? output.data[0]! : sum(output.data);
}

/** 'none' output → one loss per matrix row. */
export function perRow(output: Tensor, rows: number): Float64Array {
  const cols = output.data.length / rows;
  if (cols === 1) return Float64Array.from(output.data);
  return Float64Array.from({ length: rows }, (_, r) => sum(output.data.subarray(r * cols, (r + 1) * cols)));
}

function rowOf(t: Tensor | undefined, p: Prepared, row: number): Float64Array {
  const { start, end } = rowRange(p, row);
  return t ? Float64Array.from(t.data.subarray(start, end)) : new Float64Array(end - start);
}

export function buildModel(
  p: Prepared,
  input: Tensor,
  o: Omit<EvaluateOptions, 'epsilon' | 'grad'>,
  row: number,
): EpsilonModel {
  const model: EpsilonModel = { epsilons: epsilonGrid(o.loss), values: [], perSample: [], rowGrad: [] };
  for (const epsilon of model.epsilons) {
    const reduced = evaluateLoss(p, input, { ...o, epsilon, grad: true });
    const none =
      o.reduction === 'none'
        ? reduced
        : evaluateLoss(p, input, { ...o, epsilon, reduction: 'none', grad: false });
    model.values.push(headline(reduced.output));
    model.perSample.push(perRow(none.output, p.rows));
    model.rowGrad.push(rowOf(reduced.gradInput, p, row));
  }
  return model;
}

/** Where ε falls on the grid: the segment's left index and the fraction along it. */
export function locate(epsilons: number[], epsilon: number): { j: number; t: number } {
  let j = 0;
  while (j < epsilons.length - 2 && epsilon > epsilons[j + 1]!) j++;
  return { j, t: (epsilon - epsilons[j]!) / (epsilons[j + 1]! - epsilons[j]!) };
}

export function lerpArray(
  a: Float64Array,
  b: Float64Array,
  t: number,
  out = new Float64Array(a.length),
): Float64Array {
  for (let i = 0; i < a.length; i++) out[i] = a[i]! + (b[i]! - a[i]!) * t;
  return out;
}

/** A curve sampled on the grid, at ε. */
export function interpolate(epsilons: number[], values: number[], epsilon: number): number {
  const { j, t } = locate(epsilons, epsilon);
  return values[j]! + (values[j + 1]! - values[j]!) * t;
}

/** O(N + C): the model at ε. */
export function modelAt(model: EpsilonModel, epsilon: number): ModelPoint {
  const { j, t } = locate(model.epsilons, epsilon);
  return {
    value: interpolate(model.epsilons, model.values, epsilon),
    perSample: lerpArray(model.perSample[j]!, model.perSample[j + 1]!, t),
    rowGrad: lerpArray(model.rowGrad[j]!, model.rowGrad[j + 1]!, t),
  };
}
