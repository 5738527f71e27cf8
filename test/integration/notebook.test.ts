import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, ourDiagnostics } from './support/diagnostics';
import { CONVENTION_TEXT, hoverText } from './support/hovers';
import { positionOf, sampleUri, waitFor } from './support/workspace';

/**
 * A tutorial-style notebook like the seed notebooks: markdown, a hand-written loss, `Variable`, outputs. Cells are
 * analysed the way Jupyter runs them: each after the cells before it.
 */
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

  it('explains a call in a later cell of the loss class an earlier cell defines', async () => {
    const cell = cellWith('criterion = LabelSmoothingLoss');
    const construct = await hoverText(cell.document.uri, positionOf(cell.document, 'LabelSmoothingLoss(', 4));
    assert.match(construct, CONVENTION_TEXT.uniform, construct);
    assert.match(construct, /0\.5/, construct);
    const call = await hoverText(cell.document.uri, positionOf(cell.document, 'criterion(Variable', 3));
    assert.match(call, CONVENTION_TEXT.uniform, call);
  });

  /** Replaces `from` with `to` in `cell`, runs `check`, then puts `from` back. */
  async function whileEdited(
    cell: vscode.NotebookCell,
    from: string,
    to: string,
    check: () => Promise<void>,
  ) {
    const document = cell.document;
    const at = document.getText().indexOf(from);
    assert.ok(at >= 0, `no ${from} in the cell`);
    const range = new vscode.Range(document.positionAt(at), document.positionAt(at + from.length));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, range, to);
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      await check();
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.replace(document.uri, new vscode.Range(range.start, document.positionAt(at + to.length)), from);
      await vscode.workspace.applyEdit(back);
    }
  }

  it("updates a later cell's hover when an earlier cell's loss class changes", async () => {
    const use = cellWith('criterion = LabelSmoothingLoss');
    const at = positionOf(use.document, 'LabelSmoothingLoss(', 4);
    const smoothing = 'return (1 - self.epsilon) * nll + self.epsilon * (loss / n)';
    await whileEdited(cellWith('class LabelSmoothingLoss'), smoothing, 'return nll', async () => {
      const text = await waitFor('the hover after the edit', async () => {
        const hover = await hoverText(use.document.uri, at);
        return /no label smoothing/i.test(hover) ? hover : undefined;
      });
      assert.doesNotMatch(text, CONVENTION_TEXT.uniform, text);
    });
    const back = await waitFor('the hover after the undo', async () => {
      const hover = await hoverText(use.document.uri, at);
      return CONVENTION_TEXT.uniform.test(hover) ? hover : undefined;
    });
    assert.match(back, /0\.5/, back);
  });

  it("flags a later cell's `Variable` from an earlier cell's import, and no longer once that import goes", async () => {
    const use = cellWith('criterion = LabelSmoothingLoss');
    const isVariable = (d: vscode.Diagnostic) => codeOf(d) === 'deprecated-variable';
    const flagged = await diagnosticsWhen(
      use.document.uri,
      (all) => all.some(isVariable),
      'Variable flagged',
    );
    assert.ok(use.document.getText(flagged.find(isVariable)!.range).startsWith('Variable'));
    const importLine = 'from torch.autograd import Variable';
    await whileEdited(cellWith(importLine), importLine, 'import os', async () => {
      await diagnosticsWhen(use.document.uri, (all) => !all.some(isVariable), 'Variable no longer flagged');
    });
    await diagnosticsWhen(use.document.uri, (all) => all.some(isVariable), 'Variable flagged again');
  });

  it("reads a later cell's class count from an earlier cell's constant", async () => {
    const call = cellWith('label_smoothing=0.5');
    const at = positionOf(call.document, 'CrossEntropyLoss', 4);
    await whileEdited(
      cellWith('import torch\n'),
      'import torch\n',
      'import torch\nNUM_CLASSES = 7\n',
      async () => {
        const text = await waitFor('the hover with K from NUM_CLASSES', async () => {
          const hover = await hoverText(call.document.uri, at);
          return /K = 7, `NUM_CLASSES`/.test(hover) ? hover : undefined;
        });
        assert.match(text, CONVENTION_TEXT.uniform, text);
      },
    );
    assert.doesNotMatch(await hoverText(call.document.uri, at), /NUM_CLASSES/);
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
