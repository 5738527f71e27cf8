import * as vscode from 'vscode';
import { findingsAtCursor } from './cursor';
import type { CommandCtx } from './types';

/** Leading whitespace of a line, so an inserted statement lines up with the code it follows. */
function indentOf(document: vscode.TextDocument, line: number): string {
  return /^\s*/.exec(document.lineAt(line).text)?.[0] ?? '';
}

/**
 * Replaces the selection with the torch equivalent of the loss at the cursor, or inserts it on a new line after
 * that loss's code; returns the inserted text.
 */
export async function insertTorchEquivalent(ctx: CommandCtx): Promise<string | undefined> {
  const at = await findingsAtCursor(ctx);
  const finding = at && [at.primary, ...at.related].find((f) => f.torchEquivalent);
  if (!at || !finding?.torchEquivalent) {
    if (at)
      void vscode.window.showInformationMessage(
        'Loss Lens: no PyTorch equivalent is known for the code here.',
      );
    return undefined;
  }
  const { editor } = at;
  const text = finding.torchEquivalent;
  const endLine = editor.document.lineAt(finding.endLine - 1);
  const done = await editor.edit((edit) =>
    editor.selection.isEmpty
      ? edit.insert(endLine.range.end, `\n${indentOf(editor.document, finding.line - 1)}${text}`)
      : edit.replace(editor.selection, text),
  );
  return done ? text : undefined;
}
