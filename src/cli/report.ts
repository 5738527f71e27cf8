import { type Finding, ruleOf, wrapsNote } from '../core/analysis';
import { formatNumber } from '../core/analysis/eval';

export interface FileReport {
  file: string;
  findings: Finding[];
}

const JSON_KEYS = [
  'line',
  'column',
  'endLine',
  'endColumn',
  'kind',
  'symbol',
  'convention',
  'epsilon',
  'epsilonParam',
  'torchEquivalent',
  'rule',
  'message',
] as const;

/**
 * Exactly the documented keys, in the documented order; keys added later go last: `severity` (null for losses),
 * then `modes` (the other settings of a loss definition that follow another convention, null when none).
 */
function publicFinding(f: Finding): Record<string, unknown> {
  return {
    ...Object.fromEntries(JSON_KEYS.map((k) => [k, f[k]])),
    severity: ruleOf(f)?.severity ?? null,
    modes: f.details?.modes ?? null,
  };
}

export function jsonReport(files: FileReport[]): string {
  return JSON.stringify(
    { files: files.map((r) => ({ file: r.file, findings: r.findings.map(publicFinding) })) },
    null,
    2,
  );
}

function describe(f: Finding): string {
  const where = `${f.line}:${f.column}`.padEnd(8);
  const rule = ruleOf(f);
  if (rule) return `  ${where}pitfall  ${rule.id} (${rule.severity})\n            ${f.message}`;
  const eps = f.epsilon === null ? '' : ` ε=${formatNumber(f.epsilon)}`;
  const param = f.epsilonParam ? ` (${f.epsilonParam})` : '';
  const conv = f.convention ? `  ${f.convention}${eps}${param}` : '';
  const torch = f.torchEquivalent ? `\n            ≡ ${f.torchEquivalent}` : '';
  const wraps = wrapsNote(f);
  return `  ${where}loss     ${f.symbol ?? ''}${conv}${torch}\n            ${f.message}${wraps ? ` ${wraps}` : ''}`;
}

export function textReport(files: FileReport[]): string {
  const blocks = files.map((r) =>
    [r.file, ...(r.findings.length ? r.findings.map(describe) : ['  no loss code found'])].join('\n'),
  );
  const pitfalls = files.reduce((n, r) => n + r.findings.filter((f) => f.kind === 'pitfall').length, 0);
  const losses = files.reduce((n, r) => n + r.findings.filter((f) => f.kind === 'loss').length, 0);
  return `${blocks.join('\n\n')}\n\n${files.length} file(s), ${losses} loss finding(s), ${pitfalls} pitfall(s)`;
}
