/**
 * The loss as a function of ε, precomputed once per input so a slider move costs O(N). Every loss here is affine in
 * ε except KL, whose target-entropy part is added back in closed form (class-index targets) or, for soft targets,
 * sampled on a finer grid. Between grid points values are linear interpolations, exact for the affine parts.
 */
import type { Tensor } from '../tensor';
import { type EntropyTerm, entropyTerm, reducedNegEntropy, rowNegEntropy } from './entropy';
import { type EvaluateOptions, evaluateLoss } from './evaluate';
import type { Prepared } from './prepare';
import type { PlaygroundLoss } from './state';
import { rowRange } from './views';

export interface EpsilonModel {
  /** KL only: the closed-form part taken out of the grid values. */
  entropy?: EntropyTerm;
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

/** Soft-target KL, whose entropy term has no closed form here: sampled every 0.05. */
const FINE_GRID = Array.from({ length: 21 }, (_, i) => i / 20);

export function epsilonGrid(loss: PlaygroundLoss, entropy: EntropyTerm | undefined): number[] {
  return loss === 'kl_div' && !entropy ? FINE_GRID : [0, 1];
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
  const entropy = o.loss === 'kl_div' ? entropyTerm(p, o.convention, o.reduction, o.ignoreIndex) : undefined;
  const model: EpsilonModel = {
    epsilons: epsilonGrid(o.loss, entropy),
    values: [],
    perSample: [],
    rowGrad: [],
  };
  if (entropy) model.entropy = entropy;
  for (const epsilon of model.epsilons) {
    const reduced = evaluateLoss(p, input, { ...o, epsilon, grad: true });
    const none =
      o.reduction === 'none'
        ? reduced
        : evaluateLoss(p, input, { ...o, epsilon, reduction: 'none', grad: false });
    model.values.push(headline(reduced.output) - (entropy ? reducedNegEntropy(entropy, epsilon) : 0));
    model.perSample.push(addEntropy(perRow(none.output, p.rows), entropy, epsilon, -1));
    model.rowGrad.push(rowOf(reduced.gradInput, p, row));
  }
  return model;
}

/** Adds (sign 1) or removes (sign -1) the closed-form entropy part of each row's loss, in place. */
function addEntropy(
  perSample: Float64Array,
  entropy: EntropyTerm | undefined,
  epsilon: number,
  sign: 1 | -1,
): Float64Array {
  if (!entropy) return perSample;
  const term = sign * rowNegEntropy(entropy, epsilon);
  for (let i = 0; i < perSample.length; i++) perSample[i]! += term * entropy.kept[i]!;
  return perSample;
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
    value:
      interpolate(model.epsilons, model.values, epsilon) +
      (model.entropy ? reducedNegEntropy(model.entropy, epsilon) : 0),
    perSample: addEntropy(
      lerpArray(model.perSample[j]!, model.perSample[j + 1]!, t),
      model.entropy,
      epsilon,
      1,
    ),
    rowGrad: lerpArray(model.rowGrad[j]!, model.rowGrad[j + 1]!, t),
  };
}
