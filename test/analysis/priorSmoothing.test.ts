import { strict as assert } from 'node:assert';
import { analyzePython } from '../../src/core/analysis';

const HEAD = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n';

function lossOf(source: string, symbol: string) {
  const found = analyzePython(HEAD + source).find((f) => f.kind === 'loss' && f.symbol === symbol);
  assert.ok(found, `${symbol} is reported`);
  return found;
}

describe('analysis: hand-written smoothing toward a prior', () => {
  it('(1 - eps) * onehot + eps * prior is the prior convention, with its torch equivalent', () => {
    const f = lossOf(
      `def prior_ce(logits, target, prior, eps=0.1):
    onehot = F.one_hot(target, logits.size(-1)).float()
    q = (1 - eps) * onehot + eps * prior
    return -(q * F.log_softmax(logits, dim=-1)).sum(-1).mean()
`,
      'prior_ce',
    );
    assert.equal(f.convention, 'prior');
    assert.equal(f.epsilon, 0.1);
    assert.equal(f.epsilonParam, 'eps');
    assert.equal(
      f.torchEquivalent,
      'nn.CrossEntropyLoss()(logits, (1 - eps) * F.one_hot(target, logits.size(-1)).to(logits.dtype) + eps * prior)',
    );
    assert.match(f.message, /label smoothing toward a prior/);
  });

  it('also from class frequencies in a buffer, and summed over the batch then divided by its size', () => {
    const cls = lossOf(
      `class PriorSmoothingLoss(nn.Module):
    def __init__(self, class_counts, smoothing=0.2):
        super().__init__()
        self.smoothing = smoothing
        self.register_buffer('prior', class_counts / class_counts.sum())

    def forward(self, logits, target):
        onehot = F.one_hot(target, logits.size(-1)).float()
        q = (1 - self.smoothing) * onehot + self.smoothing * self.prior
        return F.cross_entropy(logits, q)
`,
      'PriorSmoothingLoss',
    );
    assert.equal(cls.convention, 'prior');
    assert.equal(cls.epsilon, 0.2);
    const perRow = lossOf(
      `def prior_sum(logits, target, prior, eps=0.1):
    q = (1 - eps) * F.one_hot(target, logits.size(-1)) + eps * prior
    return -(q * F.log_softmax(logits, dim=-1)).sum() / logits.size(0)
`,
      'prior_sum',
    );
    assert.equal(perRow.convention, 'prior');
    assert.ok(perRow.torchEquivalent, 'a sum over the batch divided by its size is a mean');
  });

  it('uniform, K−1, numbers and unsmoothed targets are not a prior', () => {
    const cases: [string, string, string | null][] = [
      [
        `def uniform_ls(logits, target, eps=0.1):
    n = logits.size(-1)
    q = (1 - eps) * F.one_hot(target, n) + eps / n
    return -(q * F.log_softmax(logits, dim=-1)).sum(-1).mean()
`,
        'uniform_ls',
        'uniform',
      ],
      [
        `def k1(logits, target, classes, eps=0.1):
    logp = F.log_softmax(logits, dim=-1)
    true_dist = torch.zeros_like(logp)
    true_dist.fill_(eps / (classes - 1))
    true_dist.scatter_(1, target.unsqueeze(1), 1 - eps)
    return torch.mean(torch.sum(-true_dist * logp, dim=-1))
`,
        'k1',
        'k_minus_1',
      ],
      [
        `def scaled(logits, target, eps=0.1, share=0.25):
    q = (1 - eps) * F.one_hot(target, logits.size(-1)) + eps * share
    return -(q * F.log_softmax(logits, dim=-1)).sum(-1).mean()
`,
        'scaled',
        null,
      ],
    ];
    for (const [source, symbol, convention] of cases) {
      const f = analyzePython(HEAD + source).find((x) => x.kind === 'loss' && x.symbol === symbol);
      if (convention === null) assert.notEqual(f?.convention, 'prior', symbol);
      else assert.equal(f?.convention, convention, symbol);
    }
  });
});
