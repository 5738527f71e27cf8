import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { isPython } from '../documents';
import { type FindingsAt, findingsAt } from '../findingsAt';

export interface AtCursor extends FindingsAt {
  readonly editor: vscode.TextEditor;
}

/** Findings at the active editor's cursor; `quiet` skips the message when there are none. */
export async function findingsAtCursor(ctx: Ctx, quiet = false): Promise<AtCursor | undefined> {
  const editor = vscode.window.activeTextEditor;
  const found =
    editor && isPython(editor.document) && (await findingsAt(ctx, editor.document, editor.selection.active));
  if (editor && found) return { ...found, editor };
  if (!quiet)
    void vscode.window.showInformationMessage(
      'Loss Lens: put the cursor on loss code in a Python file or notebook cell.',
    );
  return undefined;
}
