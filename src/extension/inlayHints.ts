/** Opt-in inlay hints: the effective smoothed target after each recognised loss (`lossLens.inlayHints.targets`). */
import * as vscode from 'vscode';
import { fileClasses, targetHint } from '../core/explain/targetHint';
import type { Ctx } from './ctx';
import { PYTHON } from './documents';

/** After a one-line finding (a call), else at the end of its first line (a definition's header). */
function hintPosition(document: vscode.TextDocument, line: number, endLine: number, endColumn: number) {
  return line === endLine
    ? new vscode.Position(endLine - 1, endColumn - 1)
    : document.lineAt(line - 1).range.end;
}

async function provideInlayHints(
  ctx: Ctx,
  document: vscode.TextDocument,
  range: vscode.Range,
): Promise<vscode.InlayHint[]> {
  if (!ctx.config.targetInlayHints) return [];
  const findings = await ctx.analysis.findings(document);
  if (!findings) return [];
  const classes = fileClasses(findings);
  const hints: vscode.InlayHint[] = [];
  for (const f of findings) {
    const label = targetHint(f, classes);
    const position = hintPosition(document, f.line, f.endLine, f.endColumn);
    if (!label || !range.contains(position)) continue;
    const hint = new vscode.InlayHint(position, label);
    hint.paddingLeft = true;
    hint.tooltip = 'Loss Lens: the smoothed target this loss trains on (lossLens.inlayHints.targets)';
    hints.push(hint);
  }
  return hints;
}

export function registerInlayHints(ctx: Ctx): void {
  const changed = new vscode.EventEmitter<void>();
  ctx.subscriptions.push(
    changed,
    ctx.config.onDidChange(() => changed.fire()),
    vscode.languages.registerInlayHintsProvider(PYTHON, {
      onDidChangeInlayHints: changed.event,
      provideInlayHints: (document, range) => provideInlayHints(ctx, document, range),
    }),
  );
}
