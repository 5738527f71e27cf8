import type { Tensor } from '../tensor';
import { type ClassLayout, classLayout, rowStart, sameShape } from './classLayout';
import { reduceRows } from './reduce';
import { rowMax, scaleRow, shiftedExpRow } from './rowKernels';
import type { LossResult, PlainReduction } from './types';

export interface ProbabilityTargetSettings {
  weights: Float64Array;
  /** Maps each target probability to the smoothed one the loss trains towards. */
  smoothTarget: (t: number) => number;
  reduction: PlainReduction;
  grad: boolean;
}

/** torch's probability-target path: loss = -Σ_c logp[c]·t'[c]·weight[c] per row; 'mean' divides by the row count. */
export function crossEntropyWithProbabilities(
  input: Tensor,
  target: Tensor,
  settings: ProbabilityTargetSettings,
): LossResult {
  if (!sameShape(input.shape, target.shape)) {
    throw new RangeError(
      `probability targets of shape [${target.shape}] do not match the input [${input.shape}]`,
    );
  }
  const layout = classLayout(input.shape);
  const coef = weightedTargets(target.data, layout, settings);
  const scale = settings.reduction === 'mean' ? 1 / layout.rows : 1;
  const losses = new Float64Array(layout.rows);
  const buffer = new Float64Array(input.data.length);
  const { classes, inner } = layout;
  for (let row = 0; row < layout.rows; row++) {
    const start = rowStart(layout, row);
    const max = rowMax(input.data, start, classes, inner);
    const { sumExp, coefShift } = shiftedExpRow(
      input.data,
      start,
      classes,
      inner,
      max,
      buffer,
      coef,
      start,
      inner,
    );
    const coefTotal = rowSum(coef, start, classes, inner);
    losses[row] = -(coefShift - coefTotal * Math.log(sumExp));
    if (settings.grad)
      scaleRow(buffer, start, classes, inner, (scale * coefTotal) / sumExp, scale, coef, start, inner);
  }
  const output = reduceRows(losses, layout.rowShape, settings.reduction, layout.rows);
  return settings.grad ? { output, gradInput: { shape: [...input.shape], data: buffer } } : { output };
}

/** t'·weight in the input's layout. */
function weightedTargets(
  t: Float64Array,
  layout: ClassLayout,
  settings: ProbabilityTargetSettings,
): Float64Array {
  const coef = new Float64Array(t.length);
  for (let row = 0; row < layout.rows; row++) {
    const start = rowStart(layout, row);
    for (let c = 0, j = start; c < layout.classes; c++, j += layout.inner) {
      coef[j] = settings.smoothTarget(t[j]!) * settings.weights[c]!;
    }
  }
  return coef;
}

function rowSum(x: Float64Array, start: number, size: number, stride: number): number {
  let total = 0;
  for (let c = 0, j = start; c < size; c++, j += stride) total += x[j]!;
  return total;
}
