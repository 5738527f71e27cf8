import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { playgroundTabs, snapshotWhen } from './support/playground';
import { activateExtension, contributedCommands, openSample, positionOf, waitFor } from './support/workspace';

/** Puts the cursor `offset` characters into `needle` in a sample file. */
async function cursorAt(file: string, needle: string, offset: number): Promise<vscode.TextEditor> {
  const editor = await openSample(file);
  const at = positionOf(editor.document, needle, offset);
  editor.selection = new vscode.Selection(at, at);
  return editor;
}

/** One check per contributed command: it runs without throwing and does something we can see. */
const CHECKS: Record<string, () => Promise<void>> = {
  'lossLens.openPlayground': async () => {
    await cursorAt('losses/k_minus_1_smoothing.py', 'class LabelSmoothingLoss', 8);
    await vscode.commands.executeCommand('lossLens.openPlayground');
    await waitFor('the playground tab', () => (playgroundTabs().length === 1 ? true : undefined));
  },
  'lossLens.explainLoss': async () => {
    await cursorAt('losses/k_minus_1_smoothing.py', 'class SmoothCrossEntropy', 8);
    const text = await vscode.commands.executeCommand<string | undefined>('lossLens.explainLoss');
    assert.equal(typeof text, 'string', 'explainLoss returns the explanation');
    assert.match(text ?? '', /K\s*[−-]\s*1/);
  },
  'lossLens.compareConventions': async () => {
    await cursorAt('losses/uniform_smoothing.py', 'class LabelSmoothingLoss', 8);
    const text = await vscode.commands.executeCommand<string | undefined>('lossLens.compareConventions');
    assert.equal(typeof text, 'string', 'compareConventions returns the comparison');
    for (const c of [/uniform/i, /K\s*[−-]\s*1/, /binary/i, /max\s*\\?\+\s*1/i]) assert.match(text ?? '', c);
  },
  'lossLens.insertTorchEquivalent': async () => {
    const editor = await cursorAt('losses/uniform_smoothing.py', 'class LabelSmoothingLoss', 8);
    try {
      const inserted = await vscode.commands.executeCommand<string | undefined>(
        'lossLens.insertTorchEquivalent',
      );
      // An assignment a person keeps, after the class and two blank lines; `criterion` is taken further down.
      assert.equal(inserted, 'torch_criterion = nn.CrossEntropyLoss(label_smoothing=0.1)');
      assert.ok(
        editor.document.getText().includes(`* spread\n\n\n${inserted}\n`),
        editor.document.getText().slice(0, 1200),
      );
      await vscode.commands.executeCommand('workbench.action.files.revert');
      // At a construction of the file's own class, the construction itself is replaced.
      await cursorAt('losses/uniform_smoothing.py', 'LabelSmoothingLoss(epsilon=0.5)', 3);
      const replaced = await vscode.commands.executeCommand<string | undefined>(
        'lossLens.insertTorchEquivalent',
      );
      assert.equal(replaced, 'nn.CrossEntropyLoss(label_smoothing=0.5)');
      assert.ok(
        editor.document.getText().includes('    criterion = nn.CrossEntropyLoss(label_smoothing=0.5)\n'),
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  },
  'lossLens.sendSelectionToPlayground': async () => {
    const editor = await openSample('playground_examples.py');
    const start = positionOf(editor.document, '[[0.0, 0.2', 0);
    const end = positionOf(editor.document, '1.0]])', 5);
    editor.selection = new vscode.Selection(start, end);
    await vscode.commands.executeCommand('lossLens.sendSelectionToPlayground');
    const s = await snapshotWhen(
      (x) => x.state.logitsText.includes('[0.0, 0.9, 0.2, 0.2, 1.0]'),
      'the selection as logits',
    );
    assert.ok(s.state.logitsText.startsWith('[[0.0, 0.2'));
  },
  'lossLens.sendDebugValueToPlayground': async () => {
    // No debug session here (test/integration/debugBatch.test.ts sends from a real one): it says so, asks nothing.
    await cursorAt('losses/uniform_smoothing.py', 'class LabelSmoothingLoss', 8);
    const result = await vscode.commands.executeCommand('lossLens.sendDebugValueToPlayground');
    assert.deepEqual(result, { refused: 'no debug session is paused; stop at a breakpoint first.' });
  },
  'lossLens.refreshPlaygroundFromDebugger': async () => {
    const result = await vscode.commands.executeCommand<{ refused?: string }>(
      'lossLens.refreshPlaygroundFromDebugger',
    );
    assert.match(result?.refused ?? '', /nothing was sent from a debugger|no debug session is paused/);
  },
  'lossLens.openSampleLoss': async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('lossLens.openSampleLoss');
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'python');
    const text = await vscode.commands.executeCommand<string | undefined>('lossLens.explainLoss');
    assert.match(text ?? '', /K\s*[−-]\s*1/, 'the cursor starts on the sample loss');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  },
  'lossLens.verifyWithPython': async () => {
    await cursorAt('losses/uniform_smoothing.py', 'class LabelSmoothingLoss', 8);
    // Python with torch may be missing here: the command must still finish without throwing, and report.
    const report = await vscode.commands.executeCommand<{ message?: string } | undefined>(
      'lossLens.verifyWithPython',
    );
    assert.ok(report === undefined || typeof report.message === 'string', JSON.stringify(report));
  },
};

describe('commands', () => {
  before(activateExtension);
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('every contributed command has a check here', () => {
    const ids = contributedCommands().map((c) => c.command);
    assert.ok(ids.length > 0, 'no commands contributed');
    assert.deepEqual(
      ids.filter((id) => !(id in CHECKS)),
      [],
    );
  });

  for (const [id, check] of Object.entries(CHECKS)) it(`${id} runs and does its job`, check);
});
