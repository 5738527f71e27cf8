import type { ChangedRange } from '@lezer/common';
import * as vscode from 'vscode';
import type { Finding, PythonParse, ResolvedImports } from '../core/analysis';
import { type CellSource, cellSource, editBetween, inCell } from '../core/analysis/results';
import { runInSlices, tooLargeToAnalyse } from './analysisBudget';
import { type Engine, loadEngine } from './engine';
import { fileOf, precedingCode } from './notebookCells';
import { WorkspaceFiles } from './workspaceFiles';

interface Entry {
  version: number;
  /** What is analysed: the document's text, after the code of the cells before it for a notebook cell. */
  source: CellSource;
  parse: PythonParse;
  /**
   * Every finding, analysed in slices on first use (diagnostics, code actions); null when the document changed
   * before it finished. Hovers only analyse what is under the cursor.
   */
  findings: Promise<readonly Finding[] | null> | null;
  /** `findings` once it has resolved. */
  settled: readonly Finding[] | null;
  /** Edits since `version`, one range each, in the order they apply; `editedVersion` is where they lead. */
  edits: ChangedRange[];
  editedVersion: number;
  /** The workspace modules it imports relatively, read on first use; null when it imports none found. */
  imports: Promise<ResolvedImports | null> | null;
  /** The files `imports` tried to read, with the version each was read at: a change of one renews the analysis. */
  versions: ReadonlyMap<string, string>;
}

/**
 * Only a file importing something else than torch or NumPy (`from .utils import …`, `from utils import …`) may
 * have workspace modules to read.
 */
const WORKSPACE_IMPORT = /^[ \t]*(from|import)[ \t]+(?!(torch|numpy)\b)[\w.]/m;

/** VS Code lists an event's changes against the old text, last first; applied one by one they stay valid. */
function toChangedRanges(changes: readonly vscode.TextDocumentContentChangeEvent[]): ChangedRange[] {
  return [...changes]
    .sort((a, b) => b.rangeOffset - a.rangeOffset)
    .map((c) => ({
      fromA: c.rangeOffset,
      toA: c.rangeOffset + c.rangeLength,
      fromB: c.rangeOffset,
      toB: c.rangeOffset + c.text.length,
    }));
}

/** What a document's analysis reads: its text, after the code of the cells before it for a notebook cell. */
function sourceOf(document: vscode.TextDocument, preceding: string[] | null): CellSource {
  const text = document.getText();
  return preceding ? cellSource(preceding, text) : { text, start: 0, firstLine: 1 };
}

/**
 * One analysis per document version, shared by every feature. A notebook cell is analysed after the code of the
 * cells before it, so its entry is also renewed when they change. The parse tree is kept and reused after edits
 * (incremental reparsing), so an edit in a big file reparses only around the change. Parses and full analyses run
 * in slices (`analysisBudget.ts`), so the extension host is never held for long; documents
 * above `MAX_ANALYSED_LINES` are not analysed. One `AnalysisSession` (in the lazily loaded engine) holds what the
 * analysis remembers across versions and documents; it is released with this cache, i.e. with the extension
 * context.
 */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  /** Entries whose imports are being read right now. */
  private readonly reading = new Set<Entry>();
  /** Parses under way, in slices, by document. */
  private readonly parsing = new Map<
    string,
    { version: number; text: string; done: Promise<Entry | null> }
  >();
  private readonly listeners: vscode.Disposable[];
  private engineInstance: InstanceType<Engine['IncrementalAnalysis']> | undefined;
  private readonly files = new WorkspaceFiles();
  private readonly invalidated = new vscode.EventEmitter<vscode.TextDocument>();
  /** A document whose findings changed without an edit of its own (a module it imports changed). */
  readonly onDidInvalidate = this.invalidated.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.listeners = [
      this.files,
      this.invalidated,
      this.files.onDidChange((uri) => this.importChanged(uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.entries.delete(d.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((e) => this.recordEdits(e)),
    ];
  }

  /** Whether the document is too long to analyse (see `MAX_ANALYSED_LINES`): it gets no findings. */
  tooLarge(document: vscode.TextDocument): boolean {
    return tooLargeToAnalyse(document.lineCount);
  }

  /**
   * Every finding of the document's current version, parsed and analysed in slices; none for a document that is
   * too large; null when the document changed before the analysis finished (a newer request is then due).
   */
  async findings(document: vscode.TextDocument): Promise<readonly Finding[] | null> {
    if (this.tooLarge(document)) return [];
    const entry = await this.parsed(document);
    if (!entry) return null;
    await this.renewIfStale(document, entry);
    entry.findings ??= this.analyseInSlices(document, entry);
    return entry.findings;
  }

  /**
   * The findings whose range contains `position` (end inclusive), analysing only the top-level statement there
   * (after parsing in slices); none when the document is too large, null when it changed meanwhile.
   */
  async findingsAt(
    document: vscode.TextDocument,
    position: vscode.Position,
  ): Promise<readonly Finding[] | null> {
    if (this.tooLarge(document)) return [];
    const entry = await this.parsed(document);
    if (!entry || document.version !== entry.version) return null;
    await this.renewIfStale(document, entry);
    if (entry.settled) return entry.settled;
    const imports = await this.importsOf(document, entry);
    if (document.version !== entry.version) return null;
    const offset = entry.source.start + document.offsetAt(position);
    return this.guarded(document, () =>
      inCell(this.engine.analyzeAt(entry.parse, offset, imports ?? undefined), entry.source),
    );
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.entries.clear();
    this.parsing.clear();
    this.engineInstance?.dispose();
  }

  /** The engine and its session, made on first use (after `dispose` it still answers, without caches). */
  private get engine(): InstanceType<Engine['IncrementalAnalysis']> {
    this.engineInstance ??= new (loadEngine().IncrementalAnalysis)();
    return this.engineInstance;
  }

  private recordEdits(event: vscode.TextDocumentChangeEvent): void {
    const entry = this.entries.get(event.document.uri.toString());
    if (!entry || event.contentChanges.length === 0) return;
    entry.edits.push(...toChangedRanges(event.contentChanges));
    entry.editedVersion = event.document.version;
  }

  /**
   * The entry of the document's current version, parsed in slices on first use: incrementally (around the edits)
   * when the edits recorded since the last parse lead to it (for a notebook cell, the change of its cell and the
   * cells before), else whole. Null when the document changed first.
   */
  private parsed(document: vscode.TextDocument): Promise<Entry | null> {
    const key = document.uri.toString();
    const { version } = document;
    const cached = this.entries.get(key);
    const preceding = precedingCode(document);
    // A file's version says all; a cell's text also depends on the cells before it.
    if (!preceding && cached?.version === version) return Promise.resolve(cached);
    const source = sourceOf(document, preceding);
    if (cached?.version === version && cached.source.text === source.text) return Promise.resolve(cached);
    const under = this.parsing.get(key);
    if (under?.version === version && under.text === source.text) return under.done;
    const steps = this.engine.reparseSteps(source.text, cached && this.previous(cached, source, version));
    const done = runInSlices(steps, () => document.isClosed || document.version !== version).then(
      (parse) => parse && this.store(document, source, parse),
      (error: unknown) => {
        this.log.error(`parsing failed for ${document.uri.toString(true)}`, error);
        return null;
      },
    );
    const pending = { version, text: source.text, done };
    this.parsing.set(key, pending);
    void done.finally(() => {
      if (this.parsing.get(key) === pending) this.parsing.delete(key);
    });
    return done;
  }

  /** The parse to reuse for `source`, with the edits that lead from its text there; undefined: parse whole. */
  private previous(cached: Entry, source: CellSource, version: number) {
    // A notebook cell's text also changes with the cells before it: one edit from the old text to the new.
    if (cached.source.start > 0 || source.start > 0)
      return { parse: cached.parse, edits: editBetween(cached.parse.text, source.text) };
    // A copy: edits arriving while the slices run are recorded on `cached` (and make this parse stale).
    return cached.editedVersion === version ? { parse: cached.parse, edits: [...cached.edits] } : undefined;
  }

  private store(document: vscode.TextDocument, source: CellSource, parse: PythonParse): Entry {
    const { version } = document;
    const entry: Entry = {
      version,
      source,
      parse,
      findings: null,
      settled: null,
      edits: [],
      editedVersion: version,
      imports: null,
      versions: new Map(),
    };
    this.entries.set(document.uri.toString(), entry);
    return entry;
  }

  private async analyseInSlices(
    document: vscode.TextDocument,
    entry: Entry,
  ): Promise<readonly Finding[] | null> {
    const importing = this.importsOf(document, entry);
    const stale = () =>
      document.isClosed || document.version !== entry.version || entry.imports !== importing;
    try {
      const imports = (await importing) ?? undefined;
      const steps = this.engine.analyzeSteps(entry.parse, entry.source.start, imports);
      const found = await runInSlices(steps, stale);
      entry.settled = found && inCell(found, entry.source);
      return entry.settled;
    } catch (error) {
      this.log.error(`analysis failed for ${document.uri.toString(true)}`, error);
      entry.settled = [];
      return entry.settled;
    }
  }

  /** The workspace modules the entry's file imports, read once per entry (until one of them changes). */
  private importsOf(document: vscode.TextDocument, entry: Entry): Promise<ResolvedImports | null> {
    if (entry.imports) return entry.imports;
    if (!WORKSPACE_IMPORT.test(entry.source.text)) {
      entry.imports = Promise.resolve(null);
      return entry.imports;
    }
    this.reading.add(entry);
    const files = this.files.recording();
    const reading: Promise<ResolvedImports | null> = this.engine
      .resolveImports(fileOf(document).toString(), entry.parse, files)
      .then(
        (resolved) => {
          if (entry.imports === reading) entry.versions = files.versions;
          return resolved.files.size > 0 ? resolved : null;
        },
        (error: unknown) => {
          this.log.error(`reading the imports of ${document.uri.toString(true)} failed`, error);
          return null;
        },
      )
      .finally(() => {
        // A newer read, started after a change reset the entry, is still under way.
        if (entry.imports === reading || entry.imports === null) this.reading.delete(entry);
      });
    entry.imports = reading;
    return reading;
  }

  /**
   * A module some documents import may read differently: their findings are due again. So are those still reading
   * their imports, which may have read the module before it changed.
   */
  private importChanged(uri: string): void {
    for (const [key, entry] of this.entries) {
      if (!this.reading.has(entry) && !entry.versions.has(uri)) continue;
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      this.renew(entry, document);
    }
  }

  /**
   * Renews the entry when a module it read reads differently now (checked on the file system: the file watcher's
   * event may come late, or not at all).
   */
  private async renewIfStale(document: vscode.TextDocument, entry: Entry): Promise<void> {
    const { imports } = entry;
    if (!imports || this.reading.has(entry)) return;
    await imports;
    if (entry.versions.size === 0 || !(await this.files.changedSince(entry.versions))) return;
    if (entry.imports === imports) this.renew(entry, document);
  }

  /** The entry's imports are read again and its findings analysed again; features showing them are told. */
  private renew(entry: Entry, document: vscode.TextDocument | undefined): void {
    Object.assign(entry, { imports: null, versions: new Map(), findings: null, settled: null });
    if (document) this.invalidated.fire(document);
  }

  private guarded(document: vscode.TextDocument, analyze: () => Finding[]): Finding[] {
    try {
      return analyze();
    } catch (error) {
      this.log.error(`analysis failed for ${document.uri.toString(true)}`, error);
      return [];
    }
  }
}
