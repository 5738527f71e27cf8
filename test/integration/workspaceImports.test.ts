import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText } from './support/hovers';
import { activateExtension, positionOf, sampleUri, waitFor } from './support/workspace';

/** fairseq's helper, with the K−1 spread (`eps_i = ε / (K − 1)`) or the uniform one. */
const helper = (uniform: boolean) =>
  [
    'import torch',
    '',
    'def label_smoothed_nll_loss(lprobs, target, epsilon):',
    '    nll_loss = -lprobs.gather(dim=-1, index=target.unsqueeze(-1)).squeeze(-1)',
    '    smooth_loss = -lprobs.sum(dim=-1)',
    uniform ? '    eps_i = epsilon / lprobs.size(-1)' : '    eps_i = epsilon / (lprobs.size(-1) - 1)',
    uniform
      ? '    loss = (1.0 - epsilon) * nll_loss + eps_i * smooth_loss'
      : '    loss = (1.0 - epsilon - eps_i) * nll_loss + eps_i * smooth_loss',
    '    return loss.mean()',
    '',
  ].join('\n');

const LOSS = [
  'import torch.nn.functional as F',
  'from .utils import label_smoothed_nll_loss',
  '',
  'def compute_loss(logits, target):',
  '    return label_smoothed_nll_loss(F.log_softmax(logits, dim=-1), target, 0.1)',
  '',
].join('\n');

const FOLDER = 'imported_helper_test';
/** The hover's headline for each convention (the K−1 one goes on to compare with uniform smoothing). */
const K_MINUS_1 = /function with K−1 label smoothing/;
const UNIFORM = /function with uniform label smoothing/;

/** The editor follows `from .utils import …` into the workspace's own module, through `vscode.workspace.fs`. */
describe('imports of the workspace’s own modules in the editor', () => {
  const utils = () => sampleUri(`${FOLDER}/pkg/utils.py`);
  const write = (uri: vscode.Uri, text: string) =>
    vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

  before(async () => {
    await activateExtension();
    await write(utils(), helper(false));
    await write(sampleUri(`${FOLDER}/pkg/loss.py`), LOSS);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(sampleUri(FOLDER), { recursive: true });
  });

  it('explains a call of an imported helper by its convention, and again after the helper changes', async () => {
    const document = await vscode.workspace.openTextDocument(sampleUri(`${FOLDER}/pkg/loss.py`));
    await vscode.window.showTextDocument(document);
    const at = positionOf(document, 'label_smoothed_nll_loss(F', 4);
    const hoverMatching = (convention: RegExp, what: string) =>
      waitFor(what, async () => {
        const text = await hoverText(document.uri, at);
        return convention.test(text) ? text : undefined;
      });
    const before = await hoverMatching(K_MINUS_1, 'the K−1 hover');
    assert.doesNotMatch(before, UNIFORM, before);
    // The call of the imported helper is explained where it stands, by what the helper computes.
    assert.match(before, /Calls label_smoothed_nll_loss/, before);

    // The helper edited in the editor, unsaved: the hover follows the editor's text, then the saved file's.
    const helperDocument = await vscode.workspace.openTextDocument(utils());
    const edit = new vscode.WorkspaceEdit();
    const whole = new vscode.Range(
      helperDocument.positionAt(0),
      helperDocument.positionAt(helperDocument.getText().length),
    );
    edit.replace(utils(), whole, helper(true));
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await hoverMatching(UNIFORM, 'the uniform hover');
    assert.doesNotMatch(after, K_MINUS_1, after);
    assert.match(after, /Calls label_smoothed_nll_loss/, after);
    assert.ok(await helperDocument.save());
    assert.match(await hoverText(document.uri, at), UNIFORM);
  });

  it('follows a change of the helper written to disk', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const document = await vscode.workspace.openTextDocument(sampleUri(`${FOLDER}/pkg/loss.py`));
    const at = positionOf(document, 'label_smoothed_nll_loss(F', 4);
    await write(utils(), helper(false));
    const text = await waitFor(
      'the K−1 hover after the write',
      async () => {
        const hover = await hoverText(document.uri, at);
        return K_MINUS_1.test(hover) ? hover : undefined;
      },
      30_000,
    );
    assert.doesNotMatch(text, UNIFORM, text);
  });

  it('follows a change on disk that the file watcher does not report', async () => {
    const files = vscode.workspace.getConfiguration('files');
    await files.update('watcherExclude', { '**/unwatched/**': true }, vscode.ConfigurationTarget.Workspace);
    try {
      const unwatched = (name: string) => sampleUri(`${FOLDER}/unwatched/${name}`);
      await write(unwatched('utils.py'), helper(false));
      await write(unwatched('loss.py'), LOSS);
      const document = await vscode.workspace.openTextDocument(unwatched('loss.py'));
      const at = positionOf(document, 'label_smoothed_nll_loss(F', 4);
      const hoverMatching = (convention: RegExp, what: string) =>
        waitFor(what, async () => {
          const text = await hoverText(document.uri, at);
          return convention.test(text) ? text : undefined;
        });
      await hoverMatching(K_MINUS_1, 'the K−1 hover of the unwatched helper');
      await write(unwatched('utils.py'), helper(true));
      const text = await hoverMatching(UNIFORM, 'the uniform hover after the unreported write');
      assert.doesNotMatch(text, K_MINUS_1, text);
    } finally {
      await files.update('watcherExclude', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('does not follow an import to a module that is not there', async () => {
    const lonely = sampleUri(`${FOLDER}/other/loss.py`);
    await write(lonely, LOSS);
    const document = await vscode.workspace.openTextDocument(lonely);
    const text = await hoverText(document.uri, positionOf(document, 'label_smoothed_nll_loss(F', 4));
    assert.doesNotMatch(text, K_MINUS_1, text);
    assert.doesNotMatch(text, UNIFORM, text);
  });
});
