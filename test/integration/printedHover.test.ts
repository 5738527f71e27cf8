import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, waitFor } from './support/workspace';

const FIXTURE = join(__dirname, '../../../test/fixtures/python/seed004_four_implementations.py');

async function hoverTextAt(uri: vscode.Uri, at: vscode.Position, marker: string): Promise<string> {
  return waitFor('the printed-loss hover', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      at,
    );
    const all = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    return all.includes(marker) ? all : undefined;
  });
}

describe('hover on a printed loss: which ε printed this?', () => {
  before(activateExtension);
  after(closeAllEditors);

  it("in a notebook: the print whose output is seed 004's tensor(1.4178)", async () => {
    const cell = new vscode.NotebookCellData(
      vscode.NotebookCellKind.Code,
      readFileSync(FIXTURE, 'utf8'),
      'python',
    );
    cell.outputs = [
      new vscode.NotebookCellOutput([
        vscode.NotebookCellOutputItem.stdout('tensor(1.4178)\ntensor(1.4178)\n'),
      ]),
    ];
    const notebook = await vscode.workspace.openNotebookDocument(
      'jupyter-notebook',
      new vscode.NotebookData([cell]),
    );
    await vscode.window.showNotebookDocument(notebook);
    const doc = notebook.cellAt(0).document;
    const at = doc.positionAt(doc.getText().indexOf('print(v)') + 2);
    const text = await hoverTextAt(doc.uri, at, 'Printed 1.4178');
    assert.match(text, /Printed 1\.4178 ≠ 1\.5161\*\* that this code computes at `smoothing=0\.5`/);
    assert.match(text, /under K−1 it equals ε = 0\.3 /);
  });

  it("seed 004's printed tensor(1.4178) is not the code's smoothing=0.5 but ε = 0.3", async () => {
    const content = readFileSync(FIXTURE, 'utf8').replace(
      '    print(v)\n',
      '    print(v)  # tensor(1.4178)\n',
    );
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content });
    await vscode.window.showTextDocument(doc);
    const at = doc.positionAt(content.indexOf('tensor(1.4178)') + 3);
    const text = await waitFor('the printed-loss hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        doc.uri,
        at,
      );
      const all = hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : c.value))
        .join('\n');
      return all.includes('Printed 1.4178') ? all : undefined;
    });
    assert.match(text, /Printed 1\.4178 ≠ 1\.5161\*\* that this code computes at `smoothing=0\.5`/);
    assert.match(text, /under K−1 it equals ε = 0\.3 /);
  });
});
