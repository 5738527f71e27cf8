import { CONVENTION_REGISTRY } from '../../conventions';
import type { Classification } from '../classify';
import type { HardTargetKind, LossInfo } from '../eval';
import { formatNumber, MODULATION_REASON } from '../eval';
import type { Equivalence } from './torchEquivalent';

/**
 * Torch-equivalent policy. `torchEquivalent` (hovers, "Insert equivalent PyTorch call", `loss-lens explain --json`)
 * is either a torch call that computes exactly what the code computes (same value and gradients, for every input;
 * `K`, `padding_idx` and argument names stand for the code's own values when they are not constants) or null.
 * When the code computes something torch has no call for (softmax before cross_entropy, a weight multiplied into
 * log-probabilities, masked rows counted in a mean, padding-aware or batch-dependent smoothing, a KL divergence
 * read as a cross-entropy, a rescaled result) it is null, the message says "no exact torch equivalent" and why,
 * and `details.closestTorch` holds the closest call for the hover to show under that heading.
 */
export function equivalenceNote(e: Equivalence): string {
  if (!e.why) return '';
  return ` No exact torch equivalent: ${e.why}${e.closest ? `; closest: \`${e.closest}\`` : ''}.`;
}

/** What a definition is to its reader: a target builder, a training step (told by what it trains with), a loss. */
export function definitionLead(r: {
  def: { kind: 'class' | 'def' };
  targetsOnly: boolean;
  ctx: { calls: { training?: boolean } };
}): string {
  if (r.targetsOnly) return 'Target builder with';
  if (r.ctx.calls.training) return 'Training step that trains with';
  return r.def.kind === 'class' ? 'Loss class with' : 'Loss function with';
}

/** What a loss on hard targets that is no cross-entropy computes. */
const HARD_TARGET_NOTES: Record<HardTargetKind, string> = {
  overlap:
    'an overlap loss (Dice, Tversky, Jaccard): a ratio of sums of the predicted probabilities at the labels, subtracted or negated, no cross-entropy',
  contrastive:
    'a supervised contrastive (metric-learning) loss: feature similarities of the pairs that share a label against the rest, through a log-softmax or log-sum-exp, no cross-entropy against the classes',
};

export function describeDefinition(lead: string, c: Classification, loss: LossInfo): string {
  const { name, target, crossEntropy, parameter: symbol, note } = CONVENTION_REGISTRY[c.convention];
  const reason = c.convention === 'other' ? c.reason || 'unrecognised mix' : null;
  const said = target && crossEntropy && !loss.binary ? `${target}, ${crossEntropy}` : target;
  const parts = [`${lead} ${name}${said || reason ? `: ${said ?? reason}` : ''}`];
  if (c.epsilonParam)
    parts.push(
      `${symbol} is \`${c.epsilonParam}\`${c.epsilon !== null ? ` = ${formatNumber(c.epsilon)}` : ''}${c.epsilonOnSeveralPaths ? ', which the code sets to different values on different paths' : ''}`,
    );
  if (c.epsilonIsConfidence) parts.push(`\`${c.epsilonParam}\` holds the confidence 1−ε, not ε`);
  if (c.effectiveDiffers)
    parts.push('the effective ε differs from the parameter (targets are renormalised or rescaled)');
  if (note) parts.push(note);
  if (loss.hardTarget) parts.push(HARD_TARGET_NOTES[loss.hardTarget]);
  if (loss.kl) parts.push('computed as a KL divergence to the target distribution');
  if (loss.maskedRowsInMean) parts.push('masked / padding rows are zeroed but still counted in the mean');
  if (loss.weightSpans.length) parts.push('class weights are multiplied into the log-probabilities');
  if (loss.modulated) parts.push(MODULATION_REASON);
  if (loss.delegated) parts.push(`each term is computed by \`${loss.delegated}\`, the criterion it is given`);
  return `${parts.join('; ')}.`;
}
