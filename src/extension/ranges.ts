import * as vscode from 'vscode';
import type { SourceRange } from '../core/analysis';

/** 1-based analysis range → 0-based editor range. */
export function toRange(r: SourceRange): vscode.Range {
  return new vscode.Range(r.line - 1, r.column - 1, r.endLine - 1, r.endColumn - 1);
}

/** Editor position → the 1-based line and column the analysis uses. */
export function toLineColumn(position: vscode.Position): { line: number; column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}
