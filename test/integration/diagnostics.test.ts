import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, ourDiagnostics, quickFixes } from './support/diagnostics';
import { activateExtension, lineOf, openSample, waitFor } from './support/workspace';

/** Every diagnostic sample-workspace/pitfalls.py must get: its rule id and the text its range starts on. */
const PITFALLS: { rule: string; line: string }[] = [
  { rule: 'softmax-into-cross-entropy', line: 'nn.CrossEntropyLoss()(probs' },
  { rule: 'log-softmax-into-cross-entropy', line: 'F.cross_entropy(F.log_softmax' },
  // `scores` comes from an nn.Linear head: the rule must see a Linear output, not a variable named "logits".
  { rule: 'bce-on-logits', line: 'nn.BCELoss()(scores' },
  { rule: 'batch-max-class-count', line: 'num_classes = target.max() + 1' },
  { rule: 'label-smoothing-out-of-range', line: 'label_smoothing=1.5' },
  { rule: 'deprecated-size-average-reduce', line: 'size_average=False' },
  { rule: 'deprecated-variable', line: 'return Variable(x)' },
  { rule: 'softmax-without-dim', line: 'F.log_softmax(logits)\n' },
  { rule: 'weight-in-log-probs', line: '* weight.unsqueeze(0)' },
];

/** "line:rule" for each diagnostic (1-based line), sorted, so sets compare exactly. */
function lineRules(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.range.start.line + 1}:${codeOf(d)}`).sort();
}

/** Pitfalls whose fix is plainly safe: each must offer a quick fix. */
const MUST_FIX = ['size_average=False', 'return Variable(x)', 'return F.log_softmax(logits)'];

/** Quick fixes in pitfalls.py and what the file holds after each: the fix, and no line it leaves unused. */
const FIXED: { rule: string; has: string; hasNot: string }[] = [
  {
    rule: 'softmax-into-cross-entropy',
    has: 'nn.CrossEntropyLoss()(logits, labels)',
    hasNot: 'probs = F.softmax',
  },
  { rule: 'deprecated-variable', has: '    return x\n', hasNot: 'from torch.autograd import Variable' },
  { rule: 'softmax-without-dim', has: 'F.log_softmax(logits, dim=-1)\n', hasNot: 'F.log_softmax(logits)\n' },
];

async function revertActive(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

describe('diagnostics and quick fixes', () => {
  before(activateExtension);
  afterEach(revertActive);

  it('flags exactly the pitfalls in pitfalls.py, each with its rule id on its line', async () => {
    const { document } = await openSample('pitfalls.py');
    const all = await diagnosticsWhen(
      document.uri,
      (d) => d.length >= PITFALLS.length,
      'pitfall diagnostics',
    ).catch(() => ourDiagnostics(document.uri));
    const expected = PITFALLS.map((p) => `${lineOf(document, p.line) + 1}:${p.rule}`).sort();
    assert.deepEqual(lineRules(all), expected);
    for (const d of all) assert.ok(d.message.length > 10, `diagnostic ${codeOf(d)} has a message`);
  });

  it('does not flag the K−1 class whose docstring only names uniform_smoothing.py', async () => {
    const editor = await openSample('losses/k_minus_1_smoothing.py');
    const { document } = editor;
    // A pitfall appended at the end proves the file was analysed before we look for what must be absent.
    const end = document.lineAt(document.lineCount - 1).range.end;
    await editor.edit((e) => e.insert(end, '\nbad = nn.CrossEntropyLoss(label_smoothing=2.0)\n'));
    const all = await diagnosticsWhen(document.uri, (d) => d.length > 0, 'the appended pitfall');
    assert.deepEqual(
      lineRules(all).filter((r) => !r.endsWith(':label-smoothing-out-of-range')),
      [],
      'no diagnostic but the appended one (none on the class docstring)',
    );
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

  it('does not analyse a document over 10,000 lines; analyses it once it is under, and stops when it grows over', async () => {
    const pitfall = 'bad = nn.CrossEntropyLoss(label_smoothing=2.0)\n';
    const document = await vscode.workspace.openTextDocument({
      language: 'python',
      content: `${pitfall}${'x = 1\n'.repeat(10_000)}`,
    });
    const editor = await vscode.window.showTextDocument(document);
    try {
      assert.ok(document.lineCount > 10_000);
      await editor.edit((e) => e.delete(new vscode.Range(1, 0, 11, 0)));
      await diagnosticsWhen(
        document.uri,
        (d) => d.length === 1,
        'the pitfall once the file is under the cap',
      );
      await editor.edit((e) => e.insert(new vscode.Position(1, 0), 'y = 2\n'.repeat(20)));
      await diagnosticsWhen(
        document.uri,
        (d) => d.length === 0,
        'no diagnostics once it is over the cap again',
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
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

  for (const { rule, has, hasNot } of FIXED) {
    it(`the ${rule} quick fix leaves "${has.trim()}" and no "${hasNot.trim()}"`, async () => {
      const { document } = await openSample('pitfalls.py');
      // Diagnostics of the text before the last test's revert may linger (debounced): wait for this text's.
      const line = lineOf(document, PITFALLS.find((p) => p.rule === rule)!.line);
      const diagnostic = await waitFor(rule, () =>
        ourDiagnostics(document.uri).find((d) => codeOf(d) === rule && d.range.start.line === line),
      );
      const [fix] = await quickFixes(document.uri, diagnostic);
      assert.ok(fix?.edit, `a quick fix for ${rule}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.ok(document.getText().includes(has), `"${fix.title}" writes ${has}`);
      assert.ok(!document.getText().includes(hasNot), `"${fix.title}" leaves no ${hasNot}`);
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
