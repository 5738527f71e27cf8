import type { Finding, FindingDetails } from '../analysis/findings';
import { convertEpsilon, isSmoothingConvention, optimalLogitGap } from '../smoothing';
import { escapeMarkdown, formatNumber, inlineCode } from './markdown';
import type { Resolved } from './resolve';

function confidenceNote(finding: Finding, r: Resolved): string | null {
  const eps = formatNumber(r.epsilon);
  if (finding.convention === 'uniform') {
    const on = formatNumber(1 - r.epsilon + r.epsilon / r.classes);
    return `The target class gets 1 − ε + ε/K = ${on}, not 1 − ε; each other class gets ε/K.`;
  }
  if (finding.convention === 'k_minus_1') {
    const uniform = formatNumber(convertEpsilon(r.epsilon, 'k_minus_1', 'uniform', r.classes));
    return `The target class gets exactly 1 − ε = ${formatNumber(1 - r.epsilon)}; this is uniform smoothing with effective ε·K/(K−1) = ${uniform} (ε = ${eps}).`;
  }
  return null;
}

function gapNote(finding: Finding, r: Resolved): string | null {
  const c = finding.convention;
  if (c !== 'uniform' && c !== 'k_minus_1') return null;
  if (r.epsilon <= 0)
    return 'Without smoothing the loss keeps falling as the logit gap grows (no finite optimum).';
  const gap = formatNumber(optimalLogitGap(r.classes, r.epsilon, c));
  return `The loss is lowest at a logit gap of ${gap} (target minus each other class): softmax then equals the smoothed target.`;
}

function flagNotes(finding: Finding): string[] {
  const param = finding.epsilonParam ? inlineCode(finding.epsilonParam) : 'the smoothing parameter';
  const d = finding.details ?? {};
  return [
    d.epsilonIsConfidence ? `${param} holds the confidence 1 − ε, not ε.` : null,
    d.renormalised ? 'The targets are renormalised, so the effective ε differs from the parameter.' : null,
    d.maskedRowsInMean
      ? "Ignored / padding rows are zeroed but still counted in the mean's denominator."
      : null,
  ].filter((n): n is string => n !== null);
}

/** Notes on ε: where it came from, the confidence it leaves, the effective ε, the optimal logit gap. */
export function epsilonNotes(finding: Finding, r: Resolved): string[] {
  if (!finding.convention || !isSmoothingConvention(finding.convention)) return flagNotes(finding);
  const source = r.epsilonFromCode
    ? `ε = ${formatNumber(r.epsilon)}${finding.epsilonParam ? ` (${inlineCode(finding.epsilonParam)})` : ''}.`
    : `ε is not fixed in the code; the numbers use ε = ${formatNumber(r.epsilon)} (setting \`lossLens.smoothing.defaultEpsilon\`).`;
  return [source, confidenceNote(finding, r), gapNote(finding, r), ...flagNotes(finding)].filter(
    (n): n is string => n !== null,
  );
}

function classIndexNotes(d: FindingDetails): string[] {
  const ignore =
    d.ignoreIndex !== undefined ? ` (${escapeMarkdown(String(d.ignoreIndex))})` : ' (default −100)';
  return [
    d.weight && d.reduction !== 'sum' && d.reduction !== 'none'
      ? "With `weight`, `reduction='mean'` divides by Σ w[y_i], not N: `reduction='none'` then `.mean()` differs, and one-hot probability targets divide by N."
      : null,
    d.weight && d.labelSmoothing
      ? 'With `weight` and `label_smoothing`, the ε/K term is weighted per class too.'
      : null,
    `Rows whose target is \`ignore_index\`${ignore} are excluded from the loss, the smoothing term and the mean's denominator; probability targets cannot use \`ignore_index\`.`,
  ].filter((n): n is string => n !== null);
}

function klNote(d: FindingDetails): string {
  return d.reduction === 'batchmean'
    ? "`reduction='batchmean'` divides the sum by the batch size: the KL divergence."
    : "`reduction='mean'` (the default) averages over every element, which is not the KL divergence; use `'batchmean'`.";
}

/** PyTorch semantics that matter for the options this call uses. */
export function torchNotes(finding: Finding): string[] {
  const d = finding.details ?? {};
  switch (d.lossKind) {
    case 'cross_entropy':
    case 'nll_loss':
      return classIndexNotes(d);
    case 'kl_div':
      return [
        klNote(d),
        '`input` must hold log-probabilities; `target` probabilities unless `log_target=True`.',
      ];
    case 'binary_cross_entropy':
      return ['Targets must lie in [0, 1] (newer PyTorch raises); on raw logits prefer `BCEWithLogitsLoss`.'];
    case 'binary_cross_entropy_with_logits':
      return [
        'Targets are not range-checked; `pos_weight` broadcasts over the last dimension (one per class), `weight` over the input.',
      ];
    case 'log_softmax':
    case 'softmax':
      return ['Pass `dim` explicitly; feeding the output to `cross_entropy` applies softmax twice.'];
    default:
      return [];
  }
}
