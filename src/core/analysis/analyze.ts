import { fileAnalysis } from './fileAnalysis';
import type { Finding } from './findings';
import { type LineIndex, type PythonParse, parsePython } from './parse';
import type { RawFinding } from './raw';

export function analyzePython(text: string): Finding[] {
  return analyzeParsed(parsePython(text));
}

/** Findings for a parse (pass the previous parse to `parsePython` to reuse its tree after an edit). */
export function analyzeParsed(parse: PythonParse): Finding[] {
  const analysis = fileAnalysis(parse);
  return toFindings(analysis.all(), analysis.lines);
}

/**
 * The findings whose range contains `offset` (end inclusive) — exactly those of `analyzeParsed` there — analysing
 * only the top-level statement at `offset` (and what it depends on). This is what a hover needs after an edit.
 */
export function analyzeAt(parse: PythonParse, offset: number): Finding[] {
  const analysis = fileAnalysis(parse);
  return toFindings(analysis.at(offset), analysis.lines);
}

function toFindings(raw: RawFinding[], lines: LineIndex): Finding[] {
  return raw
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map(({ from, to, fix, definedAt, ...rest }) => ({
      ...lines.range(from, to),
      ...rest,
      ...(definedAt !== undefined
        ? { details: { ...rest.details, definedAt: lines.position(definedAt) } }
        : {}),
      ...(fix
        ? {
            fix: {
              title: fix.title,
              edits: fix.edits.map((e) => ({ range: lines.range(e.from, e.to), newText: e.newText })),
            },
          }
        : {}),
    }));
}
