import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzePython, type Finding } from '../../src/core/analysis';
import { explainFinding } from '../../src/core/explain';
import { lossFinding, pitfallFinding } from './support/findings';

const LINKS = {
  openPlayground: 'lossLens.openPlayground',
  compareConventions: 'lossLens.compareConventions',
};
const full = { detail: 'full', defaultEpsilon: 0.1, links: LINKS } as const;
const explain = (finding: Finding): string => explainFinding(finding, full);
const torchCall = (details: Finding['details']): Finding =>
  lossFinding({ symbol: 'F.x', convention: 'none', epsilon: null, torchEquivalent: null, details });

/** The hover of the finding whose message starts with `start`, from a real analysis of `code`. */
function hoverOf(code: string, start: RegExp): string {
  const finding = analyzePython(code).find((f) => start.test(f.message));
  assert.ok(finding, `no finding matching ${start}`);
  return explain(finding);
}

describe('explain: ε = 0 and ε outside [0, 1]', () => {
  const kMinus1 = {
    convention: 'k_minus_1',
    epsilon: 0,
    details: { lossKind: 'custom', classes: 5 },
  } as const;

  it('shows the smoothed target of a class whose ε defaults to 0 at the default ε, and says so', () => {
    const text = explain(lossFinding(kMinus1));
    assert.match(text, /ε defaults to 0 here; shown at ε = 0\.1/);
    assert.match(text, /\| 0\.9 \| 0\.025 \| 0\.025 \| 0\.025 \| 0\.025 \|/);
    assert.match(text, /logit gap of 3\.5835/);
    assert.doesNotMatch(text, /\| 1 \| 0 \|/, 'no one-hot table');
  });

  it('says "is 0" (not "defaults to") where an instance of the class is used', () => {
    const text = explain(
      lossFinding({ ...kMinus1, details: { ...kMinus1.details, definedAt: { line: 1, column: 1 } } }),
    );
    assert.match(text, /ε is 0 here; shown at ε = 0\.1/);
  });

  it('shows no table, gap or torch call for ε outside [0, 1], only why', () => {
    const text = explain(
      lossFinding({ epsilon: 1.5, torchEquivalent: 'nn.CrossEntropyLoss(label_smoothing=1.5)' }),
    );
    assert.doesNotMatch(text, /Smoothed target|NaN|logit gap|```python/);
    assert.match(text, /ε = 1\.5 lies outside \[0, 1\]/);
  });
});

describe('explain: first line, title and torch call', () => {
  it('reads naturally for a hand-written class and keeps its code spans as code', () => {
    const source = readFileSync('sample-workspace/losses/k_minus_1_smoothing.py', 'utf8');
    const text = hoverOf(source, /^Loss class with K−1/);
    const firstLine = text.split('\n\n')[1]!;
    assert.match(firstLine, /^Loss class with K−1 label smoothing\\: true class 1−ε/);
    assert.match(firstLine, /ε is `smoothing` = 0/, 'the parameter is a code span, not escaped backticks');
  });

  it('does not repeat the symbol of a torch call in the first line', () => {
    const text = hoverOf(
      'import torch.nn as nn\nc = nn.CrossEntropyLoss(label_smoothing=0.2)\n',
      /^nn\.Cross/,
    );
    assert.match(text, /^\*\*Loss Lens\*\* · `nn\.CrossEntropyLoss`\n\nCross\\-entropy on logits/);
  });

  it('names the binary parameter α, not ε', () => {
    const text = explain(lossFinding({ convention: 'binary', epsilon: 0.1, torchEquivalent: null }));
    assert.match(text, /Smoothed target\*\* \(α = 0\.1\)/);
    assert.doesNotMatch(text, /K = /, 'K means nothing for binary targets');
  });

  it('gives a numeric label_smoothing = ε·K/(K−1) when the code fixes K', () => {
    const code = [
      'import torch',
      'class KM1(torch.nn.Module):',
      '    def __init__(self, classes, smoothing=0.0):',
      '        super().__init__()',
      '        self.confidence = 1.0 - smoothing',
      '        self.smoothing = smoothing',
      '        self.cls = classes',
      '    def forward(self, pred, target):',
      '        pred = pred.log_softmax(dim=-1)',
      '        true_dist = torch.zeros_like(pred)',
      '        true_dist.fill_(self.smoothing / (self.cls - 1))',
      '        true_dist.scatter_(1, target.unsqueeze(1), self.confidence)',
      '        return torch.mean(torch.sum(-true_dist * pred, dim=-1))',
      'criterion = KM1(classes=5, smoothing=0.5)',
    ].join('\n');
    const text = hoverOf(code, /^Constructs KM1/);
    assert.match(text, /```python\nnn\.CrossEntropyLoss\(label_smoothing=0\.625\)\n```/);
  });

  it('explains an unfixed K in a comment so the call stays copyable', () => {
    const torchEquivalent = 'nn.CrossEntropyLoss(label_smoothing=0.3 * K / (K - 1))';
    const text = explain(lossFinding({ convention: 'k_minus_1', epsilon: 0.3, torchEquivalent }));
    assert.match(
      text,
      /```python\nnn\.CrossEntropyLoss\(label_smoothing=0\.3 \* K \/ \(K - 1\)\) {2}# set K to the number of classes\n```/,
    );
  });

  it('calls the K−2 padding equivalent approximate and says why', () => {
    const code = readFileSync(require.resolve('../analysis/realworld/opennmt_loss.py'), 'utf8');
    const finding = analyzePython(code).find((f) => f.convention === 'k_minus_2_padding');
    assert.equal(finding?.torchEquivalent, null, 'no torch call computes padding-aware smoothing exactly');
    const text = explain(finding as Finding);
    assert.match(text, /Closest torch call/);
    assert.match(text, /padding class included/);
  });

  it('states a pitfall once, with its quick fix, when the pitfall is the hover', () => {
    const text = explainFinding(pitfallFinding({ fix: { title: 'Pass logits', edits: [] } }), full);
    assert.doesNotMatch(text, /Pitfalls here/);
    assert.match(text, /cross\\_entropy applies log\\_softmax itself Quick fix: Pass logits\./);
  });

  it('links softmax / log_softmax to nothing, losses to the playground and the comparison', () => {
    assert.doesNotMatch(explain(torchCall({ lossKind: 'softmax' })), /command:/);
    assert.match(explain(torchCall({ lossKind: 'nll_loss' })), /Open in playground.*Compare conventions/);
  });
});

describe('explain: PyTorch semantics only where the options make them relevant', () => {
  it('says nothing extra for a plain cross_entropy', () => {
    assert.doesNotMatch(
      explain(torchCall({ lossKind: 'cross_entropy', reduction: 'mean' })),
      /PyTorch semantics/,
    );
  });

  it('explains the weighted mean only for mean reduction', () => {
    const sum = explain(torchCall({ lossKind: 'cross_entropy', weight: true, reduction: 'sum' }));
    assert.doesNotMatch(sum, /Σ w\[y_i\]/);
    assert.match(explain(torchCall({ lossKind: 'nll_loss', weight: true })), /divides by Σ w\[y_i\], not N/);
  });

  it('explains ignored rows when ignore_index is passed, the smoothing term only with label_smoothing', () => {
    const plain = explain(torchCall({ lossKind: 'nll_loss', hasIgnoreIndex: true }));
    assert.match(plain, /excluded from the loss and the mean's denominator; probability targets cannot use/);
    const smoothed = explain(torchCall({ lossKind: 'cross_entropy', ignoreIndex: 0, labelSmoothing: 0.1 }));
    assert.match(smoothed, /\(0\) are excluded from the loss, the smoothing term and the mean's denominator/);
  });

  it("contrasts kl_div 'mean' with 'batchmean'", () => {
    assert.match(
      explain(torchCall({ lossKind: 'kl_div', reduction: 'mean' })),
      /not the KL divergence; use `'batchmean'`/,
    );
    assert.match(
      explain(torchCall({ lossKind: 'kl_div', reduction: 'batchmean' })),
      /divides the sum by the batch size/,
    );
    assert.doesNotMatch(explain(torchCall({ lossKind: 'kl_div', reduction: 'sum' })), /PyTorch semantics/);
  });

  it('mentions pos_weight broadcasting only when pos_weight is passed', () => {
    assert.doesNotMatch(explain(torchCall({ lossKind: 'binary_cross_entropy_with_logits' })), /broadcasts/);
    const text = explain(torchCall({ lossKind: 'binary_cross_entropy_with_logits', posWeight: true }));
    assert.match(text, /broadcasts over the last dimension/);
  });

  it('records pos_weight and an ignore_index of unknown value from the code', () => {
    const code = [
      'import torch.nn as nn',
      'import torch.nn.functional as F',
      'bce = nn.BCEWithLogitsLoss(pos_weight=w)',
      'def f(x, t, pad): return F.nll_loss(x, t, ignore_index=pad)',
    ].join('\n');
    assert.match(hoverOf(code, /^nn\.BCEWithLogitsLoss/), /broadcasts over the last dimension/);
    assert.match(hoverOf(code, /^F\.nll_loss/), /`ignore_index` are excluded/);
  });
});
