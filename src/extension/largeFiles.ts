import * as vscode from 'vscode';
import { tooLargeMessage } from './analysisBudget';
import type { Ctx } from './ctx';
import { isPython } from './documents';

/**
 * Says when a Python document is too long to analyse: a status-bar item while it is the active editor's, and
 * one line in the log each time a document becomes too long.
 */
export function registerLargeFileNotice(ctx: Ctx): void {
  const item = vscode.window.createStatusBarItem('lossLens.tooLarge', vscode.StatusBarAlignment.Left);
  item.name = 'Loss Lens: file too large';
  item.text = '$(warning) Loss Lens: file too large';
  const logged = new Set<string>();
  const check = (document: vscode.TextDocument): boolean => {
    const key = document.uri.toString();
    const tooLarge = isPython(document) && ctx.analysis.tooLarge(document);
    if (tooLarge && !logged.has(key))
      ctx.log.warn(`${document.uri.toString(true)}: ${tooLargeMessage(document.lineCount)}`);
    if (tooLarge) logged.add(key);
    else logged.delete(key);
    return tooLarge;
  };
  const update = (): void => {
    const document = vscode.window.activeTextEditor?.document;
    if (document && check(document)) {
      item.tooltip = tooLargeMessage(document.lineCount);
      item.show();
    } else item.hide();
  };
  ctx.subscriptions.push(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) update();
      else check(e.document);
    }),
    vscode.workspace.onDidCloseTextDocument((d) => logged.delete(d.uri.toString())),
  );
  update();
}
