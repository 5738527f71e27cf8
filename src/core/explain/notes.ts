import type { FindingDetails } from '../analysis/results';
import { escapeMarkdown } from './markdown';

const isMean = (d: FindingDetails): boolean => d.reduction === undefined || d.reduction === 'mean';

function ignoredRowsNote(d: FindingDetails): string | null {
  if (d.ignoreIndex === undefined && !d.hasIgnoreIndex) return null;
  const value = d.ignoreIndex !== undefined ? ` (${escapeMarkdown(String(d.ignoreIndex))})` : '';
  const smoothing = d.labelSmoothing ? ', the smoothing term' : '';
  return `Rows whose target is \`ignore_index\`${value} are excluded from the loss${smoothing} and the mean's denominator; probability targets cannot use \`ignore_index\`.`;
}

/** Class-index targets (cross_entropy, nll_loss): weighted mean, weighted smoothing, ignored rows. */
function classIndexNotes(d: FindingDetails): (string | null)[] {
  return [
    d.weight && isMean(d)
      ? "With `weight`, `reduction='mean'` divides by Σ w[y_i], not N: `reduction='none'` then `.mean()` differs, and one-hot probability targets divide by N."
      : null,
    d.weight && d.labelSmoothing
      ? 'With `weight` and `label_smoothing`, the ε/K term is weighted per class too: Σ_c w_c·ε/K·(−log p_c).'
      : null,
    ignoredRowsNote(d),
  ];
}

function klNotes(d: FindingDetails): string[] {
  return [
    d.reduction === 'batchmean'
      ? "`reduction='batchmean'` divides the sum by the batch size: the KL divergence per sample."
      : isMean(d)
        ? "`reduction='mean'` (the default) averages over every element, batch × classes, which is not the KL divergence; use `'batchmean'`."
        : null,
  ].filter((n): n is string => n !== null);
}

function bceWithLogitsNotes(d: FindingDetails): string[] {
  return [
    d.posWeight
      ? '`pos_weight` multiplies only the positive term and broadcasts over the last dimension (one value per class), unlike `weight`, which rescales every element.'
      : null,
    d.weight && !d.posWeight
      ? "`weight` rescales each element's loss (broadcast over the input), not per class as in cross_entropy; for class imbalance use `pos_weight`."
      : null,
  ].filter((n): n is string => n !== null);
}

/** PyTorch semantics that matter for the options this call uses (none when no option makes them relevant). */
export function torchNotes(d: FindingDetails): string[] {
  switch (d.lossKind) {
    case 'cross_entropy':
    case 'nll_loss':
      return classIndexNotes(d).filter((n): n is string => n !== null);
    case 'kl_div':
      return klNotes(d);
    case 'binary_cross_entropy':
      return [
        'Targets must lie in [0, 1] (newer PyTorch raises); on raw logits use `BCEWithLogitsLoss`, which applies the sigmoid stably.',
      ];
    case 'binary_cross_entropy_with_logits':
      return bceWithLogitsNotes(d);
    case 'softmax':
      return [
        'Do not feed this to `cross_entropy`, which applies log_softmax itself; for log-probabilities use `log_softmax` (stabler than `softmax().log()`).',
      ];
    default:
      return [];
  }
}
