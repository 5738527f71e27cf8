import type { ChangedRange, Tree } from '@lezer/common';
import type { DefinitionName, ImportSource } from '../bind';
import type { RawFinding } from '../report';
import type { Finding } from '../results';
import { cellSource, inCell } from '../results';
import { drain, type LineIndex, type PythonParse, parsePython, parsePythonSteps } from '../syntax';
import type { StoredDefinition, StoredFinding } from './cache';
import { FileAnalysis, type FileCaches } from './fileAnalysis';
import { Memo, TextIds } from './textIds';

export interface SessionOptions {
  /**
   * Whether to reuse work across calls (default true): incremental reparsing, each parse's analysis, and
   * definitions' and statements' results keyed by text. False: every call parses and analyses from scratch.
   */
  cache?: boolean;
}

/** Lookups answered from a cache (`hits`) and computed (`misses`), and the entries it holds. */
export interface CacheStats {
  hits: number;
  misses: number;
  size: number;
}

/** Bounds of the caches; each is emptied when full (ids are never reused, so a clear only costs misses). */
const MAX_TEXT_IDS = 80000;
const MAX_DEFINITIONS = 4000;
const MAX_STATEMENTS = 20000;
const MAX_NAME_TEXTS = 20000;
const MAX_IMPORT_TEXTS = 4000;
/** Cache sets kept for files that import the workspace's modules, one per version of what they import. */
const MAX_IMPORT_VERSIONS = 4;

/** The workspace's modules a file imports, read ahead (`resolveImports`): `key` stands for their texts. */
export interface WorkspaceModules {
  source: ImportSource;
  key: string;
}

function createCaches(): FileCaches {
  return {
    ids: new TextIds(MAX_TEXT_IDS),
    definitions: new Memo<string, StoredDefinition>(MAX_DEFINITIONS),
    statements: new Memo<string, StoredFinding[]>(MAX_STATEMENTS),
    callees: new Memo<number, string[]>(MAX_NAME_TEXTS),
    reads: new Memo<number, string[]>(MAX_NAME_TEXTS),
    assigns: new Memo<number, Set<string>>(MAX_NAME_TEXTS),
    imports: new Memo<string, [string, string][]>(MAX_IMPORT_TEXTS),
    names: new WeakMap<Tree, DefinitionName>(),
  };
}

/**
 * The Python analysis with everything it remembers between calls: each parse's `FileAnalysis` (shared by
 * hovers and diagnostics on the same parse), and the results of definitions and top-level statements, keyed by
 * their text and what they read from the module, so that after an edit only what it touches is analysed again.
 * The extension holds one per extension context, the CLI one per run; `new AnalysisSession({ cache: false })`
 * computes everything afresh (the reference the caches are tested against). Results never depend on what a
 * session has seen before.
 */
export class AnalysisSession {
  readonly caching: boolean;
  private caches: FileCaches | null;
  /** Caches of files that import the workspace's modules, by `WorkspaceModules.key` (oldest first). */
  private importing = new Map<string, FileCaches>();
  private analyses = new WeakMap<PythonParse, { key: string | null; analysis: FileAnalysis }>();
  private disposed = false;

  constructor(options: SessionOptions = {}) {
    this.caching = options.cache ?? true;
    this.caches = this.caching ? createCaches() : null;
  }

  /**
   * Parses `text`; with `previous` and the `edits` that led from its text to `text`, reparses only the top-level
   * statements they touch (see `parsePython` in `parse.ts`). Without caching, always from scratch.
   */
  parsePython(text: string, previous?: PythonParse, edits?: readonly ChangedRange[]): PythonParse {
    return this.caches ? parsePython(text, previous, edits) : parsePython(text);
  }

  /** `parsePython` in steps (see `analyzeSteps`). */
  parseSteps(
    text: string,
    previous?: PythonParse,
    edits?: readonly ChangedRange[],
  ): Generator<void, PythonParse> {
    return this.caches ? parsePythonSteps(text, previous, edits) : parsePythonSteps(text);
  }

  /**
   * Findings for `text`. With `imports`, calls into the workspace's own modules it imports are followed; those
   * results depend on other files, so they are computed afresh rather than cached.
   */
  analyzePython(text: string, imports?: ImportSource): Finding[] {
    if (!imports) return this.analyzeParsed(this.parsePython(text));
    const analysis = new FileAnalysis(parsePython(text), null, imports);
    return toFindings(analysis.all(), analysis.lines);
  }

  /** Every finding of a parse (pass the previous parse to `parsePython` to reuse its tree after an edit). */
  analyzeParsed(parse: PythonParse): Finding[] {
    const analysis = this.fileAnalysis(parse);
    return toFindings(analysis.all(), analysis.lines);
  }

  /**
   * `analyzeParsed` in steps: yields after each definition and top-level statement (the first step also builds the
   * module's context), so that a caller can spread the work over time and stop when the result is no longer wanted.
   * With `from`, only the findings that start there or later (a notebook cell after its prelude); with `imports`,
   * calls into the workspace's modules the file imports are followed.
   */
  *analyzeSteps(parse: PythonParse, from = 0, imports?: WorkspaceModules): Generator<void, Finding[]> {
    const analysis = this.fileAnalysis(parse, imports);
    return toFindings(yield* analysis.steps(from), analysis.lines);
  }

  /**
   * Findings of a notebook cell run after the code cells `preceding` it (see `cellSource`), placed in the cell.
   */
  analyzeCell(cell: string, preceding: readonly string[]): Finding[] {
    const source = cellSource(preceding, cell);
    const parse = this.parsePython(source.text);
    return inCell(drain(this.analyzeSteps(parse, source.start)), source);
  }

  /**
   * The findings whose range contains `offset` (end inclusive) — exactly those of `analyzeParsed` there —
   * analysing only the top-level statement at `offset` (and what it depends on). This is what a hover needs.
   */
  analyzeAt(parse: PythonParse, offset: number, imports?: WorkspaceModules): Finding[] {
    const analysis = this.fileAnalysis(parse, imports);
    return toFindings(analysis.at(offset), analysis.lines);
  }

  /** How often the definition and statement caches answered; zeros without caching. */
  stats(): { definitions: CacheStats; statements: CacheStats } {
    const of = (m: Memo<unknown, unknown> | undefined): CacheStats => ({
      hits: m?.hits ?? 0,
      misses: m?.misses ?? 0,
      size: m?.size ?? 0,
    });
    return { definitions: of(this.caches?.definitions), statements: of(this.caches?.statements) };
  }

  /** Forgets everything remembered so far (results stay the same; the next calls are slower). */
  clear(): void {
    this.caches = this.caching && !this.disposed ? createCaches() : null;
    this.importing = new Map();
    this.analyses = new WeakMap();
  }

  /** Releases the caches; later calls still work, computing everything afresh. */
  dispose(): void {
    this.disposed = true;
    this.clear();
  }

  /**
   * The analysis of `parse`, shared by every caller that holds the same parse (hovers, diagnostics) with the same
   * imports. Results that follow imports depend on other files, so they are cached apart, by what they import.
   */
  private fileAnalysis(parse: PythonParse, imports?: WorkspaceModules): FileAnalysis {
    if (!this.caches) return new FileAnalysis(parse, null, imports?.source);
    const key = imports?.key ?? null;
    const known = this.analyses.get(parse);
    if (known?.key === key) return known.analysis;
    const caches = imports ? this.importCaches(imports.key) : this.caches;
    const analysis = new FileAnalysis(parse, caches, imports?.source);
    this.analyses.set(parse, { key, analysis });
    return analysis;
  }

  /** The caches of files whose imports read as `key`; the least recently used set goes when there are too many. */
  private importCaches(key: string): FileCaches {
    let caches = this.importing.get(key);
    if (caches) this.importing.delete(key);
    else caches = createCaches();
    this.importing.set(key, caches);
    for (const old of this.importing.keys()) {
      if (this.importing.size <= MAX_IMPORT_VERSIONS) break;
      this.importing.delete(old);
    }
    return caches;
  }
}

/** Fields of a `RawFinding` that are offsets or the analysis's own, not copied as they are into a `Finding`. */
const INTERNAL = new Set(['from', 'to', 'fix', 'definedAt', 'wrapped', 'delegates']);

function toFindings(raw: RawFinding[], lines: LineIndex): Finding[] {
  return raw.sort((a, b) => a.from - b.from || a.to - b.to).map((f) => toFinding(f, lines));
}

/**
 * `f` with line/column positions: its range first, then its other fields in their order, `details` with the
 * position of `definedAt`, and `fix` last. Built field by field: spreading a finding after the range into one
 * object literal takes V8's slow path, several microseconds a finding, most of a full-file pass on a cache hit.
 */
function toFinding(f: RawFinding, lines: LineIndex): Finding {
  const { line, column, endLine, endColumn } = lines.range(f.from, f.to);
  const out: Record<string, unknown> = { line, column, endLine, endColumn };
  for (const key in f) if (!INTERNAL.has(key) && Object.hasOwn(f, key)) out[key] = f[key as keyof RawFinding];
  if (f.definedAt !== undefined) out.details = { ...f.details, definedAt: lines.position(f.definedAt) };
  if (f.wrapped)
    out.details = {
      ...(out.details as object),
      wraps: f.wrapped.map((w) => ({ criterion: w.criterion, ...lines.position(w.at) })),
    };
  const { fix } = f;
  if (fix)
    out.fix = {
      title: fix.title,
      edits: fix.edits.map((e) => ({ range: lines.range(e.from, e.to), newText: e.newText })),
    };
  return out as unknown as Finding;
}
