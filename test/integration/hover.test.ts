import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ourDiagnostics } from './support/diagnostics';
import { CONVENTION_TEXT, commandLinks, hoverText } from './support/hovers';
import { activateExtension, openSample, positionOf, waitFor } from './support/workspace';

type Convention = keyof typeof CONVENTION_TEXT;

interface HoverCase {
  file: string;
  /** Text to find; the mouse rests `offset` characters into it. */
  at: string;
  offset: number;
  convention?: Convention;
  /** Further text the hover must contain. */
  mentions?: RegExp[];
}

const SMOOTHING_CLASSES: HoverCase[] = [
  { file: 'losses/uniform_smoothing.py', at: 'class LabelSmoothingLoss', offset: 8, convention: 'uniform' },
  { file: 'losses/uniform_smoothing.py', at: 'class SmoothedNLLCriterion', offset: 8, convention: 'uniform' },
  { file: 'losses/uniform_smoothing.py', at: 'def smoothed_cross_entropy', offset: 6, convention: 'uniform' },
  {
    file: 'losses/k_minus_1_smoothing.py',
    at: 'class LabelSmoothingLoss',
    offset: 8,
    convention: 'k_minus_1',
  },
  {
    file: 'losses/k_minus_1_smoothing.py',
    at: 'class SmoothCrossEntropy',
    offset: 8,
    convention: 'k_minus_1',
  },
  {
    file: 'losses/padded_kl_smoothing.py',
    at: 'class LabelSmoothing',
    offset: 8,
    convention: 'k_minus_2_padding',
  },
  { file: 'losses/binary_smoothing.py', at: 'class SmoothBCEWithLogits', offset: 8, convention: 'binary' },
  {
    file: 'losses/binary_smoothing.py',
    at: 'class BatchSmoothedBCE',
    offset: 8,
    convention: 'batch_max_plus_1',
  },
];

const TORCH_CALLS: HoverCase[] = [
  // The call fixes no K; the file's NUM_CLASSES = 10 does: 0.9 + 0.1/10 = 0.91 and 0.1/10 = 0.01.
  {
    file: 'train_classifier.py',
    at: 'nn.CrossEntropyLoss(label_smoothing=0.1)',
    offset: 5,
    convention: 'uniform',
    mentions: [/K = 10, `NUM_CLASSES` in this file/, /0\.91\b/, /0\.01\b/],
  },
  // SMOOTHING = 0.2 is a module-level constant the analysis resolves.
  {
    file: 'train_classifier.py',
    at: 'F.cross_entropy(logits, labels, weight',
    offset: 4,
    convention: 'uniform',
    mentions: [/0\.2\b/, /weight/i],
  },
  { file: 'train_classifier.py', at: 'torch.nn.BCEWithLogitsLoss', offset: 12, mentions: [/pos_weight/] },
  {
    file: 'train_classifier.py',
    at: 'nn.KLDivLoss(reduction="batchmean")',
    offset: 5,
    mentions: [/batchmean/],
  },
  { file: 'train_classifier.py', at: 'F.nll_loss(', offset: 4, mentions: [/ignore/i] },
];

async function hoverAt(c: HoverCase): Promise<string> {
  const editor = await openSample(c.file);
  return hoverText(editor.document.uri, positionOf(editor.document, c.at, c.offset));
}

function checkHover(c: HoverCase, text: string): void {
  assert.match(text, /Loss Lens/, `no Loss Lens hover at "${c.at}" in ${c.file}`);
  if (c.convention) assert.match(text, CONVENTION_TEXT[c.convention], `convention ${c.convention}:\n${text}`);
  for (const m of c.mentions ?? []) assert.match(text, m, `hover at "${c.at}" should mention ${m}:\n${text}`);
}

describe('hovers', () => {
  before(activateExtension);
  for (const c of SMOOTHING_CLASSES) {
    it(`${c.file}: "${c.at}" is explained as ${c.convention}, with links to our commands`, async () => {
      const text = await hoverAt(c);
      checkHover(c, text);
      assert.ok(
        commandLinks(text).includes('lossLens.openPlayground'),
        `no "Open in playground" link:\n${text}`,
      );
    });
  }

  for (const c of TORCH_CALLS) {
    it(`${c.file}: hover on "${c.at}"`, async () => checkHover(c, await hoverAt(c)));
  }

  it('uniform hand-written losses name their torch equivalent (label_smoothing=ε)', async () => {
    const text = await hoverAt(SMOOTHING_CLASSES[0]);
    assert.match(text, /label_smoothing\s*=/);
  });

  it('links only to lossLens.* commands', async () => {
    for (const c of [...SMOOTHING_CLASSES, ...TORCH_CALLS]) {
      for (const id of commandLinks(await hoverAt(c)))
        assert.match(id, /^lossLens\./, `${c.file} links ${id}`);
    }
  });

  it('leaves the pitfall at a BCELoss fed raw logits to its diagnostic (said once, not twice)', async () => {
    const c = { file: 'pitfalls.py', at: 'nn.BCELoss()(scores', offset: 14 }; // in `scores`, the diagnostic's range
    const editor = await openSample(c.file);
    const at = positionOf(editor.document, c.at, c.offset);
    const diagnostic = await waitFor('the bce-on-logits diagnostic', () =>
      ourDiagnostics(editor.document.uri).find((d) => d.range.contains(at)),
    );
    assert.match(diagnostic.message, /BCEWithLogitsLoss|logits/);
    const text = await hoverAt(c);
    assert.match(text, /Loss Lens/, 'the loss itself is still explained');
    assert.ok(!text.includes(diagnostic.message.slice(0, 40)), `the hover repeats the diagnostic:\n${text}`);
    assert.doesNotMatch(text, /Pitfalls here/);
  });

  it('reads like a person wrote it: torch call first and pasteable, the file’s K, headings that say what', async () => {
    const fn = await hoverAt(SMOOTHING_CLASSES[2]!);
    const call = fn.indexOf('F.cross_entropy(logits, target, label_smoothing=eps)');
    assert.ok(call > 0, `a plain function gets the functional call:\n${fn}`);
    assert.ok(call < fn.indexOf('Computes:'), 'the torch call comes before the formula');
    assert.match(fn, /\| class 0 = y \(target\) \| class 1 \|/);
    assert.match(fn, /\*\*What ε does here\*\*/);
    assert.doesNotMatch(fn, /\*\*ε\*\*/);
    const cls = await hoverAt(SMOOTHING_CLASSES[6]!);
    assert.match(cls, /nn\.BCEWithLogitsLoss\(pos_weight=pos_weight\)/);
    assert.doesNotMatch(cls, /self\./, 'nothing that only works inside the class');
  });

  it('says nothing on code that is not loss code', async () => {
    const text = await hoverAt({ file: 'train_classifier.py', at: 'class Classifier', offset: 8 });
    assert.doesNotMatch(text, /Loss Lens/);
  });

  it('tells a training loop by the loss it trains with, not as a loss of its own', async () => {
    const text = await hoverAt({ file: 'train_classifier.py', at: 'def train_epoch', offset: 6 });
    assert.match(text, /Training step that trains with uniform label smoothing/);
    assert.doesNotMatch(text, /Loss function/);
  });

  it('works in notebook cells', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(
      vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'notebooks/label_smoothing.ipynb'),
    );
    await vscode.window.showNotebookDocument(notebook);
    const cells = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
    const expectations: [string, Convention][] = [
      ['class LinearComboSmoothing', 'uniform'],
      ['class OtherClassesSmoothing', 'k_minus_1'],
      ['nn.CrossEntropyLoss(label_smoothing=0.5)', 'uniform'],
    ];
    for (const [needle, convention] of expectations) {
      const cell = cells.find((c) => c.document.getText().includes(needle));
      assert.ok(cell, `no cell with ${needle}`);
      const text = await hoverText(cell.document.uri, positionOf(cell.document, needle, 8));
      assert.match(text, CONVENTION_TEXT[convention], `notebook cell "${needle}":\n${text}`);
    }
  });
});
