/**
 * Where the playground computes something torch's call of the same name does not: said in words, and for K−1 with
 * class weights, torch's own number beside the playground's.
 */
import { crossEntropy } from '../losses';
import { convertEpsilon } from '../smoothing';
import type { Tensor } from '../tensor';
import { headline } from './model';
import type { Prepared } from './prepare';
import type { PlaygroundState } from './state';

/** torch's `F.cross_entropy(…, weight=w, label_smoothing=ε·K/(K−1))`: the same targets, its own weighting. */
export interface TorchWeighted {
  labelSmoothing: number;
  value: number;
}

/**
 * torch's number for K−1 smoothing with class weights and 'mean', when it differs: the playground's K−1 is
 * cross-entropy on dense targets, whose mean divides by N; torch's index path with the same targets divides by Σ w[y].
 */
export function torchWeightedKMinus1(
  p: Prepared,
  input: () => Tensor,
  state: PlaygroundState,
): TorchWeighted | undefined {
  const categorical = state.loss === 'cross_entropy' || state.loss === 'nll_loss';
  if (!categorical || state.convention !== 'k_minus_1' || !p.weight || p.targetKind !== 'index')
    return undefined;
  if (state.epsilon === 0 || state.reduction !== 'mean' || p.cols < 2) return undefined;
  const labelSmoothing = convertEpsilon(state.epsilon, 'k_minus_1', 'uniform', p.cols);
  if (labelSmoothing > 1) return undefined;
  const options = {
    weight: p.weight,
    ignoreIndex: state.ignoreIndex,
    reduction: state.reduction,
    grad: false,
  };
  const value = headline(crossEntropy(input(), p.target, { ...options, labelSmoothing }).output);
  return { labelSmoothing, value };
}

const fixed = (v: number): string => v.toFixed(4);

/** Sentences for the notes under the headline; `value` is the playground's number at the state's ε. */
export function torchDifferences(state: PlaygroundState, value: number, weighted?: TorchWeighted): string[] {
  const notes: string[] = [];
  if (state.loss === 'nll_loss' && state.epsilon > 0)
    notes.push(
      "torch's F.nll_loss has no label smoothing: with ε > 0 this is cross-entropy with smoothed targets on the log-probabilities (F.cross_entropy on log-probabilities with label_smoothing gives this number).",
    );
  if (state.loss === 'kl_div' && state.reduction === 'mean')
    notes.push(
      "reduction='mean' averages F.kl_div over every element, so this is the KL divergence divided by the number of classes; reduction='batchmean' is the KL divergence you want (torch warns about 'mean' too).",
    );
  if (weighted)
    notes.push(
      `K−1 with class weights: this is cross-entropy on the dense K−1 targets, whose mean divides by N: ${fixed(value)}. F.cross_entropy(input, y, weight=w, label_smoothing=${fixed(weighted.labelSmoothing)}) has the same targets but, given class indices, divides by Σ w[y]: ${fixed(weighted.value)}.`,
    );
  return notes;
}
