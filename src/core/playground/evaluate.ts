/** One loss evaluation for the playground's (loss, convention, ε) through the shared torch-exact core. */
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  klDiv,
  type LossResult,
  nllLoss,
  type Reduction,
} from '../losses';
import { smoothTargets } from '../smoothing';
import { type SmoothingConvention, targetValues } from '../smoothing/conventions';
import { type Tensor, tensor } from '../tensor';
import { conventionLabel, type PlaygroundConvention, playgroundFamily } from './conventions';
import { klDivOneHot } from './klOneHot';
import { atValue, FieldRefusal, type Prepared } from './prepare';
import { priorMatrix } from './priorTargets';
import { type PlaygroundLoss, TORCH_IGNORE_INDEX } from './state';

export interface EvaluateOptions {
  loss: PlaygroundLoss;
  convention: PlaygroundConvention;
  /** The prior convention's π (`resolvePrior`); null for the others. */
  prior: Float64Array | null;
  epsilon: number;
  reduction: Reduction;
  ignoreIndex: number;
  grad: boolean;
}

/** The smoothed target as an (N, C) matrix (binary: the target's own shape); ignored rows are all zero. */
export function smoothedTargets(
  p: Prepared,
  epsilon: number,
  convention: PlaygroundConvention,
  ignoreIndex: number,
  prior: Float64Array | null = null,
): Tensor {
  if (p.family === 'binary') {
    if (convention === 'prior' || playgroundFamily(convention) !== 'binary')
      throw new RangeError(
        `${conventionLabel(convention)} smoothing is for cross-entropy, NLL and KL; choose binary or batch max+1`,
      );
    return smoothTargets(p.target, 2, epsilon, convention);
  }
  if (convention === 'prior') return priorMatrix(p, epsilon, prior, ignoreIndex);
  const { on, off } = targetValues(convention, p.cols, epsilon);
  if (p.targetKind === 'probability')
    return { shape: p.target.shape, data: p.target.data.map((t) => off + t * (on - off)) };
  checkClasses(p, ignoreIndex);
  const out = new Float64Array(p.rows * p.cols);
  // prepare() has checked that every other target is a class index.
  p.target.data.forEach((y, r) => {
    if (y === ignoreIndex) return;
    out.fill(off, r * p.cols, (r + 1) * p.cols);
    out[r * p.cols + y] = on;
  });
  return tensor([p.rows, p.cols], out);
}

/** Throws unless every row's target is a class or the ignored index. */
export function checkClasses(p: Prepared, ignoreIndex: number): void {
  p.target.data.forEach((y, r) => {
    if (y !== ignoreIndex && (y < 0 || y >= p.cols))
      throw new RangeError(`target ${y} in row ${r + 1} is not a class in [0, ${p.cols})`);
  });
}

/** `input` is already the loss's own input (see lossInput). */
export function evaluateLoss(p: Prepared, input: Tensor, o: EvaluateOptions): LossResult {
  const base = { reduction: o.reduction, grad: o.grad };
  const weight = p.weight ?? null;
  switch (o.loss) {
    case 'cross_entropy':
    case 'nll_loss':
      return categorical(p, input, o, weight);
    case 'kl_div': {
      if (weight)
        throw new RangeError(
          'kl_div takes no class weights (torch has no weight argument); clear the weights',
        );
      if (p.targetKind === 'index' && o.convention !== 'prior') return oneHotKl(p, input, o.convention, o);
      const asPasted = (t: Tensor) => tensor(p.pastedShape, t.data);
      return klDiv(
        asPasted(input),
        asPasted(smoothedTargets(p, o.epsilon, o.convention, o.ignoreIndex, o.prior)),
        base,
      );
    }
    case 'binary_cross_entropy':
      checkProbabilities(p, input);
      return binaryCrossEntropy(input, smoothedTargets(p, o.epsilon, o.convention, o.ignoreIndex, o.prior), {
        ...base,
        weight,
      });
    case 'binary_cross_entropy_with_logits':
      return binaryCrossEntropyWithLogits(
        input,
        smoothedTargets(p, o.epsilon, o.convention, o.ignoreIndex, o.prior),
        {
          ...base,
          weight,
        },
      );
  }
}

/** KL against smoothed class indices: the dense target's numbers without building it. */
function oneHotKl(
  p: Prepared,
  input: Tensor,
  convention: SmoothingConvention,
  o: EvaluateOptions,
): LossResult {
  checkClasses(p, o.ignoreIndex);
  const { on, off } = targetValues(convention, p.cols, o.epsilon);
  return klDivOneHot({
    input: input.data,
    rows: p.rows,
    cols: p.cols,
    target: p.target.data,
    ignoreIndex: o.ignoreIndex,
    on,
    off,
    shape: p.pastedShape,
    reduction: o.reduction,
    grad: o.grad,
  });
}

const NLL_NEEDS_INDICES =
  'nll_loss takes class indices, not one-hot or soft targets (torch: "multi-target not supported"); ' +
  'for those choose cross-entropy, which also takes log-probabilities';

/** torch checks BCE's input element by element; the first one outside [0, 1] is refused where it was pasted. */
function checkProbabilities(p: Prepared, input: Tensor): void {
  const bad = input.data.findIndex((x) => !(x >= 0 && x <= 1));
  if (bad < 0) return;
  throw atValue(
    p,
    'logits',
    bad,
    `binary_cross_entropy takes probabilities in [0, 1], but value ${bad + 1} gives ${input.data[bad]} ` +
      '(torch: "all elements of input should be between 0 and 1"); for logits choose BCE with logits',
  );
}

const IGNORE_INDEX_ON_PROBABILITIES =
  'an ignore index applies to class-index targets only (torch: "ignore_index is not supported for floating ' +
  'point target"); set Ignore index back to -100, or paste class indices';

/** NLL has no label smoothing in torch; smoothed NLL is cross-entropy on log-probabilities (seed 000). */
function categorical(p: Prepared, input: Tensor, o: EvaluateOptions, weight: Tensor | null): LossResult {
  const options = { reduction: o.reduction, grad: o.grad, weight, ignoreIndex: o.ignoreIndex };
  if (o.loss === 'nll_loss' && p.targetKind === 'probability') throw new RangeError(NLL_NEEDS_INDICES);
  if (p.targetKind === 'probability' && o.ignoreIndex !== TORCH_IGNORE_INDEX)
    throw new FieldRefusal({ field: 'options', line: 1, column: 1, message: IGNORE_INDEX_ON_PROBABILITIES });
  if (o.loss === 'nll_loss' && o.epsilon === 0 && o.convention === 'uniform' && p.targetKind === 'index')
    return nllLoss(input, p.target, options);
  if (o.convention === 'prior') {
    const q = smoothedTargets(p, o.epsilon, o.convention, o.ignoreIndex, o.prior);
    return crossEntropy(input, q, {
      reduction: o.reduction,
      grad: o.grad,
      weight,
      targetKind: 'probability',
    });
  }
  if (o.convention !== 'uniform' && o.convention !== 'k_minus_1') {
    throw new RangeError(`${o.convention} smoothing is for binary losses; choose uniform or K−1`);
  }
  return crossEntropy(input, p.target, {
    ...options,
    labelSmoothing: o.epsilon,
    smoothingConvention: o.convention,
  });
}
