/** Parsing and analysis, loaded on first use through `engine.ts` (they are most of the extension's code). */
import type { ChangedRange } from '@lezer/common';
import {
  AnalysisSession,
  type Finding,
  type ModuleFiles,
  type PythonParse,
  type ResolvedImports,
  resolveImports,
  type WorkspaceModules,
} from '../core/analysis';

/** The arguments of the loss call a finding covers, read with the same parser (Send to Playground). */
export { lossCallValues } from '../core/debugBatch';

/**
 * The extension's analysis engine: one `AnalysisSession` (its caches) for the extension context, shared by every
 * document, disposed with the context.
 */
export class IncrementalAnalysis {
  constructor(readonly session: AnalysisSession = new AnalysisSession()) {}

  /** Parses `text`, reusing `previous`'s tree when `edits` (applied one by one) lead from its text to `text`. */
  reparse(text: string, previous?: { parse: PythonParse; edits: readonly ChangedRange[] }): PythonParse {
    return previous
      ? this.session.parsePython(text, previous.parse, previous.edits)
      : this.session.parsePython(text);
  }

  /** `reparse` in steps, for a caller that spreads it over time. */
  reparseSteps(
    text: string,
    previous?: { parse: PythonParse; edits: readonly ChangedRange[] },
  ): Generator<void, PythonParse> {
    return this.session.parseSteps(text, previous?.parse, previous?.edits);
  }

  /**
   * `analyze` in steps, one definition or top-level statement each, for a caller that spreads it over time; with
   * `from`, only the findings from there on (a notebook cell after the cells before it).
   */
  analyzeSteps(parse: PythonParse, from = 0, imports?: WorkspaceModules): Generator<void, Finding[]> {
    return this.session.analyzeSteps(parse, from, imports);
  }

  /** The workspace modules the parsed file (at URI `file`) imports (not torch or NumPy), read ahead through `files`. */
  resolveImports(file: string, parse: PythonParse, files: ModuleFiles): Promise<ResolvedImports> {
    return resolveImports(file, parse.text, files, true, parse);
  }

  /** Every finding of the file (diagnostics, code actions). */
  analyze(parse: PythonParse): Finding[] {
    return this.session.analyzeParsed(parse);
  }

  /** The findings whose range contains `offset`: what a hover needs, without analysing the rest of the file. */
  analyzeAt(parse: PythonParse, offset: number, imports?: WorkspaceModules): Finding[] {
    return this.session.analyzeAt(parse, offset, imports);
  }

  /** Releases the session's caches (later calls still work, uncached). */
  dispose(): void {
    this.session.dispose();
  }
}
