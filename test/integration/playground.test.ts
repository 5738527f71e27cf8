import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { playgroundTabs, SEED_000, snapshotWhen } from './support/playground';
import { activateExtension, waitFor } from './support/workspace';

describe('playground panel', () => {
  before(async () => {
    await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens from lossLens.openPlayground as one lossLens.playground panel', async () => {
    await vscode.commands.executeCommand('lossLens.openPlayground');
    await waitFor('the playground tab', () => (playgroundTabs().length === 1 ? true : undefined));
  });

  it('computes 1.4670 for the seed 000 example (uniform, ε = 0.5)', async () => {
    await vscode.commands.executeCommand('lossLens.openPlayground', { ...SEED_000, convention: 'uniform' });
    const s = await snapshotWhen((x) => x.lossText === '1.4670', 'the loss to read 1.4670');
    assert.equal(s.state.epsilon, 0.5);
    assert.ok(s.lossValue !== null && Math.abs(s.lossValue - 1.467) < 5e-5, `lossValue ${s.lossValue}`);
    assert.deepEqual(s.errors, []);
  });

  it('computes 1.5161 for the same tensors under the K−1 convention', async () => {
    await vscode.commands.executeCommand('lossLens.openPlayground', { ...SEED_000, convention: 'k_minus_1' });
    const s = await snapshotWhen((x) => x.state.convention === 'k_minus_1', 'the K−1 convention');
    assert.equal(s.lossText, '1.5161');
  });

  it('reuses the one panel when opened again', async () => {
    await vscode.commands.executeCommand('lossLens.openPlayground');
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(playgroundTabs().length, 1);
  });

  it('reports a parse error at its position instead of a number', async () => {
    await vscode.commands.executeCommand('lossLens.openPlayground', {
      ...SEED_000,
      logitsText: '[[0, 0.2, 0.7],\n [0, 0.9]]',
    });
    const s = await snapshotWhen((x) => x.errors.length > 0, 'a parse error');
    assert.equal(s.lossValue, null);
    assert.match(s.errors.join('\n'), /row|line|column|expected/i);
  });
});
