/**
 * Hover on a printed loss below a recognised loss call: in a comment (`print(v)  # tensor(1.4178)`), or, in a
 * notebook cell, on a `print(…)` whose value the cell's output shows. Says what the code computes with its own
 * inputs and settings, and which ε prints the value under each convention.
 */
import * as vscode from 'vscode';
import type { Finding } from '../core/analysis/results';
import {
  checkPrinted,
  checkPrintedValue,
  type PrintedCheck,
  printedValues,
} from '../core/explain/printedCheck';
import type { Ctx } from './ctx';
import { PYTHON } from './documents';
import { toRange } from './ranges';

const PRINT_CALL = /^\s*print\(/;
const decoder = new TextDecoder();

/**
 * An output item's bytes. Items that went through the ipynb serializer's JSON (an untitled notebook built from
 * NotebookData) can hold a serialised Node Buffer, `{type: 'Buffer', data: [...]}`, instead of a Uint8Array.
 */
function bytesOf(data: unknown): Uint8Array {
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const bytes = (data as { data?: unknown } | null)?.data;
  return Array.isArray(bytes) ? Uint8Array.from(bytes as number[]) : new Uint8Array();
}

/** The text a notebook cell printed (stdout and plain-text results), or null outside notebooks. */
function cellOutput(document: vscode.TextDocument): string | null {
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cell = notebook.getCells().find((c) => c.document === document);
    if (!cell) continue;
    const plain = ['text/plain', 'application/vnd.code.notebook.stdout'];
    return cell.outputs
      .flatMap((o) => o.items)
      .filter((i) => plain.includes(i.mime))
      .map((i) => decoder.decode(bytesOf(i.data)))
      .join('\n');
  }
  return null;
}

/** The i-th `print(…)` of the cell shows the i-th printed tensor of its output. */
function notebookCheck(
  document: vscode.TextDocument,
  line: number,
  findings: readonly Finding[],
): PrintedCheck | null {
  const text = document.lineAt(line).text;
  if (!PRINT_CALL.test(text)) return null;
  const output = cellOutput(document);
  if (!output) return null;
  let index = 0;
  for (let l = 0; l < line; l++) if (PRINT_CALL.test(document.lineAt(l).text)) index++;
  const printed = printedValues(output)[index];
  if (!printed) return null;
  const start = text.search(/\S/);
  const range = { line: line + 1, column: start + 1, endLine: line + 1, endColumn: text.length + 1 };
  return checkPrintedValue(document.getText(), line + 1, printed, range, findings);
}

async function provideHover(
  ctx: Ctx,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<vscode.Hover | undefined> {
  const line = document.lineAt(position.line).text;
  const commented = line.includes('#');
  if (!commented && !PRINT_CALL.test(line)) return undefined;
  const findings = await ctx.analysis.findings(document);
  if (!findings) return undefined;
  const check =
    (commented
      ? checkPrinted(document.getText(), position.line + 1, position.character + 1, findings)
      : null) ??
    (document.uri.scheme === 'vscode-notebook-cell'
      ? notebookCheck(document, position.line, findings)
      : null);
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
