import * as vscode from 'vscode';
import type { Ctx } from '../ctx';

/**
 * The walkthrough's first step: an untitled Python editor with a sample loss (works without a folder and on the
 * web), the cursor on the loss class so "Explain Loss at Cursor", the next step, has something to explain.
 */
export async function openSampleLoss(ctx: Ctx): Promise<vscode.TextEditor> {
  const file = vscode.Uri.joinPath(ctx.extension.extensionUri, 'media', 'walkthrough', 'sample_loss.py');
  const content = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  const document = await vscode.workspace.openTextDocument({ language: 'python', content });
  const editor = await vscode.window.showTextDocument(document);
  const onClass = document.positionAt(Math.max(0, content.indexOf('\nclass ') + '\nclass '.length));
  editor.selection = new vscode.Selection(onClass, onClass);
  return editor;
}
