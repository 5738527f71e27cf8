import { type Tensor, tensor } from '../tensor';
import type { Reduction, ScalarReduction } from './options';

/** Per-element (or per-row) losses and what 'mean' divides their sum by. */
export interface ElementLosses {
  readonly shape: readonly number[];
  readonly values: Float64Array;
  readonly meanDenominator: number;
}

/** Per-element loss as intercept + slope·ε: every convention's loss is affine in ε. */
export interface LinePieces {
  readonly shape: readonly number[];
  readonly intercept: Float64Array;
  readonly slope: Float64Array;
  readonly meanDenominator: number;
}

/** A reduced loss as a function of ε: loss(ε) = intercept + slope·ε. */
export interface LossLine {
  readonly intercept: number;
  readonly slope: number;
}

export type ReducedLoss<R extends Reduction> = R extends 'none' ? Tensor : number;

export function reduceScalar(
  values: Float64Array,
  meanDenominator: number,
  reduction: ScalarReduction,
): number {
  let sum = 0;
  for (const v of values) sum += v;
  return reduction === 'sum' ? sum : sum / meanDenominator;
}

export function reduceLosses<R extends Reduction>(losses: ElementLosses, reduction: R): ReducedLoss<R>;
export function reduceLosses(losses: ElementLosses, reduction: Reduction): number | Tensor {
  if (reduction === 'none') return tensor(losses.shape, losses.values);
  return reduceScalar(losses.values, losses.meanDenominator, reduction);
}

export function reduceLine(pieces: LinePieces, reduction: ScalarReduction): LossLine {
  return {
    intercept: reduceScalar(pieces.intercept, pieces.meanDenominator, reduction),
    slope: reduceScalar(pieces.slope, pieces.meanDenominator, reduction),
  };
}

export function lineAt(line: LossLine, epsilon: number): number {
  return line.intercept + line.slope * epsilon;
}
