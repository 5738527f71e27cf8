/** Parsing and analysis, loaded on first use by `AnalysisCache` (they are most of the bundle's start-up cost). */
import type { ChangedRange } from '@lezer/common';
import {
  analyzeParsed,
  type Finding,
  analyzeAt as findingsAround,
  type PythonParse,
  parsePython,
} from '../core/analysis';

/** Parses `text`, reusing `previous`'s tree when `edits` (applied one by one) lead from its text to `text`. */
export function reparse(
  text: string,
  previous?: { parse: PythonParse; edits: readonly ChangedRange[] },
): PythonParse {
  return previous ? parsePython(text, previous.parse, previous.edits) : parsePython(text);
}

/** Every finding of the file (diagnostics, code actions). */
export function analyze(parse: PythonParse): Finding[] {
  return analyzeParsed(parse);
}

/** The findings whose range contains `offset`: what a hover needs, without analysing the rest of the file. */
export function analyzeAt(parse: PythonParse, offset: number): Finding[] {
  return findingsAround(parse, offset);
}
