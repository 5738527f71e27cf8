/** What each loss takes, and the conversion of the pasted input (logits, probabilities, log-probabilities) to it. */
import { logSoftmax } from '../losses';
import type { Tensor } from '../tensor';
import type { InputKind, PlaygroundLoss } from './state';

/** The tensor a loss is called on; the gradient is with respect to it. */
export type LossInputKind = 'logits' | 'log_probabilities' | 'probabilities';

export const LOSS_INPUT: Record<PlaygroundLoss, LossInputKind> = {
  cross_entropy: 'logits',
  nll_loss: 'log_probabilities',
  kl_div: 'log_probabilities',
  binary_cross_entropy: 'probabilities',
  binary_cross_entropy_with_logits: 'logits',
};

export const INPUT_LABEL: Record<LossInputKind, string> = {
  logits: 'logits',
  log_probabilities: 'log-probabilities',
  probabilities: 'probabilities',
};

const map = (t: Tensor, f: (x: number) => number): Tensor => ({ shape: t.shape, data: t.data.map(f) });
const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));
/** log(p / (1-p)), the binary logit of a probability. */
const logit = (p: number): number => Math.log(p) - Math.log1p(-p);

/**
 * Pasted values → logits (categorical: log p is a valid logit vector; binary: log-odds), divided by T. Logits at
 * T = 1 are the pasted tensor itself (x / 1 is x), not a copy of megabytes.
 */
export function toLogits(input: Tensor, kind: InputKind, binary: boolean, temperature: number): Tensor {
  if (kind === 'logits' && temperature === 1) return input;
  const fromProbability = binary ? logit : Math.log;
  const convert: Record<InputKind, (x: number) => number> = {
    logits: (x) => x,
    probabilities: fromProbability,
    log_probabilities: binary ? (lp) => logit(Math.exp(lp)) : (lp) => lp,
  };
  return map(input, (x) => convert[kind](x) / temperature);
}

/** The loss's own input; the pasted tensor unchanged when it already is that and T = 1 (exact torch numbers). */
export function lossInput(input: Tensor, kind: InputKind, loss: PlaygroundLoss, temperature: number): Tensor {
  const need = LOSS_INPUT[loss];
  if (need === kind && temperature === 1) return input;
  const binary = loss === 'binary_cross_entropy' || loss === 'binary_cross_entropy_with_logits';
  const z = toLogits(input, kind, binary, temperature);
  if (need === 'logits') return z;
  return binary ? map(z, sigmoid) : logSoftmax(z);
}

/** Predicted probabilities for display: softmax rows (categorical) or element-wise sigmoid (binary). */
export function predictedProbabilities(
  input: Tensor,
  kind: InputKind,
  binary: boolean,
  temperature: number,
): Tensor {
  const z = toLogits(input, kind, binary, temperature);
  return binary ? map(z, sigmoid) : map(logSoftmax(z), Math.exp);
}
