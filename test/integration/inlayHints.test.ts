import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, waitFor } from './support/workspace';

/** Seed 004's K−1 loss fixes K = 4 for the file; the torch call's uniform target is then shown at K = 4. */
const SOURCE = `import torch
import torch.nn as nn


class LabelSmoothingLoss(nn.Module):
    def __init__(self, classes, smoothing=0.0, dim=-1):
        super(LabelSmoothingLoss, self).__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes
        self.dim = dim

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=self.dim)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.smoothing / (self.cls - 1))
            true_dist.scatter_(1, target.data.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-true_dist * pred, dim=self.dim))


custom = LabelSmoothingLoss(classes=4, smoothing=0.2)
criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
`;

const SETTING = 'inlayHints.targets';

async function hints(doc: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  const all = await vscode.commands.executeCommand<vscode.InlayHint[]>(
    'vscode.executeInlayHintProvider',
    doc.uri,
    new vscode.Range(0, 0, doc.lineCount, 0),
  );
  return all.filter((h) => typeof h.tooltip === 'string' && h.tooltip.startsWith('Loss Lens'));
}

const labelOf = (h: vscode.InlayHint) =>
  typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join('');

async function hintOnLine(doc: vscode.TextDocument, line: number, want: string): Promise<vscode.InlayHint> {
  return waitFor(`the hint "${want}" on line ${line + 1}`, async () =>
    (await hints(doc)).find((h) => h.position.line === line && labelOf(h) === want),
  );
}

describe('inlay hints: the effective target after each loss (opt-in)', () => {
  before(activateExtension);
  after(async () => {
    await vscode.workspace
      .getConfiguration('lossLens')
      .update(SETTING, undefined, vscode.ConfigurationTarget.Global);
    await closeAllEditors();
  });

  it('are off by default, shown once enabled, and follow edits', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'python', content: SOURCE });
    await vscode.window.showTextDocument(doc);
    const ceLine = SOURCE.split('\n').findIndex((l) => l.startsWith('criterion ='));
    const customLine = ceLine - 1;
    assert.equal(vscode.workspace.getConfiguration('lossLens').get(SETTING), false);
    assert.deepEqual(await hints(doc), [], 'no hints while the setting is off');

    await vscode.workspace
      .getConfiguration('lossLens')
      .update(SETTING, true, vscode.ConfigurationTarget.Global);
    const ce = await hintOnLine(doc, ceLine, 'true 0.925 · others 0.025 at K=4');
    assert.equal(ce.position.character, doc.lineAt(ceLine).text.length, 'after the call');
    await hintOnLine(doc, customLine, 'true 0.8 · others 0.06667 at K=4');

    const edit = new vscode.WorkspaceEdit();
    const at = doc.lineAt(ceLine).text.indexOf('0.1');
    edit.replace(doc.uri, new vscode.Range(ceLine, at, ceLine, at + 3), '0.2');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await hintOnLine(doc, ceLine, 'true 0.85 · others 0.05 at K=4');

    await vscode.workspace
      .getConfiguration('lossLens')
      .update(SETTING, false, vscode.ConfigurationTarget.Global);
    await waitFor('the hints to go when the setting is off', async () =>
      (await hints(doc)).length === 0 ? true : undefined,
    );
  });
});
