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

  it('keeps a long text in a file of the host’s, not in the saved state, and gives it back to a new panel', async () => {
    const value = (i: number) => (((i * 7919) % 1000) / 250 - 2).toFixed(3);
    const row = (r: number) =>
      `[${Array.from({ length: 30_000 }, (_, c) => value(r * 30_000 + c)).join(', ')}]`;
    const long = `[${[0, 1, 2].map(row).join(',\n')}]`;
    await vscode.commands.executeCommand('lossLens.openPlayground', { ...SEED_000, logitsText: long });
    const computed = await snapshotWhen(
      (x) => x.state.logitsText.length === long.length && x.lossValue !== null,
      'the long logits computed',
    );
    type Saved = { logitsText: string; storedTexts?: { logitsText?: { hash: string; length: number } } };
    const saved = await waitFor('the saved state naming the stored text', async () => {
      const s = await vscode.commands.executeCommand<Saved | undefined>('lossLens.playgroundSavedState');
      return s?.storedTexts?.logitsText ? s : undefined;
    });
    assert.equal(saved.logitsText, '');
    assert.equal(saved.storedTexts?.logitsText?.length, long.length);
    assert.ok(JSON.stringify(saved).length < 5000, `${JSON.stringify(saved).length} characters saved`);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor('the panel closed', () => (playgroundTabs().length === 0 ? true : undefined));
    await vscode.commands.executeCommand('lossLens.openPlayground');
    await snapshotWhen(
      (x) => x.state.logitsText === long && x.lossText === computed.lossText,
      'the long text back in a new panel, its loss computed',
    );
    await vscode.commands.executeCommand('lossLens.openPlayground', SEED_000);
    await snapshotWhen((x) => x.lossText === '1.4670' || x.lossText === '1.5161', 'seed 000 back');
  });
});
