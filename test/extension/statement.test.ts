import * as assert from 'node:assert/strict';
import { analyzePython, type Finding } from '../../src/core/analysis';
import { constructionReplacement, equivalentStatements } from '../../src/core/explain/statement';

const HEADER = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';

function lossNamed(source: string, symbol: string, line?: number): Finding {
  const found = analyzePython(source).find(
    (f) => f.kind === 'loss' && f.symbol === symbol && (line === undefined || f.line === line),
  );
  assert.ok(found, symbol);
  return found;
}

describe('insert equivalent: statements a person keeps', () => {
  const kMinus1 = `${HEADER}
class LabelSmoothingLoss(nn.Module):
    def __init__(self, classes, smoothing=0.0):
        super().__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=-1)
        true_dist = torch.zeros_like(pred)
        true_dist.fill_(self.smoothing / (self.cls - 1))
        true_dist.scatter_(1, target.data.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-true_dist * pred, dim=-1))
`;

  it("assigns the criterion with the hover's ε and the file's K filled in", () => {
    const finding = lossNamed(kMinus1, 'LabelSmoothingLoss');
    assert.deepEqual(equivalentStatements(finding, kMinus1, 0.1), [
      'criterion = nn.CrossEntropyLoss(label_smoothing=0.1 * K / (K - 1))  # set K to the number of classes',
    ]);
    const withK = `NUM_CLASSES = 10\n${kMinus1}`;
    assert.deepEqual(equivalentStatements(lossNamed(withK, 'LabelSmoothingLoss'), withK, 0.1), [
      'criterion = nn.CrossEntropyLoss(label_smoothing=0.1 * 10 / (10 - 1))',
    ]);
  });

  it('keeps a call that needs the loss’s locals as a comment, without self.', () => {
    const bce = `${HEADER}
class SmoothBCEWithLogits(nn.Module):
    def __init__(self, alpha=0.1, pos_weight=None):
        super().__init__()
        self.alpha = alpha
        self.pos_weight = pos_weight

    def forward(self, logits, target):
        soft = target * (1.0 - self.alpha) + 0.5 * self.alpha
        return F.binary_cross_entropy_with_logits(logits, soft, pos_weight=self.pos_weight)
`;
    assert.deepEqual(equivalentStatements(lossNamed(bce, 'SmoothBCEWithLogits'), bce, 0.1), [
      'criterion = nn.BCEWithLogitsLoss(pos_weight=pos_weight)',
      '# loss = criterion(logits, target * (1 - 0.1) + 0.1 / 2)',
    ]);
  });

  it('replaces a construction of the file’s class by the torch module, when it is complete', () => {
    const built = `${kMinus1}\ncriterion = LabelSmoothingLoss(classes=5, smoothing=0.5)\n`;
    const site = lossNamed(built, 'LabelSmoothingLoss', 19);
    assert.equal(constructionReplacement(site, built, 0.1), 'nn.CrossEntropyLoss(label_smoothing=0.625)');
    assert.deepEqual(equivalentStatements(site, built, 0.1), [
      'torch_criterion = nn.CrossEntropyLoss(label_smoothing=0.625)',
    ]);
  });
});
