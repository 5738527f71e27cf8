import type { Tensor } from '../tensor';
import { binaryInputs, elementwiseLoss, optionalBroadcast } from './elementwise';
import type { BinaryWithLogitsOptions, LossResult } from './types';

/**
 * torch.nn.functional.binary_cross_entropy_with_logits, with torch 1.13's stable formula
 * (1-t)·x + lw·(m + log(e^-m + e^(-x-m))), m = max(-x, 0), lw = 1 + (posWeight-1)·t, so -inf logits give nan as there.
 */
export function binaryCrossEntropyWithLogits(
  input: Tensor,
  target: Tensor,
  options: BinaryWithLogitsOptions = {},
): LossResult {
  const inputs = binaryInputs(input, target, options, 'binaryCrossEntropyWithLogits');
  const { reduction, target: t, weight: w, grad } = inputs;
  const x = input.data;
  const pw = optionalBroadcast(options.posWeight, input.shape, 'posWeight');
  return elementwiseLoss(input, reduction, grad, (i, scale, out) => {
    const xi = x[i]!;
    const ti = t[i]!;
    const weight = w ? w[i]! : 1;
    const m = Math.max(-xi, 0);
    const softplusNeg = Math.log(Math.exp(-m) + Math.exp(-xi - m)) + m;
    const positive = pw ? pw[i]! * ti : ti;
    const logWeight = pw ? (pw[i]! - 1) * ti + 1 : 1;
    out.loss = ((1 - ti) * xi + logWeight * softplusNeg) * weight;
    out.grad = ((positive + 1 - ti) * sigmoid(xi) - positive) * scale * weight;
  });
}

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
