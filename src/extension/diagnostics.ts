import * as vscode from 'vscode';
import type { Finding } from '../core/analysis';
import {
  DEPRECATED_SIZE_AVERAGE_REDUCE,
  DEPRECATED_VARIABLE,
  K_MINUS_1_DOCUMENTED_AS_UNIFORM,
  LABEL_SMOOTHING_OUT_OF_RANGE,
  type RuleId,
} from '../core/analysis/rules';
import type { Ctx } from './ctx';
import { isPython } from './documents';
import { toRange } from './ranges';

export const DIAGNOSTIC_SOURCE = 'Loss Lens';
/** Typing pauses shorter than this do not re-run the analysis. */
const DEBOUNCE_MS = 200;

/** Rules not listed are warnings: the code runs but computes something else than it seems to. */
const SEVERITY: Partial<Record<RuleId, vscode.DiagnosticSeverity>> = {
  [LABEL_SMOOTHING_OUT_OF_RANGE]: vscode.DiagnosticSeverity.Error,
  [DEPRECATED_SIZE_AVERAGE_REDUCE]: vscode.DiagnosticSeverity.Information,
  [DEPRECATED_VARIABLE]: vscode.DiagnosticSeverity.Information,
  [K_MINUS_1_DOCUMENTED_AS_UNIFORM]: vscode.DiagnosticSeverity.Information,
};
const DEPRECATED: readonly (string | null)[] = [DEPRECATED_SIZE_AVERAGE_REDUCE, DEPRECATED_VARIABLE];

function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const severity = SEVERITY[finding.rule as RuleId] ?? vscode.DiagnosticSeverity.Warning;
  const diagnostic = new vscode.Diagnostic(toRange(finding), finding.message, severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  if (finding.rule) diagnostic.code = finding.rule;
  if (DEPRECATED.includes(finding.rule)) diagnostic.tags = [vscode.DiagnosticTag.Deprecated];
  return diagnostic;
}

/** Pitfall diagnostics for open Python documents and notebook cells, debounced while typing. */
class PitfallDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('lossLens');
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly ctx: Ctx) {}

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) this.refresh(document);
  }

  /** Used at activation, so analysing already open documents never delays it. */
  scheduleAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
  }

  refresh(document: vscode.TextDocument): void {
    if (!isPython(document) || document.isClosed) return;
    if (!this.ctx.config.diagnosticsEnabled) {
      this.collection.delete(document.uri);
      return;
    }
    const pitfalls = this.ctx.analysis.findings(document).filter((f) => f.kind === 'pitfall');
    this.collection.set(document.uri, pitfalls.map(toDiagnostic));
  }

  schedule(document: vscode.TextDocument): void {
    if (!isPython(document)) return;
    this.cancel(document.uri);
    this.pending.set(
      document.uri.toString(),
      setTimeout(() => {
        this.pending.delete(document.uri.toString());
        this.refresh(document);
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
    vscode.workspace.onDidOpenTextDocument((d) => diagnostics.refresh(d)),
    vscode.workspace.onDidChangeTextDocument((e) => diagnostics.schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument((d) => diagnostics.clear(d)),
    ctx.config.onDidChange(() => diagnostics.refreshAll()),
  );
  diagnostics.scheduleAll();
}
