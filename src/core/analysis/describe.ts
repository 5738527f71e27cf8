import type { Classification } from './classify';
import type { Convention } from './findings';
import { formatNumber } from './sym';
import type { LossInfo } from './values';

const TARGETS: Record<Convention, string> = {
  uniform:
    'uniform label smoothing: target (1−ε)·onehot + ε/K over all K classes (as nn.CrossEntropyLoss(label_smoothing=ε))',
  k_minus_1: 'K−1 label smoothing: true class 1−ε, every other class ε/(K−1)',
  k_minus_2_padding:
    'padding-aware label smoothing: true class 1−ε, ε/(K−2) on the other non-padding classes, padding class 0',
  binary: 'binary label smoothing: targets t·(1−α) + α/2',
  batch_max_plus_1:
    'batch-dependent label smoothing: targets t·(1−α) + α/(max(t)+1); the class count comes from the batch, so it equals α/2 only when the batch holds a 1',
  soft_target: 'cross-entropy against probability (soft) targets, no smoothing of its own',
  other: 'a smoothed target that matches no standard convention',
  none: 'no label smoothing',
};

const eq = (v: number | null, name: string): string => (v === null ? name : formatNumber(v));

/** ε·K/(K−d) as a number when K is known, else as an expression. */
function rescaled(c: Classification, d: number): string {
  if (c.epsilon === 0) return '0';
  if (c.epsilon !== null && c.classes) return formatNumber((c.epsilon * c.classes) / (c.classes - d));
  return `${eq(c.epsilon, c.epsilonParam ?? 'eps')} * K / (K - ${d})`;
}

/** The torch call that computes the same loss, when there is one. */
export function torchEquivalent(c: Classification, loss: LossInfo): string | null {
  const eps = eq(c.epsilon, c.epsilonParam ?? 'eps');
  switch (c.convention) {
    case 'uniform':
      return loss.binary ? null : `nn.CrossEntropyLoss(label_smoothing=${eps})`;
    case 'k_minus_1':
      return `nn.CrossEntropyLoss(label_smoothing=${rescaled(c, 1)})`;
    case 'k_minus_2_padding':
      return `nn.CrossEntropyLoss(ignore_index=padding_idx, label_smoothing=${rescaled(c, 2)})`;
    case 'binary':
    case 'batch_max_plus_1':
      return `nn.BCEWithLogitsLoss()(logits, target * (1 - ${eps}) + ${eps} / 2)`;
    case 'soft_target':
      return 'nn.CrossEntropyLoss()(logits, target_probs)';
    case 'none':
      return loss.kl
        ? "nn.KLDivLoss(reduction='batchmean')"
        : loss.binary
          ? 'nn.BCELoss()'
          : 'nn.CrossEntropyLoss()';
    default:
      return null;
  }
}

export function describeDefinition(
  kind: 'class' | 'def',
  c: Classification,
  loss: LossInfo,
  targetsOnly: boolean,
): string {
  const what = targetsOnly ? 'builds smoothed targets' : kind === 'class' ? 'loss class' : 'loss function';
  const parts = [`${what}: ${TARGETS[c.convention]}`];
  if (c.convention === 'other') parts.push(`(${c.reason || 'unrecognised mix'})`);
  if (c.epsilonParam)
    parts.push(`ε is \`${c.epsilonParam}\`${c.epsilon !== null ? ` = ${formatNumber(c.epsilon)}` : ''}`);
  if (c.epsilonIsConfidence) parts.push(`\`${c.epsilonParam}\` holds the confidence 1−ε, not ε`);
  if (c.effectiveDiffers)
    parts.push('the effective ε differs from the parameter (targets are renormalised or rescaled)');
  if (c.convention === 'k_minus_1') parts.push('equals uniform smoothing with ε·K/(K−1)');
  if (loss.kl) parts.push('computed as a KL divergence to the smoothed distribution');
  if (loss.maskedRowsInMean) parts.push('masked / padding rows are zeroed but still counted in the mean');
  if (loss.weightSpans.length) parts.push('class weights are multiplied into the log-probabilities');
  return `${parts.join('; ')}.`;
}
