import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, ourDiagnostics, quickFixes } from './support/diagnostics';
import { activateExtension, lineOf, openSample, waitFor } from './support/workspace';

/** Each pitfall in sample-workspace/pitfalls.py: a diagnostic must start on one of these lines. */
const PITFALLS: { pitfall: string; lines: string[] }[] = [
  {
    pitfall: 'softmax output fed to CrossEntropyLoss',
    lines: ['probs = F.softmax', 'nn.CrossEntropyLoss()(probs'],
  },
  { pitfall: 'log_softmax output fed to cross_entropy', lines: ['F.cross_entropy(F.log_softmax'] },
  { pitfall: 'BCELoss on raw logits', lines: ['logits = head(features)', 'nn.BCELoss()(logits'] },
  { pitfall: 'target.max()+1 as a class count', lines: ['num_classes = target.max() + 1'] },
  { pitfall: 'label_smoothing outside [0, 1]', lines: ['label_smoothing=1.5'] },
  { pitfall: 'deprecated size_average', lines: ['size_average=False'] },
  { pitfall: 'Variable', lines: ['return Variable(x)', 'from torch.autograd import Variable'] },
  { pitfall: 'log_softmax without dim', lines: ['F.log_softmax(logits)\n'] },
  { pitfall: 'weight multiplied into log-probabilities', lines: ['* weight.unsqueeze(0)'] },
];

/** Pitfalls whose fix is plainly safe: each must offer a quick fix. */
const MUST_FIX = ['size_average=False', 'return Variable(x)'];

async function revertActive(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

describe('diagnostics and quick fixes', () => {
  before(activateExtension);
  afterEach(revertActive);

  it('flags every pitfall in pitfalls.py on its line', async () => {
    const { document } = await openSample('pitfalls.py');
    const all = await diagnosticsWhen(
      document.uri,
      (d) => d.length >= PITFALLS.length,
      'pitfall diagnostics',
    ).catch(() => ourDiagnostics(document.uri));
    const startLines = new Set(all.map((d) => d.range.start.line));
    const missing = PITFALLS.filter((p) => !p.lines.some((l) => startLines.has(lineOf(document, l))));
    assert.deepEqual(
      missing.map((p) => p.pitfall),
      [],
      `found: ${all.map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).join(', ')}`,
    );
    for (const d of all) assert.ok(d.message.length > 10, `diagnostic ${codeOf(d)} has a message`);
  });

  it('reports nothing on clean loss code', async () => {
    for (const file of ['losses/uniform_smoothing.py', 'train_classifier.py', 'playground_examples.py']) {
      const { document } = await openSample(file);
      await new Promise((r) => setTimeout(r, 600));
      const found = ourDiagnostics(document.uri).map(
        (d) => `${d.range.start.line + 1}:${codeOf(d)} ${d.message}`,
      );
      assert.deepEqual(found, [], file);
    }
  });

  it('updates as you type: a new pitfall appears, and goes when the line is deleted', async () => {
    const editor = await openSample('train_classifier.py');
    const end = editor.document.lineAt(editor.document.lineCount - 1).range.end;
    const added = '\nbad = nn.CrossEntropyLoss(label_smoothing=2.0)\n';
    await editor.edit((e) => e.insert(end, added));
    await diagnosticsWhen(editor.document.uri, (d) => d.length > 0, 'a diagnostic for label_smoothing=2.0');
    const start = editor.document.positionAt(editor.document.offsetAt(end));
    const stop = editor.document.positionAt(editor.document.offsetAt(end) + added.length);
    await editor.edit((e) => e.delete(new vscode.Range(start, stop)));
    await diagnosticsWhen(editor.document.uri, (d) => d.length === 0, 'the diagnostic to go with the line');
  });

  for (const needle of MUST_FIX) {
    it(`offers a quick fix at "${needle}"`, async () => {
      const { document } = await openSample('pitfalls.py');
      const line = lineOf(document, needle);
      const diagnostic = await waitFor('the diagnostic', () =>
        ourDiagnostics(document.uri).find((d) => d.range.start.line === line),
      );
      const fixes = await quickFixes(document.uri, diagnostic);
      assert.ok(fixes.length > 0, `no quick fix for ${codeOf(diagnostic)} at line ${line + 1}`);
    });
  }

  it('every quick fix offered in pitfalls.py changes the text and clears its diagnostic', async () => {
    const { document } = await openSample('pitfalls.py');
    const initial = await diagnosticsWhen(document.uri, (d) => d.length > 0, 'pitfall diagnostics');
    let applied = 0;
    for (const target of initial) {
      await revertActive();
      const current = await diagnosticsWhen(
        document.uri,
        (d) => d.length === initial.length,
        'diagnostics reset',
      );
      const diagnostic = current.find((d) => codeOf(d) === codeOf(target) && d.range.isEqual(target.range));
      if (!diagnostic) continue;
      const [fix] = await quickFixes(document.uri, diagnostic);
      if (!fix?.edit) continue;
      const before = document.getText();
      assert.ok(await vscode.workspace.applyEdit(fix.edit), `"${fix.title}" applies`);
      assert.notEqual(document.getText(), before, `"${fix.title}" changes the text`);
      const line = diagnostic.range.start.line;
      await diagnosticsWhen(
        document.uri,
        (d) => !d.some((x) => codeOf(x) === codeOf(diagnostic) && x.range.start.line === line),
        `"${fix.title}" to clear ${codeOf(diagnostic)} at line ${line + 1}`,
      );
      applied++;
    }
    assert.ok(applied >= MUST_FIX.length, `applied ${applied} quick fixes`);
  });
});
