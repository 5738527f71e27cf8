import type { ChangedRange } from '@lezer/common';
import * as vscode from 'vscode';
import type { Finding, PythonParse } from '../core/analysis';

type Engine = typeof import('./incrementalAnalysis');
let engine: Engine | undefined;

/** esbuild turns this `require` into a lazy initialiser: activation does not pay for the parser. */
function loadEngine(): Engine {
  engine ??= require('./incrementalAnalysis') as Engine;
  return engine;
}

interface Entry {
  version: number;
  parse: PythonParse;
  /** Every finding, computed on first use (diagnostics); hovers only analyse what is under the cursor. */
  findings: readonly Finding[] | null;
  /** Edits since `version`, one range each, in the order they apply; `editedVersion` is where they lead. */
  edits: ChangedRange[];
  editedVersion: number;
}

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

/**
 * One analysis per document version, shared by every feature. The parse tree is kept and reused after edits
 * (incremental reparsing), so an edit in a big file reparses only around the change. One `AnalysisSession` (in
 * the lazily loaded engine) holds what the analysis remembers across versions and documents; it is released
 * with this cache, i.e. with the extension context.
 */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners: vscode.Disposable[];
  private engineInstance: InstanceType<Engine['IncrementalAnalysis']> | undefined;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.listeners = [
      vscode.workspace.onDidCloseTextDocument((d) => this.entries.delete(d.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((e) => this.recordEdits(e)),
    ];
  }

  findings(document: vscode.TextDocument): readonly Finding[] {
    const entry = this.current(document);
    entry.findings ??= this.guarded(document, () => this.engine.analyze(entry.parse));
    return entry.findings;
  }

  /** The findings whose range contains `position` (end inclusive), analysing only the code around it. */
  findingsAt(document: vscode.TextDocument, position: vscode.Position): readonly Finding[] {
    const entry = this.current(document);
    if (entry.findings) return entry.findings;
    const offset = document.offsetAt(position);
    return this.guarded(document, () => this.engine.analyzeAt(entry.parse, offset));
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.entries.clear();
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

  /** Reuses the previous tree when the recorded edits lead exactly to this version. */
  private reparse(document: vscode.TextDocument, previous: Entry | undefined): PythonParse {
    const incremental = previous?.editedVersion === document.version ? previous : undefined;
    return this.engine.reparse(document.getText(), incremental);
  }

  /** The entry of the document's current version, reparsed (incrementally when possible) on first use. */
  private current(document: vscode.TextDocument): Entry {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached?.version === document.version) return cached;
    const version = document.version;
    const entry = {
      version,
      parse: this.reparse(document, cached),
      findings: null,
      edits: [],
      editedVersion: version,
    };
    this.entries.set(key, entry);
    return entry;
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
