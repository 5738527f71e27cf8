import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, ourDiagnostics } from './support/diagnostics';
import { CONVENTION_TEXT, hoverText } from './support/hovers';
import { positionOf, sampleUri } from './support/workspace';

/** A tutorial-style notebook like the seed notebooks: markdown, a hand-written loss, `Variable`, outputs. */
describe('notebooks: hovers and diagnostics in .ipynb cells', () => {
  let cells: vscode.NotebookCell[];
  const cellWith = (needle: string) => {
    const cell = cells.find((c) => c.document.getText().includes(needle));
    assert.ok(cell, `no code cell with ${needle}`);
    return cell;
  };

  before(async () => {
    const notebook = await vscode.workspace.openNotebookDocument(sampleUri('notebooks/from_scratch.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    cells = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
  });

  it('opens with VS Code built-in notebook support, cells in Python', () => {
    assert.equal(cells.length, 5);
    for (const c of cells) assert.equal(c.document.languageId, 'python');
  });

  it('explains the hand-written loss in one cell as uniform smoothing', async () => {
    const cell = cellWith('class LabelSmoothingLoss');
    const text = await hoverText(cell.document.uri, positionOf(cell.document, 'class LabelSmoothingLoss', 8));
    assert.match(text, CONVENTION_TEXT.uniform, text);
    assert.match(text, /Open in playground/i, text);
  });

  it('explains the torch call in a later cell', async () => {
    const cell = cellWith('label_smoothing=0.5');
    const text = await hoverText(cell.document.uri, positionOf(cell.document, 'CrossEntropyLoss', 4));
    assert.match(text, CONVENTION_TEXT.uniform, text);
  });

  it('reports a pitfall on the cell it is in, and nothing on clean cells', async () => {
    const softmax = cellWith('F.softmax(preds');
    const onSoftmax = await diagnosticsWhen(
      softmax.document.uri,
      (all) => all.some((d) => codeOf(d) === 'softmax-into-cross-entropy'),
      'softmax fed to CrossEntropyLoss on its cell',
    );
    const flagged = onSoftmax.find((d) => codeOf(d) === 'softmax-into-cross-entropy')!;
    assert.equal(softmax.document.getText(flagged.range), 'probs');
    assert.deepEqual(ourDiagnostics(cellWith('class LabelSmoothingLoss').document.uri), []);
  });
});
