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
  findings: readonly Finding[];
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
 * (Lezer incremental parsing), so an edit in a big file reparses only around the change.
 */
export class AnalysisCache implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners: vscode.Disposable[];

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.listeners = [
      vscode.workspace.onDidCloseTextDocument((d) => this.entries.delete(d.uri.toString())),
      vscode.workspace.onDidChangeTextDocument((e) => this.recordEdits(e)),
    ];
  }

  findings(document: vscode.TextDocument): readonly Finding[] {
    const key = document.uri.toString();
    const cached = this.entries.get(key);
    if (cached?.version === document.version) return cached.findings;
    const entry = this.analyze(document, cached);
    this.entries.set(key, entry);
    return entry.findings;
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.entries.clear();
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
    return loadEngine().reparse(document.getText(), incremental);
  }

  private analyze(document: vscode.TextDocument, previous: Entry | undefined): Entry {
    const parse = this.reparse(document, previous);
    const version = document.version;
    try {
      return {
        version,
        parse,
        findings: loadEngine().analyze(parse),
        edits: [],
        editedVersion: version,
      };
    } catch (error) {
      this.log.error(`analysis failed for ${document.uri.toString(true)}`, error);
      return { version, parse, findings: [], edits: [], editedVersion: version };
    }
  }
}
