import type { Tensor } from '../tensor';
import { broadcastTo } from './broadcast';
import { sameShape } from './classLayout';
import { plainReduction, reduceElementwise, reductionScale } from './reduce';
import type { BinaryLossOptions, LossResult, Reduction } from './types';

export function checkSameShape(input: Tensor, target: Tensor, loss: string): void {
  if (!sameShape(input.shape, target.shape)) {
    throw new RangeError(
      `${loss}: target of shape [${target.shape}] does not match the input [${input.shape}]`,
    );
  }
}

/** An optional tensor broadcast to `shape`, or undefined when absent. */
export function optionalBroadcast(
  t: Tensor | null | undefined,
  shape: readonly number[],
  name: string,
): Float64Array | undefined {
  return t ? broadcastTo(t, shape, name) : undefined;
}

/** Loss and d(loss)/d(input) of one element, given the element's reduction scale (the gradient's upstream). */
export type ElementLoss = (i: number, scale: number, out: { loss: number; grad: number }) => void;

/** Runs an elementwise loss over the input and applies torch's reduction to values and gradient. */
export function elementwiseLoss(
  input: Tensor,
  reduction: Reduction,
  grad: boolean,
  element: ElementLoss,
): LossResult {
  const n = input.data.length;
  const losses = new Float64Array(n);
  const gradient = grad ? new Float64Array(n) : undefined;
  const scale = reductionScale(input.shape, reduction);
  const slot = { loss: 0, grad: 0 };
  for (let i = 0; i < n; i++) {
    element(i, scale, slot);
    losses[i] = slot.loss;
    if (gradient) gradient[i] = slot.grad;
  }
  const output = reduceElementwise(losses, input.shape, reduction);
  return gradient ? { output, gradInput: { shape: [...input.shape], data: gradient } } : { output };
}

/** What both binary cross-entropies read from their arguments before the elementwise pass. */
export interface BinaryInputs {
  readonly reduction: Reduction;
  /** The targets, smoothed when `labelSmoothing` is set. */
  readonly target: Float64Array;
  readonly weight: Float64Array | undefined;
  readonly grad: boolean;
}

/** Checks the reduction and the shapes like torch, smooths the targets and broadcasts the weight. */
export function binaryInputs(
  input: Tensor,
  target: Tensor,
  options: BinaryLossOptions,
  loss: string,
): BinaryInputs {
  const reduction = plainReduction(options.reduction, loss);
  checkSameShape(input, target, loss);
  return {
    reduction,
    target: smoothBinaryTargets(target.data, options.labelSmoothing ?? 0),
    weight: optionalBroadcast(options.weight, input.shape, 'weight'),
    grad: options.grad ?? false,
  };
}

/** The binary label smoothing t(1-α) + α/2. */
function smoothBinaryTargets(target: Float64Array, alpha: number): Float64Array {
  if (!(alpha > 0)) return target;
  return target.map((t) => t * (1 - alpha) + alpha / 2);
}
