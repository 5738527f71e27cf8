import type { Finding } from '../results';
import type { PythonParse } from '../syntax';
import { AnalysisSession } from './session';

/**
 * The session behind the module-level functions below (tests, scripts, benchmarks). The extension and the CLI
 * make their own; this is the one piece of state the analysis keeps at module level.
 */
export const defaultSession = new AnalysisSession();

export function analyzePython(text: string): Finding[] {
  return defaultSession.analyzePython(text);
}

/** Findings for a parse (pass the previous parse to `parsePython` to reuse its tree after an edit). */
export function analyzeParsed(parse: PythonParse): Finding[] {
  return defaultSession.analyzeParsed(parse);
}

/**
 * The findings whose range contains `offset` (end inclusive) — exactly those of `analyzeParsed` there — analysing
 * only the top-level statement at `offset` (and what it depends on). This is what a hover needs after an edit.
 */
export function analyzeAt(parse: PythonParse, offset: number): Finding[] {
  return defaultSession.analyzeAt(parse, offset);
}
