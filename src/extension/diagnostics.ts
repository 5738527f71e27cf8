import * as vscode from 'vscode';
import type { Finding } from '../core/analysis';
import { type PitfallRule, ruleOf, type Severity } from '../core/analysis/results';
import type { Ctx } from './ctx';
import { isPython } from './documents';
import { codeCells, laterCells } from './notebookCells';
import { toRange } from './ranges';

export const DIAGNOSTIC_SOURCE = 'Loss Lens';
/** Typing pauses shorter than this do not re-run the analysis. */
const DEBOUNCE_MS = 200;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** Pitfall findings as diagnostics, with their rule's severity; loss findings give none. */
function toDiagnostics(finding: Finding): vscode.Diagnostic[] {
  const rule = ruleOf(finding);
  return rule ? [toDiagnostic(finding, rule)] : [];
}

function toDiagnostic(finding: Finding, rule: PitfallRule): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding), finding.message, SEVERITY[rule.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = rule.id;
  if (rule.category === 'deprecated') diagnostic.tags = [vscode.DiagnosticTag.Deprecated];
  return diagnostic;
}

/** Pitfall diagnostics for open Python documents and notebook cells, debounced while typing. */
class PitfallDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('lossLens');
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly ctx: Ctx) {}

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) void this.refresh(document);
  }

  /** Used at activation, so analysing already open documents never delays it. */
  scheduleAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  /** Analyses in slices; a result that the document outdated meanwhile is dropped (its change schedules another). */
  async refresh(document: vscode.TextDocument): Promise<void> {
    if (!isPython(document) || document.isClosed) return;
    if (!this.ctx.config.diagnosticsEnabled) {
      this.collection.delete(document.uri);
      return;
    }
    const { version } = document;
    const findings = await this.ctx.analysis.findings(document);
    if (!findings || document.isClosed || document.version !== version || !this.ctx.config.diagnosticsEnabled)
      return;
    this.collection.set(document.uri, findings.flatMap(toDiagnostics));
  }

  schedule(document: vscode.TextDocument): void {
    if (!isPython(document)) return;
    this.cancel(document.uri);
    this.pending.set(
      document.uri.toString(),
      setTimeout(() => {
        this.pending.delete(document.uri.toString());
        void this.refresh(document);
      }, DEBOUNCE_MS),
    );
  }

  clear(document: vscode.TextDocument): void {
    this.cancel(document.uri);
    this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.collection.dispose();
  }

  private cancel(uri: vscode.Uri): void {
    clearTimeout(this.pending.get(uri.toString()));
    this.pending.delete(uri.toString());
  }
}

export function registerDiagnostics(ctx: Ctx): void {
  const diagnostics = new PitfallDiagnostics(ctx);
  ctx.subscriptions.push(
    diagnostics,
    vscode.workspace.onDidOpenTextDocument((d) => void diagnostics.refresh(d)),
    // A notebook cell is analysed after the cells before it: an edit of one changes the findings of those after.
    vscode.workspace.onDidChangeTextDocument((e) => {
      for (const d of [e.document, ...laterCells(e.document)]) diagnostics.schedule(d);
    }),
    vscode.workspace.onDidChangeNotebookDocument((e) => {
      if (e.contentChanges.length > 0) for (const d of codeCells(e.notebook)) diagnostics.schedule(d);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => diagnostics.clear(d)),
    ctx.analysis.onDidInvalidate((d) => diagnostics.schedule(d)),
    ctx.config.onDidChange(() => diagnostics.refreshAll()),
  );
  diagnostics.scheduleAll();
}
