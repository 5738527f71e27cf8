import type { Tensor } from '../tensor';
import { broadcastTo } from './broadcast';
import { sameShape } from './classLayout';
import { reduceElementwise, reductionScale } from './reduce';
import type { LossResult, Reduction } from './types';

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

/** The binary label smoothing t(1-α) + α/2. */
export function smoothBinaryTargets(target: Float64Array, alpha: number): Float64Array {
  if (!(alpha > 0)) return target;
  return target.map((t) => t * (1 - alpha) + alpha / 2);
}
