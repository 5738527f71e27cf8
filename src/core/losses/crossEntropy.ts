import { scalar, type Tensor, zeros } from '../tensor';
import { classLayout, classWeights, DEFAULT_IGNORE_INDEX, sameShape } from './classLayout';
import { crossEntropyWithIndices } from './indexTargets';
import { crossEntropyKMinus1Indices } from './kMinus1Indices';
import { crossEntropyWithProbabilities } from './probabilityTargets';
import { plainReduction } from './reduce';
import { kMinus1IndexTargets, kMinus1Smoothing, uniformSmoothing } from './smoothedTargets';
import type { CrossEntropyOptions, LossResult, PlainReduction } from './types';

const keepTarget = (t: number): number => t;

/** torch.nn.functional.cross_entropy on logits (C), (N, C) or (N, C, d1, ...), class dim 1 (0 for 1-D input). */
export function crossEntropy(input: Tensor, target: Tensor, options: CrossEntropyOptions = {}): LossResult {
  const reduction = plainReduction(options.reduction, 'crossEntropy');
  const epsilon = checkLabelSmoothing(options.labelSmoothing ?? 0);
  const layout = classLayout(input.shape);
  const { classes, inner } = layout;
  if (layout.rows === 0) return emptyBatch(input, target, layout.rowShape, options, reduction);
  const weights = classWeights(options.weight, classes);
  const ignoreIndex = options.ignoreIndex ?? DEFAULT_IGNORE_INDEX;
  const grad = options.grad ?? false;
  const byIndex = (options.targetKind ?? inferTargetKind(input, target)) === 'index';
  const kMinus1 = options.smoothingConvention === 'k_minus_1';
  if (byIndex && !kMinus1) {
    return crossEntropyWithIndices(input, target, { weights, ignoreIndex, epsilon, reduction, grad });
  }
  if (!byIndex && ignoreIndex !== DEFAULT_IGNORE_INDEX)
    throw new RangeError('ignore_index is not supported for floating point target (as in torch)');
  if (byIndex && inner === 1 && weights.every((w) => w === 1)) {
    return crossEntropyKMinus1Indices(input, target, { epsilon, ignoreIndex, reduction, grad });
  }
  // Every other combination is a probability-target loss; K-1 index targets are expanded to dense ones first.
  const probabilities = byIndex ? kMinus1IndexTargets(input, target, epsilon, ignoreIndex) : target;
  const smoothTarget = byIndex
    ? keepTarget
    : (kMinus1 ? kMinus1Smoothing : uniformSmoothing)(epsilon, classes);
  return crossEntropyWithProbabilities(input, probabilities, { weights, smoothTarget, reduction, grad });
}

/**
 * No rows: torch's mean is 0/0 = nan, its sum 0. Answered before anything per class is built, which for an empty
 * batch of many classes (`tensor([], size=(0, 16777216))`) would be all of the work.
 */
function emptyBatch(
  input: Tensor,
  target: Tensor,
  rowShape: readonly number[],
  options: CrossEntropyOptions,
  reduction: PlainReduction,
): LossResult {
  if (!sameShape(target.shape, rowShape) && !sameShape(target.shape, input.shape))
    throw new RangeError(`targets of shape [${target.shape}] do not match the input [${input.shape}]`);
  if (options.weight)
    classWeights(options.weight, input.shape.length === 1 ? input.shape[0]! : input.shape[1]!);
  const output = reduction === 'none' ? zeros(rowShape) : scalar(reduction === 'mean' ? Number.NaN : 0);
  return options.grad ? { output, gradInput: zeros(input.shape) } : { output };
}

function inferTargetKind(input: Tensor, target: Tensor): 'index' | 'probability' {
  return sameShape(input.shape, target.shape) ? 'probability' : 'index';
}

function checkLabelSmoothing(epsilon: number): number {
  if (!(epsilon >= 0 && epsilon <= 1))
    throw new RangeError(`labelSmoothing must be in [0, 1], got ${epsilon}`);
  return epsilon;
}
