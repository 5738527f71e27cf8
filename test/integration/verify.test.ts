import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openSample, positionOf } from './support/workspace';

const MISSING = '/nonexistent/loss-lens-python';

describe('verify with Python: the interpreter it names', () => {
  const settings = () => vscode.workspace.getConfiguration('lossLens');

  before(activateExtension);
  after(async () => {
    await settings().update('python.path', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('says which Python it tried and where that choice came from', async function () {
    if (vscode.extensions.getExtension('ms-python.python')) this.skip(); // its interpreter would be used instead
    await settings().update('python.path', MISSING, vscode.ConfigurationTarget.Workspace);
    const editor = await openSample('losses/uniform_smoothing.py');
    const at = positionOf(editor.document, 'class LabelSmoothingLoss', 8);
    editor.selection = new vscode.Selection(at, at);
    const report = await vscode.commands.executeCommand<{ message: string } | undefined>(
      'lossLens.verifyWithPython',
    );
    assert.equal(
      report?.message,
      `Loss Lens: Python was not found at "${MISSING}". Python used: "${MISSING}", from lossLens.python.path.`,
    );
  });
});
