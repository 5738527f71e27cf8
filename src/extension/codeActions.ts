import * as vscode from 'vscode';
import type { Finding, Fix } from '../core/analysis';
import { quickFixes } from '../core/fixes';
import type { Ctx } from './ctx';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { PYTHON } from './documents';
import { toRange } from './ranges';

/** The finding a diagnostic was made from: same rule, same range, in the current analysis. */
function findingFor(findings: readonly Finding[], diagnostic: vscode.Diagnostic): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  return findings.find((f) => f.rule === diagnostic.code && toRange(f).isEqual(diagnostic.range));
}

function quickFix(
  document: vscode.TextDocument,
  fix: Fix,
  diagnostic: vscode.Diagnostic,
  preferred: boolean,
): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = new vscode.WorkspaceEdit();
  for (const edit of fix.edits) action.edit.replace(document.uri, toRange(edit.range), edit.newText);
  action.diagnostics = [diagnostic];
  action.isPreferred = preferred;
  return action;
}

async function provideCodeActions(
  ctx: Ctx,
  document: vscode.TextDocument,
  context: vscode.CodeActionContext,
): Promise<vscode.CodeAction[]> {
  if (context.diagnostics.length === 0) return [];
  const findings = (await ctx.analysis.findings(document)) ?? [];
  return context.diagnostics.flatMap((diagnostic) => {
    const finding = findingFor(findings, diagnostic);
    if (!finding) return [];
    const fixes = quickFixes(document.getText(), finding, findings);
    return fixes.map((fix, i) => quickFix(document, fix, diagnostic, i === 0));
  });
}

export function registerCodeActions(ctx: Ctx): void {
  ctx.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(
      PYTHON,
      { provideCodeActions: (document, _range, context) => provideCodeActions(ctx, document, context) },
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
  );
}
