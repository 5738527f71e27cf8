import type { ChangedRange } from '@lezer/common';
import type { Finding } from './findings';

/**
 * A notebook cell as the analysis reads it. Jupyter runs cells top to bottom, so a cell sees what the code cells
 * before it import and define: the cell is analysed as their code (its prelude) followed by its own text, which
 * starts at `start`, on line `firstLine` (1-based) of `text`.
 */
export interface CellSource {
  text: string;
  start: number;
  firstLine: number;
}

/** IPython's line magics and shell escapes (`%matplotlib inline`, `!pip install …`): no Python to analyse. */
const MAGIC = /^[ \t]*[%!].*$/gm;

/** The analysed text of `cell` after the code cells `preceding` it (in notebook order). */
export function cellSource(preceding: readonly string[], cell: string): CellSource {
  const prelude = preceding.map((c) => (c.endsWith('\n') ? c : `${c}\n`).replace(MAGIC, '')).join('');
  let lines = 0;
  for (let i = prelude.indexOf('\n'); i >= 0; i = prelude.indexOf('\n', i + 1)) lines++;
  return { text: prelude + cell, start: prelude.length, firstLine: lines + 1 };
}

/**
 * Findings of `source.text` placed in the cell: lines counted from its first. The caller keeps only findings
 * inside the cell; a `definedAt` in an earlier cell gets a line of 0 or less.
 */
export function inCell(findings: readonly Finding[], source: CellSource): Finding[] {
  const shift = source.firstLine - 1;
  if (shift === 0) return [...findings];
  const range = <T extends { line: number; endLine: number }>(r: T): T => ({
    ...r,
    line: r.line - shift,
    endLine: r.endLine - shift,
  });
  return findings.map((f) => {
    const out: Finding = range(f);
    const definedAt = f.details?.definedAt;
    if (definedAt) out.details = { ...f.details, definedAt: { ...definedAt, line: definedAt.line - shift } };
    const wraps = f.details?.wraps;
    if (wraps) out.details = { ...out.details, wraps: wraps.map((w) => ({ ...w, line: w.line - shift })) };
    if (f.fix)
      out.fix = {
        ...f.fix,
        edits: f.fix.edits.map((e) => ({ ...e, range: range(e.range) })),
      };
    return out;
  });
}

/**
 * The single edit from `before` to `after` (what lies between their common prefix and suffix): how a cell's
 * analysed text changed when the edits are not known one by one (an edit of a cell before it).
 */
export function editBetween(before: string, after: string): ChangedRange[] {
  if (before === after) return [];
  const max = Math.min(before.length, after.length);
  let start = 0;
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < max - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  )
    end++;
  return [{ fromA: start, toA: before.length - end, fromB: start, toB: after.length - end }];
}
