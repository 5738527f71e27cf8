/**
 * What an applied fix leaves unused: the `probs = F.softmax(...)` line once the logits go in directly, the
 * `Variable` import once its last call is unwrapped. Extra edits remove them.
 */
import {
  DEPRECATED_VARIABLE,
  type Finding,
  type Fix,
  SOFTMAX_INTO_CROSS_ENTROPY,
  type TextEdit,
} from '../analysis/results';
import { balanced, identifierPattern, type LineIndex, type Span } from './text';

const count = (text: string, name: string): number => text.match(identifierPattern(name))?.length ?? 0;

/** A one-line `name = …softmax(…)` before `before`, when `name` is read nowhere but at the fixed input. */
function unusedSoftmaxLine(finding: Finding, fix: Fix, lines: LineIndex): Span | undefined {
  const [edit] = fix.edits;
  if (!edit) return undefined;
  const input = lines.span(edit.range);
  const name = lines.text.slice(input.from, input.to);
  if (!/^[A-Za-z_]\w*$/.test(name) || count(lines.text, name) !== 2) return undefined;
  const assignment = new RegExp(`^\\s*${name}\\s*=\\s*(.*softmax\\(.*)$`);
  return lines
    .lines()
    .filter((l) => l.to <= lines.span(finding).from)
    .find((l) => {
      const m = assignment.exec(lines.text.slice(l.from, l.to).replace(/\r?\n$/, ''));
      return m !== null && balanced(m[1]!);
    });
}

/** `from torch.autograd import Variable`: the whole line, or `Variable` out of a longer list. */
function unusedVariableImport(fix: Fix, lines: LineIndex): TextEdit | undefined {
  const [edit] = fix.edits;
  if (!edit) return undefined;
  const call = lines.span(edit.range);
  if (!/^Variable\s*\(/.test(lines.text.slice(call.from, call.to))) return undefined;
  const imports = /^(\s*from\s+torch\.autograd(?:\.variable)?\s+import\s+)([\w\s,]+?)\s*$/;
  for (const l of lines.lines()) {
    const m = imports.exec(lines.text.slice(l.from, l.to).replace(/\r?\n$/, ''));
    if (!m) continue;
    const names = m[2]!.split(',').map((n) => n.trim());
    if (!names.includes('Variable') || count(lines.text, 'Variable') !== 2) return undefined;
    const rest = names.filter((n) => n !== 'Variable');
    const end = lines.text.slice(l.from, l.to).replace(/\r?\n$/, '').length + l.from;
    return rest.length === 0
      ? { range: lines.range(l), newText: '' }
      : { range: lines.range({ from: l.from + m[1]!.length, to: end }), newText: rest.join(', ') };
  }
  return undefined;
}

export function debrisEdits(finding: Finding, fix: Fix, lines: LineIndex): TextEdit[] {
  if (finding.rule === SOFTMAX_INTO_CROSS_ENTROPY) {
    const line = unusedSoftmaxLine(finding, fix, lines);
    return line ? [{ range: lines.range(line), newText: '' }] : [];
  }
  if (finding.rule === DEPRECATED_VARIABLE) {
    const edit = unusedVariableImport(fix, lines);
    return edit ? [edit] : [];
  }
  return [];
}
