/** "Copy as PyTorch": a self-contained Python script that prints the number the playground shows. */
import { formatTensor } from '../parse';
import { convertEpsilon } from '../smoothing';
import { targetValues } from '../smoothing/conventions';
import type { Tensor } from '../tensor';
import { LOSS_INPUT } from './lossInput';
import type { Prepared } from './prepare';
import { resolvePrior } from './prior';
import type { PlaygroundState } from './state';

/** An empty tensor's list literal cannot carry its shape (`[]` is (0,)), so it is built from the shape. */
function tensorLiteral(t: Tensor, dtype: 'float64' | 'long'): string {
  if (t.data.length === 0) return `torch.zeros(${pythonShape(t.shape)}, dtype=torch.${dtype})`;
  return dtype === 'long'
    ? `torch.tensor([${Array.from(t.data).join(', ')}], dtype=torch.long)`
    : `torch.tensor(${formatTensor(t, 'python')}, dtype=torch.float64)`;
}

const pythonShape = (shape: readonly number[]): string =>
  shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;

/** The same conversion as lossInput(): pasted values → logits / T → what the loss takes. */
function inputLines(state: PlaygroundState, binary: boolean): string[] {
  const need = LOSS_INPUT[state.loss];
  if (need === state.inputKind && state.temperature === 1) return ['inp = x'];
  const t = state.temperature === 1 ? '' : ` / ${state.temperature}`;
  const toLogits = {
    logits: `x${t}`,
    probabilities: binary ? `torch.logit(x)${t}` : `torch.log(x)${t}`,
    log_probabilities: binary ? `torch.logit(x.exp())${t}` : `x${t}`,
  }[state.inputKind];
  const fromLogits = {
    logits: 'z',
    log_probabilities: 'F.log_softmax(z, dim=-1)',
    probabilities: 'torch.sigmoid(z)',
  }[need];
  return [`z = ${toLogits}`, `inp = ${fromLogits}`];
}

/** Dense smoothed targets q for the losses that take them (K−1 cross-entropy, KL, BCE). */
function smoothedTargetLines(p: Prepared, state: PlaygroundState): string[] {
  const eps = state.epsilon;
  if (p.family === 'binary') {
    const divisor = state.convention === 'binary' ? '2' : '(target.max() + 1)';
    return [`q = target * (1 - ${eps}) + ${eps} / ${divisor}`];
  }
  if (state.convention === 'prior') return priorTargetLines(p, state);
  const { on, off } = targetValues(state.convention, p.cols, eps);
  if (p.targetKind === 'probability') return [`q = ${off} + target * (${on} - ${off})`];
  return [
    `keep = target != ${state.ignoreIndex}  # ignored rows get an all-zero target`,
    `q = torch.zeros(${p.rows}, ${p.cols}, dtype=torch.float64)`,
    `q[keep] = ${off}`,
    `q[keep.nonzero().squeeze(1), target[keep]] = ${on}`,
  ];
}

const PRIOR_ORIGIN = {
  frequencies: "the targets' class frequencies",
  vector: 'as pasted',
  counts: 'the pasted class counts, normalised',
} as const;

/** Smoothing toward π: q = (1 − ε)·onehot + ε·π, all zero on ignored rows (torch's probability-target path). */
function priorTargetLines(p: Prepared, state: PlaygroundState): string[] {
  const eps = state.epsilon;
  const prior = tensorLiteral(
    { shape: [p.cols], data: resolvePrior(p, state) ?? new Float64Array() },
    'float64',
  );
  const head = [`prior = ${prior}  # ${PRIOR_ORIGIN[state.priorSource]}`];
  if (p.targetKind === 'probability') return [...head, `q = (1 - ${eps}) * target + ${eps} * prior`];
  return [
    ...head,
    `keep = target != ${state.ignoreIndex}  # ignored rows get an all-zero target`,
    `q = torch.zeros(${p.rows}, ${p.cols}, dtype=torch.float64)`,
    `q[keep] = ${eps} * prior`,
    `q[keep.nonzero().squeeze(1), target[keep]] += 1 - ${eps}`,
  ];
}

/**
 * K−1 smoothing as torch's own `label_smoothing = ε·K/(K−1)`, where that is exact: class indices, no weights (torch
 * weights the smoothing term per class) and, for a mean, no ignored rows (the dense targets count them in N).
 */
function kMinus1AsUniform(p: Prepared, state: PlaygroundState): number | undefined {
  if (state.convention !== 'k_minus_1' || p.targetKind !== 'index' || p.weight) return undefined;
  if (state.reduction === 'mean' && p.target.data.includes(state.ignoreIndex)) return undefined;
  const uniform = convertEpsilon(state.epsilon, 'k_minus_1', 'uniform', p.cols);
  return uniform <= 1 ? uniform : undefined;
}

function lossLines(p: Prepared, state: PlaygroundState): string[] {
  const w = p.weight ? 'weight=weight, ' : '';
  const r = `reduction='${state.reduction}'`;
  const ii = `ignore_index=${state.ignoreIndex}, `;
  const { loss, convention, epsilon } = state;
  const categorical = loss === 'cross_entropy' || loss === 'nll_loss';
  const asUniform = categorical ? kMinus1AsUniform(p, state) : undefined;
  if (categorical && (convention === 'uniform' || asUniform !== undefined)) {
    if (loss === 'nll_loss' && epsilon === 0 && convention === 'uniform')
      return [`loss = F.nll_loss(inp, target, ${w}${ii}${r})`];
    const note =
      asUniform !== undefined
        ? `  # K−1 with ε = ${epsilon} is uniform with ε·K/(K−1), K = ${p.cols}`
        : loss === 'nll_loss'
          ? '  # on log-probabilities: log_softmax leaves them as they are'
          : '';
    return [
      `loss = F.cross_entropy(inp, target, ${w}${ii}${r}, label_smoothing=${asUniform ?? epsilon})${note}`,
    ];
  }
  const call = {
    cross_entropy: `F.cross_entropy(inp, q, ${w}${r})`,
    nll_loss: `F.cross_entropy(inp, q, ${w}${r})`,
    kl_div:
      p.pastedShape.length === 1
        ? `F.kl_div(inp.flatten(), q.flatten(), ${r})  # as pasted, a (C) vector: 'batchmean' divides by C`
        : `F.kl_div(inp, q, ${r})`,
    binary_cross_entropy: `F.binary_cross_entropy(inp, q, ${w}${r})`,
    binary_cross_entropy_with_logits: `F.binary_cross_entropy_with_logits(inp, q, ${w}${r})`,
  }[loss];
  return [...smoothedTargetLines(p, state), `loss = ${call}`];
}

export function torchSnippet(p: Prepared, state: PlaygroundState): string {
  const binary = p.family === 'binary';
  const indexTargets = p.targetKind === 'index';
  const show = state.reduction === 'none' ? 'print(loss)' : 'print(f"{loss.item():.4f}  ({loss.item()!r})")';
  const data = [
    `x = ${tensorLiteral(p.input, 'float64')}  # ${state.inputKind}`,
    `target = ${tensorLiteral(p.target, indexTargets ? 'long' : 'float64')}`,
    ...(p.weight ? [`weight = ${tensorLiteral(p.weight, 'float64')}`] : []),
  ];
  const specials = data.some((line) => /\b(?:inf|nan)\b/.test(line)) ? ['from math import inf, nan', ''] : [];
  return [
    `# Loss Lens playground: ${state.loss}, ${state.convention} smoothing ε = ${state.epsilon}, reduction '${state.reduction}'`,
    ...specials,
    'import torch',
    'import torch.nn.functional as F',
    '',
    ...data,
    ...inputLines(state, binary),
    ...lossLines(p, state),
    show,
    '',
  ].join('\n');
}
