/** What an explanation reads from the file around a finding: its class-count constant, a function's parameters. */
import type { Finding } from '../analysis/results';

/** A module-level class count: `NUM_CLASSES = 10`, `n_classes = 10`, `num_class = 10`… */
const CLASS_CONSTANT = /^((?:num|n|nb|number_of)_?class(?:es)?)\s*(?::\s*int\s*)?=\s*(\d+)\s*(?:#.*)?$/im;

export interface FileClasses {
  readonly name: string;
  readonly value: number;
}

export function fileClasses(source: string): FileClasses | undefined {
  const m = CLASS_CONSTANT.exec(source);
  const value = m ? Number(m[2]) : Number.NaN;
  return m && value >= 2 ? { name: m[1]!, value } : undefined;
}

/** The 1-based `line` of `source` without splitting the whole text (hovers run on every mouse rest). */
function lineOf(source: string, line: number): string {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf('\n', start);
    if (next < 0) return '';
    start = next + 1;
  }
  const end = source.indexOf('\n', start);
  return source.slice(start, end < 0 ? undefined : end);
}

/** The parameters of the plain function (`def`, not a class) the finding starts at; undefined for anything else. */
export function functionParameters(finding: Finding, source: string): string[] | undefined {
  const line = lineOf(source, finding.line).slice(finding.column - 1);
  const m = line && /^(?:async\s+)?def\s+\w+\s*\(([^)]*)\)/.exec(line);
  if (!m) return undefined;
  return m[1]!
    .split(',')
    .map((p) => p.trim().split(/[:=]/)[0]!.trim())
    .filter((p) => /^\w+$/.test(p));
}
