import * as vscode from 'vscode';

/** Python code cells of a notebook, in notebook order (the order Jupyter runs them top to bottom). */
export function codeCells(notebook: vscode.NotebookDocument): vscode.TextDocument[] {
  return notebook
    .getCells()
    .filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python')
    .map((c) => c.document);
}

/** The Python cells of the notebook a cell document belongs to, and its place among them; undefined otherwise. */
function cellsAround(
  document: vscode.TextDocument,
): { cells: vscode.TextDocument[]; index: number } | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
  for (const notebook of vscode.workspace.notebookDocuments) {
    const cells = codeCells(notebook);
    const index = cells.indexOf(document);
    if (index >= 0) return { cells, index };
  }
  return undefined;
}

/** The code of the cells before a notebook cell, in notebook order; null for a document that is not a cell. */
export function precedingCode(document: vscode.TextDocument): string[] | null {
  const around = cellsAround(document);
  return around ? around.cells.slice(0, around.index).map((c) => c.getText()) : null;
}

/** The cells after a notebook cell (what an edit of it may change); none for a document that is not a cell. */
export function laterCells(document: vscode.TextDocument): vscode.TextDocument[] {
  const around = cellsAround(document);
  return around ? around.cells.slice(around.index + 1) : [];
}

/** The file a document is: the notebook a cell belongs to, else the document itself (imports are relative to it). */
export function fileOf(document: vscode.TextDocument): vscode.Uri {
  if (document.uri.scheme !== 'vscode-notebook-cell') return document.uri;
  const notebook = vscode.workspace.notebookDocuments.find((n) =>
    n.getCells().some((c) => c.document === document),
  );
  return notebook?.uri ?? document.uri;
}

/**
 * The text an explanation reads around a finding (the file's class-count constant, a function's parameters): the
 * document's own, with a cell's lines in place, followed by the cells before it, nearest first (Jupyter's latest
 * assignment before the cell is the one it sees).
 */
export function explanationSource(document: vscode.TextDocument): string {
  const preceding = precedingCode(document);
  const own = document.getText();
  return preceding ? [own, ...preceding.reverse()].join('\n') : own;
}
