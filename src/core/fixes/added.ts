/** Quick fixes for pitfalls whose message says what to write but whose finding carries no edit. */
import { BATCH_MAX_CLASS_COUNT, type Finding, type Fix, SOFTMAX_WITHOUT_DIM } from '../analysis/results';
import type { LineIndex } from './text';

/** `F.log_softmax(x)` → `F.log_softmax(x, dim=-1)`; `dim=1` offered too, what torch picks now for (N, C, …). */
function dimFixes(finding: Finding, lines: LineIndex): Fix[] {
  const { from, to } = lines.span(finding);
  const call = lines.text.slice(from, to);
  if (!call.endsWith(')')) return [];
  const before = call.slice(0, -1).trimEnd().at(-1);
  const separator = before === '(' ? '' : before === ',' ? ' ' : ', ';
  const at = lines.range({ from: to - 1, to: to - 1 });
  const fix = (dim: string, title: string): Fix => ({
    title,
    edits: [{ range: at, newText: `${separator}dim=${dim}` }],
  });
  return [
    fix('-1', 'Pass dim=-1 (classes in the last dimension)'),
    fix('1', 'Pass dim=1 (channels first, as torch picks now for 2-D and 4-D input)'),
  ];
}

/** `target.max() + 1` in a binary-target loss is 2 whenever the batch holds a positive, and the known count. */
function binaryClassCount(finding: Finding, findings: readonly Finding[]): Fix[] {
  const inBinaryLoss = findings.some(
    (f) =>
      f.kind === 'loss' &&
      (f.convention === 'batch_max_plus_1' || f.details?.targetKind === 'binary') &&
      contains(f, finding),
  );
  return inBinaryLoss
    ? [{ title: 'Use 2 classes (binary targets)', edits: [{ range: rangeOf(finding), newText: '2' }] }]
    : [];
}

export function addedFixes(finding: Finding, findings: readonly Finding[], lines: LineIndex): Fix[] {
  if (finding.rule === SOFTMAX_WITHOUT_DIM) return dimFixes(finding, lines);
  if (finding.rule === BATCH_MAX_CLASS_COUNT) return binaryClassCount(finding, findings);
  return [];
}

const rangeOf = ({ line, column, endLine, endColumn }: Finding) => ({ line, column, endLine, endColumn });

function contains(outer: Finding, inner: Finding): boolean {
  const starts = outer.line < inner.line || (outer.line === inner.line && outer.column <= inner.column);
  const ends =
    outer.endLine > inner.endLine || (outer.endLine === inner.endLine && outer.endColumn >= inner.endColumn);
  return starts && ends;
}
