import * as vscode from 'vscode';
import type { Finding } from '../../core/analysis';
import { constructionReplacement, equivalentStatements } from '../../core/explain/statement';
import { toRange } from '../ranges';
import { findingsAtCursor } from './cursor';
import type { CommandCtx } from './types';

const DEFINITION = /^(?:async\s+)?(?:def|class)\s/;

function textAt(document: vscode.TextDocument, line: number, column: number): string {
  return line >= 1 && line <= document.lineCount ? document.lineAt(line - 1).text.slice(column - 1) : '';
}

/** `MyLoss(…)` where the file constructs its own loss class (the finding points back at the class). */
function isConstruction(document: vscode.TextDocument, finding: Finding): boolean {
  const defined = finding.details?.definedAt;
  return (
    !!defined &&
    /^class\s/.test(textAt(document, defined.line, defined.column)) &&
    !!finding.symbol &&
    textAt(document, finding.line, finding.column).startsWith(`${finding.symbol}(`)
  );
}

/** After the statement or definition, at its indentation; a definition gets the blank lines PEP 8 asks for. */
function insertion(document: vscode.TextDocument, finding: Finding, lines: string[]) {
  const first = document.lineAt(finding.line - 1).text;
  const indent = /^\s*/.exec(first)?.[0] ?? '';
  const definition = DEFINITION.test(first.slice(indent.length));
  const gap = definition ? (indent ? '\n' : '\n\n') : '';
  const text = lines.map((l) => `${indent}${l}`).join('\n');
  return { at: document.lineAt(finding.endLine - 1).range.end, text: `${gap}\n${text}`, inserted: text };
}

/**
 * Replaces the selection, or a construction of the file's own loss class, with the torch equivalent of the loss
 * at the cursor; else inserts `criterion = …` after the loss's code. Says what it did; returns the new text.
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
  const { document } = editor;
  const source = document.getText();
  const epsilon = ctx.config.defaultEpsilon;
  const replacement = isConstruction(document, finding)
    ? constructionReplacement(finding, source, epsilon)
    : undefined;
  const where = `${finding.symbol ?? 'the loss'} (line ${finding.line})`;
  let done: boolean;
  let text: string;
  let message: string;
  if (!editor.selection.isEmpty || replacement) {
    const range = editor.selection.isEmpty ? toRange(finding) : editor.selection;
    const old = document.getText(range);
    text = replacement ?? finding.torchEquivalent;
    done = await editor.edit((edit) => edit.replace(range, text));
    message = `Loss Lens: replaced ${old.split('\n')[0]} with ${text}.`;
  } else {
    const lines = equivalentStatements(finding, source, epsilon) ?? [finding.torchEquivalent];
    const plan = insertion(document, finding, lines);
    text = plan.inserted;
    done = await editor.edit((edit) => edit.insert(plan.at, plan.text));
    message = `Loss Lens: inserted "${lines[0]}" after ${where}.`;
  }
  if (!done) return undefined;
  void vscode.window.showInformationMessage(message);
  ctx.log.info(message);
  return text;
}
