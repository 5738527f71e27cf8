import * as assert from 'node:assert/strict';
import { analyzePython, findingAt } from '../../src/core/analysis';

const only = (text: string, symbol: string) => analyzePython(text).filter((f) => f.symbol === symbol);

describe('analysis: torch calls through aliases', () => {
  it('resolves import aliases and module constants', () => {
    const text = [
      'from torch.nn import CrossEntropyLoss as CE',
      'import torch.nn.functional as Fn',
      'from torch import nn',
      'SMOOTH = 0.05',
      'a = CE(label_smoothing=SMOOTH)',
      'b = Fn.cross_entropy(x, y, None, None, -100, None, "mean", 0.2)',
      'c = nn.NLLLoss(ignore_index=0)',
      'd = torch.nn.BCEWithLogitsLoss(pos_weight=w)',
    ].join('\n');
    const [a] = only(text, 'CE');
    assert.equal(a.convention, 'uniform');
    assert.equal(a.epsilon, 0.05);
    assert.equal(a.torchEquivalent, 'nn.CrossEntropyLoss(label_smoothing=0.05)');
    const [b] = only(text, 'Fn.cross_entropy');
    assert.equal(b.epsilon, 0.2);
    assert.equal(only(text, 'nn.NLLLoss')[0].details?.ignoreIndex, 0);
    assert.equal(
      only(text, 'torch.nn.BCEWithLogitsLoss')[0].details?.lossKind,
      'binary_cross_entropy_with_logits',
    );
  });

  it('links an instance call (also via self) to its construction', () => {
    const text = [
      'import torch.nn as nn',
      'class M(nn.Module):',
      '    def __init__(self):',
      '        self.loss = nn.CrossEntropyLoss(label_smoothing=0.1)',
      '    def forward(self, x, y):',
      '        return self.loss(self.head(x), y)',
    ].join('\n');
    const [call] = only(text, 'self.loss');
    assert.equal(call.line, 6);
    assert.equal(call.epsilon, 0.1);
    assert.deepEqual(call.details?.definedAt, { line: 4, column: 21 });
  });

  it('recognises tensor methods and findingAt picks the innermost finding', () => {
    const text = 'import torch.nn.functional as F\nloss = F.nll_loss(x.log_softmax(dim=1), y)\n';
    const findings = analyzePython(text);
    assert.equal(findingAt(findings, 2, 21)?.symbol, '.log_softmax');
    assert.equal(findingAt(findings, 2, 9)?.symbol, 'F.nll_loss');
    assert.equal(findingAt(findings, 1, 1), null);
  });

  it('still finds losses in files with syntax errors', () => {
    const text = [
      'import torch.nn.functional as F',
      'def broken(:',
      '    x = = 2',
      'class Smooth:',
      '    def __init__(self, eps=0.1):',
      '        self.eps = eps',
      '    def forward(self, x, y):',
      '        lp = F.log_softmax(x, dim=-1)',
      '        return (1 - self.eps) * F.nll_loss(lp, y) + self.eps * (-lp.mean(dim=-1)).mean()',
      'crit = F.cross_entropy(x, y, label_smoothing=0.3',
    ].join('\n');
    const findings = analyzePython(text);
    const smooth = findings.find((f) => f.symbol === 'Smooth');
    assert.equal(smooth?.convention, 'uniform');
    assert.equal(smooth?.epsilon, 0.1);
    assert.ok(findings.some((f) => f.symbol === 'F.cross_entropy'));
  });
});

describe('analysis: decided by the math, never by the name', () => {
  const body = (fill: string) =>
    [
      'import torch',
      'import torch.nn.functional as F',
      'class LabelSmoothingLoss:',
      '    def __init__(self, smoothing=0.1):',
      '        self.smoothing = smoothing',
      '    def forward(self, x, y):',
      '        lp = F.log_softmax(x, dim=-1)',
      '        q = torch.zeros_like(lp)',
      `        q.fill_(${fill})`,
      '        q.scatter_(1, y.unsqueeze(1), 1 - self.smoothing)',
      '        return (-q * lp).sum(dim=-1).mean()',
    ].join('\n');

  it('same class name, different maths', () => {
    const kMinus1 = analyzePython(body('self.smoothing / (x.size(-1) - 1)')).find(
      (f) => f.symbol === 'LabelSmoothingLoss',
    );
    const other = analyzePython(body('self.smoothing / x.size(-1)')).find(
      (f) => f.symbol === 'LabelSmoothingLoss',
    );
    assert.equal(kMinus1?.convention, 'k_minus_1');
    assert.equal(other?.convention, 'other');
  });

  it('a renamed class with renamed variables is still recognised', () => {
    const text = body('self.smoothing / (x.size(-1) - 1)')
      .replace(/LabelSmoothingLoss/g, 'Foo')
      .replace(/smoothing/g, 'zz')
      .replace(/\blp\b/g, 'a');
    const f = analyzePython(text).find((x) => x.symbol === 'Foo');
    assert.equal(f?.convention, 'k_minus_1');
    assert.equal(f?.epsilonParam, 'zz');
  });

  it('a torch loss class held in a variable (picked by a flag) and constructed later is that loss', () => {
    const text = [
      'from torch import nn',
      'class Heads(nn.Module):',
      '    def __init__(self, eps=0.1, binary=False):',
      '        super().__init__()',
      '        criterion = nn.BCEWithLogitsLoss if binary else nn.CrossEntropyLoss',
      '        self.first = criterion(label_smoothing=eps) if not binary else criterion()',
      '    def __call__(self, pred, target):',
      '        return self.first(pred[0], target[0])',
      '',
      'class Plain(nn.Module):',
      '    def __init__(self, binary=True):',
      '        super().__init__()',
      '        loss = nn.BCEWithLogitsLoss if binary else nn.CrossEntropyLoss',
      '        self.ce = loss()',
      '    def forward(self, pred, target):',
      '        return self.ce(pred, target)',
    ].join('\n');
    const findings = analyzePython(text);
    const heads = findings.find((x) => x.symbol === 'Heads');
    assert.equal(heads?.convention, 'uniform');
    assert.equal(heads?.epsilonParam, 'eps');
    const plain = findings.find((x) => x.symbol === 'Plain');
    assert.equal(plain?.convention, 'none');
    assert.equal(plain?.details?.lossKind, 'custom');
  });

  it('a torch function imported by name and held in a variable (picked by a flag) is called as itself', () => {
    const text = [
      'import torch',
      'from torch.nn.functional import binary_cross_entropy, binary_cross_entropy_with_logits, cross_entropy',
      'def cls_loss(pred, labels, normalized, eps=0.1):',
      '    bce_func = binary_cross_entropy if normalized else binary_cross_entropy_with_logits',
      '    t = torch.nn.functional.one_hot(labels, pred.shape[-1]).to(pred.dtype)',
      '    t = (eps / 2) + t * (1.0 - eps)',
      '    return bce_func(pred, t, reduction="sum")',
      '',
      'def ce_alias(logits, y):',
      '    fn = cross_entropy',
      '    return fn(logits, y, label_smoothing=0.1)',
    ].join('\n');
    const findings = analyzePython(text);
    const bce = findings.find((x) => x.symbol === 'cls_loss');
    assert.equal(bce?.convention, 'binary');
    assert.equal(bce?.epsilonParam, 'eps');
    const ce = findings.find((x) => x.symbol === 'ce_alias');
    assert.equal(ce?.convention, 'uniform');
    assert.equal(ce?.torchEquivalent, 'nn.CrossEntropyLoss(label_smoothing=0.1)');
  });
});
