/** The effective smoothed target in a few words, for an inlay hint after a loss: "true 0.925 · others 0.025 at K=4". */
import type { Finding } from '../analysis/results';
import { CONVENTION_REGISTRY } from '../conventions';
import { formatNumber } from './markdown';
import { binaryTarget, categoricalTargets } from './targets';

/** The file's K: the one class count its findings agree on, else null. */
export function fileClasses(findings: readonly Finding[]): number | null {
  const counts = new Set(findings.flatMap((f) => (f.details?.classes ? [f.details.classes] : [])));
  return counts.size === 1 ? [...counts][0]! : null;
}

/** Null for findings that do not smooth, or smooth by 0. */
export function targetHint(finding: Finding, classesInFile: number | null): string | null {
  const c = finding.convention;
  const epsilon = finding.epsilon;
  if (finding.kind !== 'loss' || !c || epsilon === null || epsilon <= 0) return null;
  if (!CONVENTION_REGISTRY[c].claimsSmoothing) return null;
  const k = finding.details?.classes ?? classesInFile;
  const fmt = formatNumber;
  switch (c) {
    case 'binary':
    case 'batch_max_plus_1':
      return `t=1 → ${fmt(binaryTarget(c, epsilon, 1, []))} · t=0 → ${fmt(binaryTarget(c, epsilon, 0, [1]))}`;
    case 'prior':
      return `true ${fmt(1 - epsilon)} + ${fmt(epsilon)}·π · others ${fmt(epsilon)}·π`;
    case 'uniform':
    case 'k_minus_1':
    case 'k_minus_2_padding': {
      const t = k && k >= CONVENTION_REGISTRY[c].minClasses ? categoricalTargets(c, k, epsilon) : null;
      if (!t) return `ε=${fmt(epsilon)}, ${CONVENTION_REGISTRY[c].name} (K unknown)`;
      const padding = t.padding ? ' · padding 0' : '';
      return `true ${fmt(t.on)} · others ${fmt(t.off)}${padding} at K=${k}`;
    }
    default:
      return null;
  }
}
