/** Hover on a printed loss in a comment below a recognised loss call: what the code computes, and which ε prints it. */
import * as vscode from 'vscode';
import { checkPrinted } from '../core/explain/printedCheck';
import type { Ctx } from './ctx';
import { PYTHON } from './documents';
import { toRange } from './ranges';

function provideHover(
  ctx: Ctx,
  document: vscode.TextDocument,
  position: vscode.Position,
): vscode.Hover | undefined {
  const line = document.lineAt(position.line).text;
  if (!line.includes('#')) return undefined;
  const check = checkPrinted(
    document.getText(),
    position.line + 1,
    position.character + 1,
    ctx.analysis.findings(document),
  );
  if (!check) return undefined;
  const md = new vscode.MarkdownString(check.markdown);
  md.isTrusted = false;
  return new vscode.Hover(md, toRange(check.range));
}

export function registerPrintedHover(ctx: Ctx): void {
  ctx.subscriptions.push(
    vscode.languages.registerHoverProvider(PYTHON, {
      provideHover: (document, position) => provideHover(ctx, document, position),
    }),
  );
}
