import type { Finding } from '../analysis/results';
import { CONVENTION_REGISTRY } from '../conventions';
import { convertEpsilon, isSmoothingConvention, optimalLogitGap } from '../smoothing';
import { formatNumber, inlineCode } from './markdown';
import type { Resolved } from './resolve';

/** Where the ε the numbers use comes from. */
export type EpsilonSource = 'code' | 'zero' | 'default' | 'invalid';

export function epsilonSource(r: Resolved): EpsilonSource {
  if (!r.epsilonFromCode) return 'default';
  if (r.epsilon === 0) return 'zero';
  return r.epsilon > 0 && r.epsilon <= 1 ? 'code' : 'invalid';
}

/** ε, or α for the binary conventions. */
export function epsilonSymbol(finding: Finding): string {
  const c = finding.convention;
  return c ? CONVENTION_REGISTRY[c].parameter : 'ε';
}

/** "ε = 0.3", or how the shown ε departs from the code's: "ε defaults to 0 here; shown at ε = 0.1". */
export function shownEpsilonText(finding: Finding, r: Resolved): string {
  const e = epsilonSymbol(finding);
  const shown = `${e} = ${formatNumber(r.shownEpsilon)}`;
  switch (epsilonSource(r)) {
    case 'zero':
      return `${e} ${finding.details?.definedAt ? 'is' : 'defaults to'} 0 here; shown at ${shown}`;
    case 'default':
      return `${shown}, the default`;
    default:
      return shown;
  }
}

function sourceNote(finding: Finding, r: Resolved): string | null {
  const e = epsilonSymbol(finding);
  const setting = `(setting ${inlineCode('lossLens.smoothing.defaultEpsilon')})`;
  switch (epsilonSource(r)) {
    case 'zero':
      return `${e} = 0 is no smoothing at all; the numbers use ${e} = ${formatNumber(r.shownEpsilon)} ${setting}.`;
    case 'default':
      return `${e} is not fixed in the code; the numbers use ${e} = ${formatNumber(r.shownEpsilon)} ${setting}.`;
    case 'invalid':
      return `${e} = ${formatNumber(r.epsilon)} lies outside [0, 1]: torch raises, and the targets would leave [0, 1].`;
    default:
      return null;
  }
}

function confidenceNote(finding: Finding, r: Resolved): string | null {
  const eps = r.shownEpsilon;
  if (finding.convention === 'uniform') {
    const on = formatNumber(1 - eps + eps / r.classes);
    return `The target class gets 1 − ε + ε/K = ${on}, not 1 − ε; each other class gets ε/K.`;
  }
  if (finding.convention === 'k_minus_1') {
    const uniform = formatNumber(convertEpsilon(eps, 'k_minus_1', 'uniform', r.classes));
    return `The target class gets exactly 1 − ε = ${formatNumber(1 - eps)}: uniform smoothing with ε·K/(K−1) = ${uniform} gives the same targets.`;
  }
  return null;
}

function gapNote(finding: Finding, r: Resolved): string | null {
  const c = finding.convention;
  if (c !== 'uniform' && c !== 'k_minus_1') return null;
  const gap = formatNumber(optimalLogitGap(r.classes, r.shownEpsilon, c));
  return `The loss is lowest at a logit gap of ${gap} (target minus each other class), where softmax equals the smoothed target.`;
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

/** Notes on ε: where the shown value came from, the confidence it leaves, the optimal logit gap. */
export function epsilonNotes(finding: Finding, r: Resolved): string[] {
  if (!finding.convention || !isSmoothingConvention(finding.convention)) return flagNotes(finding);
  const valid = epsilonSource(r) !== 'invalid' && r.shownEpsilon > 0;
  const notes = valid ? [confidenceNote(finding, r), gapNote(finding, r)] : [];
  return [sourceNote(finding, r), ...notes, ...flagNotes(finding)].filter((n): n is string => n !== null);
}
