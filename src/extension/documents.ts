import type * as vscode from 'vscode';

/** Python files and notebook cells (the `vscode-notebook-cell` scheme shares the language). */
export const PYTHON: vscode.DocumentSelector = { language: 'python' };

export function isPython(document: vscode.TextDocument): boolean {
  return document.languageId === 'python';
}
