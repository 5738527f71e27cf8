import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { contributedCommands, EXTENSION_ID, extension, openSample, waitFor } from './support/workspace';

const COMMAND_IDS = [
  'lossLens.compareConventions',
  'lossLens.explainLoss',
  'lossLens.insertTorchEquivalent',
  'lossLens.openPlayground',
  'lossLens.openSampleLoss',
  'lossLens.refreshPlaygroundFromDebugger',
  'lossLens.sendDebugValueToPlayground',
  'lossLens.sendSelectionToPlayground',
  'lossLens.verifyWithPython',
];

describe('extension', () => {
  it(`is loaded as ${EXTENSION_ID} from the development path`, () => {
    const ext = extension();
    assert.equal(ext.packageJSON.name, 'loss-lens');
    console.log(`    (VS Code ${vscode.version}, extension at ${ext.extensionUri.toString()})`);
  });

  it('activates when a Python file opens', async () => {
    await openSample('losses/uniform_smoothing.py');
    await waitFor('activation', () => (extension().isActive ? true : undefined), 15_000);
  });

  it('contributes exactly the documented command ids, in category "Loss Lens"', () => {
    const commands = contributedCommands();
    assert.deepEqual(commands.map((c) => c.command).sort(), COMMAND_IDS);
    for (const c of commands) assert.equal(c.category, 'Loss Lens', `${c.command} category`);
  });

  it('registers every contributed command', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributedCommands().filter((c) => !registered.has(c.command));
    assert.deepEqual(missing, []);
  });

  it('declares the lossLens.* settings with their documented defaults', () => {
    const config = vscode.workspace.getConfiguration('lossLens');
    assert.equal(config.get('smoothing.defaultEpsilon'), 0.1);
    assert.equal(config.get('smoothing.defaultConvention'), 'uniform');
    assert.equal(config.get('diagnostics.enabled'), true);
    assert.equal(config.get('hover.detail'), 'full');
    assert.ok(config.inspect('python.path'), 'lossLens.python.path is declared');
  });
});
