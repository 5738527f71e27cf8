// Losses on hard labels written the ways real projects write them (margin heads with a softmax written by hand,
// losses inherited through classes of the file, hard-example mining), each on a snippet written for this test:
// the finding must say `none` (no smoothing), never stay silent. Conventions derived by hand.
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import math', 'import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

describe('analysis: hard-label losses written by hand or through other classes', () => {
  describe('softmax cross-entropy over margin logits written by hand', () => {
    const margins: [string, string[]][] = [
      [
        'additive margin on the diagonal of the columns picked by the labels',
        [
          'def am_loss(cosines, targets, scale=16.0, margin=0.3):',
          '    pos = scale * (torch.diagonal(cosines[:, targets]) - margin)',
          '    rest = cosines.masked_fill(F.one_hot(targets, cosines.size(1)).bool(), float("-inf"))',
          '    denom = pos.exp() + (scale * rest).exp().sum(dim=-1)',
          '    return (torch.log(denom) - pos).mean()',
        ],
      ],
      [
        'angular margin of the logit picked by arange and the labels, as a probability ratio',
        [
          'def am_loss(cosines, targets, scale=16.0, margin=0.3):',
          '    angles = torch.acos(cosines.clamp(-0.999, 0.999))',
          '    pos = torch.cos(angles[torch.arange(cosines.shape[0]), targets] + margin) * scale',
          '    denom = torch.exp(pos) + torch.exp(scale * cosines).sum(1)',
          '    return -torch.log(torch.exp(pos) / denom).sum() / cosines.shape[0]',
        ],
      ],
    ];
    for (const [what, source] of margins) {
      it(what, () => {
        const f = definition(source, 'am_loss');
        assert.equal(f?.convention, 'none');
        assert.equal(f?.torchEquivalent, null);
        assert.match(f?.details?.closestTorch?.why ?? '', /margin/);
      });
    }

    it('a picked logit without a normaliser around it is no loss', () => {
      const source = [
        'def picked(cosines, targets):',
        '    return cosines.acos()[torch.arange(cosines.shape[0]), targets].mean()',
      ];
      assert.equal(definition(source, 'picked'), undefined);
    });
  });

  it('static helpers handing values to one another by name compose a cross-entropy', () => {
    const source = [
      'class Steps:',
      '    @staticmethod',
      '    def shifted(scores):',
      '        top = scores.max(dim=-1)[0]',
      '        return scores - top.unsqueeze(-1), top',
      '',
      '    @staticmethod',
      '    def pieces(shifted, gold):',
      '        picked = shifted[torch.arange(shifted.size(0)), gold]',
      '        total = shifted.exp().sum(dim=-1)',
      '        return picked, total',
      '',
      '    @staticmethod',
      '    def combine(picked, total):',
      '        return total.log() - picked',
    ];
    assert.equal(definition(source, 'Steps')?.convention, 'none');
  });

  describe('classes deriving from a torch loss through classes of the file', () => {
    const source = [
      'class Squeezed(nn.CrossEntropyLoss):',
      '    def forward(self, logits, target):',
      '        return super().forward(logits, target[:, 0].long())',
      '',
      'class Hardest(Squeezed):',
      '    def __init__(self, weight=None, smooth=0.0, keep=0.25):',
      '        self.keep = keep',
      '        super().__init__(weight, None, -100, None, "none", smooth)',
      '',
      '    def forward(self, logits, target):',
      '        per_item = super().forward(logits, target)',
      '        top, _ = per_item.flatten().topk(int(per_item.numel() * self.keep))',
      '        return top.mean()',
    ];

    it("super() in an inherited method is the defining class's base; positional arguments reach the torch loss", () => {
      const f = definition(source, 'Hardest');
      assert.equal(f?.convention, 'uniform');
      assert.equal(f?.epsilonParam, 'smooth');
      assert.match(f?.details?.closestTorch?.why ?? '', /largest per-sample losses/);
    });

    it('the intermediate class is plain cross-entropy', () => {
      assert.equal(definition(source, 'Squeezed')?.convention, 'none');
    });
  });

  describe('losses collected in lists, dicts and comprehensions', () => {
    const collections: [string, string[]][] = [
      [
        'a dict filled item by item',
        [
          'def collect(out, y):',
          '    terms = {}',
          '    terms["main"] = F.nll_loss(out["main"].log_softmax(-1), y)',
          '    terms["side"] = 0.3 * F.nll_loss(out["side"].log_softmax(-1), y)',
          '    return terms',
        ],
      ],
      [
        'a list comprehension over the heads, stacked',
        [
          'def collect(heads, y):',
          '    per_head = [F.cross_entropy(h, y, ignore_index=-1) for h in heads if h is not None]',
          '    return torch.stack(per_head).sum()',
        ],
      ],
      [
        'a generator of weighted terms summed',
        [
          'def collect(heads, y, weights):',
          '    return sum(w * F.cross_entropy(h, y) for h, w in zip(heads, weights))',
        ],
      ],
      [
        'criteria held in a ModuleList built by a comprehension, looped over',
        [
          'class collect(nn.Module):',
          '    def __init__(self, n):',
          '        super().__init__()',
          '        self.heads = nn.ModuleList([nn.CrossEntropyLoss(reduction="sum") for _ in range(n)])',
          '',
          '    def forward(self, outs, ys):',
          '        total = 0.0',
          '        for crit, o, t in zip(self.heads, outs, ys):',
          '            total += crit(o, t)',
          '        return total',
        ],
      ],
      [
        'a dict updated with keyword values, summed over its values',
        [
          'def collect(a, b, y):',
          '    parts = dict()',
          '    parts.update(first=F.cross_entropy(a, y), second=F.cross_entropy(b, y))',
          '    return sum(parts.values())',
        ],
      ],
    ];
    for (const [what, source] of collections) {
      it(what, () => assert.equal(definition(source, 'collect')?.convention, 'none'));
    }

    it('torch.where keeping the loss on valid rows (zeros elsewhere)', () => {
      const source = [
        'def collect(z, t, pad=-1):',
        '    keep = t != pad',
        "    per_row = F.cross_entropy(z, t.clamp(min=0), reduction='none')",
        '    return torch.where(keep, per_row, torch.zeros_like(per_row)).sum() / keep.sum()',
      ];
      assert.equal(definition(source, 'collect')?.convention, 'none');
    });

    it('a record of the file (a dataclass without forward) returned with the losses in it', () => {
      const source = [
        'class Parts:',
        '    def __init__(self, cls, box):',
        '        self.cls, self.box = cls, box',
        '',
        'def collect(z, t, b, g):',
        '    return Parts(F.cross_entropy(z, t, reduction="sum"), (b - g).abs().mean())',
      ];
      assert.equal(definition(source, 'collect')?.convention, 'none');
    });

    it('a loss class constructed and called in one expression', () => {
      const source = [
        'class Stable(nn.Module):',
        '    def forward(self, x, t):',
        '        return (x.clamp(min=0) - x * t + torch.log1p(torch.exp(-x.abs()))).mean()',
        '',
        'def flat(x, t):',
        '    return Stable()(x.view(-1), t.view(-1).float())',
      ];
      assert.equal(definition(source, 'flat')?.convention, 'none');
    });
  });

  describe('labels written as signs, or read through their log', () => {
    it('±1 pair labels from the identity times the similarities, then softplus or logsigmoid: BCE on hard pairs', () => {
      const pairs = (loss: string) => [
        'def pairs(u, v, t=5.0):',
        '    sims = t * (u @ v.T)',
        '    sign = 2.0 * torch.eye(sims.shape[0]) - torch.ones_like(sims)',
        `    return ${loss}`,
      ];
      for (const loss of ['F.softplus(-sign * sims).sum()', '-F.logsigmoid(sims * sign).sum()']) {
        const f = definition(pairs(loss), 'pairs');
        assert.equal(f?.convention, 'none', loss);
        assert.equal(f?.torchEquivalent, "nn.BCEWithLogitsLoss(reduction='sum')(logits, target)", loss);
      }
    });

    it('signs that are not ±1 are no hard labels', () => {
      const source = [
        'def pairs(u, v):',
        '    sims = u @ v.T',
        '    sign = 1.8 * torch.eye(sims.shape[0]) - 0.9',
        '    return F.softplus(-sign * sims).sum()',
      ];
      assert.notEqual(definition(source, 'pairs')?.convention, 'none');
    });

    it('the identity as the target of log-probabilities (CLIP written by hand) is a hard target', () => {
      const source = [
        'def pairs(u, v):',
        '    logp = (u @ v.T).log_softmax(dim=1)',
        '    return -(torch.eye(u.shape[0]) * logp).sum(1).mean()',
      ];
      assert.equal(definition(source, 'pairs')?.convention, 'none');
    });

    it("reverse cross-entropy: the model's probabilities times the log of a clamped one-hot", () => {
      const source = [
        'def reverse(x, y, k):',
        '    q = torch.zeros(x.shape[0], k).scatter_(1, y[:, None], 1.0).clamp(1e-6, 1.0)',
        '    return (-1.0 * (x.softmax(1) * q.log()).sum(1)).mean()',
      ];
      assert.equal(definition(source, 'reverse')?.convention, 'none');
    });
  });

  describe("the model's probability of the true class, picked by hand", () => {
    const picks: [string, string[]][] = [
      [
        'gathered from softmax, minus the log, averaged',
        [
          'def picked(z, t):',
          '    p = z.softmax(-1).gather(-1, t[:, None]).squeeze(-1)',
          '    return -p.log().mean()',
        ],
      ],
      [
        'indexed with a Python range, then the log of it',
        [
          'def picked(z, t):',
          '    p = F.softmax(z, 1)',
          '    return -torch.log(p[range(z.shape[0]), t] + 1e-9).mean()',
        ],
      ],
    ];
    for (const [what, source] of picks) {
      it(what, () => {
        const f = definition(source, 'picked');
        assert.equal(f?.convention, 'none');
        assert.equal(f?.torchEquivalent, 'nn.CrossEntropyLoss()');
      });
    }

    it('log-sum-exp minus the logit picked with a Python range', () => {
      const source = [
        'def picked(z, t):',
        '    n = z.shape[0]',
        '    return (torch.logsumexp(z, 1) - z[range(n), t]).sum() / n',
      ];
      assert.equal(definition(source, 'picked')?.convention, 'none');
    });

    it('the mean of p_y is an accuracy, not a loss; minus its mean log is one', () => {
      const pY = ['def picked(z, t):', '    p = z.softmax(1)[torch.arange(z.shape[0]), t]'];
      assert.equal(definition([...pY, '    return p.mean()'], 'picked'), undefined);
      assert.equal(definition([...pY, '    return -torch.log(p).mean()'], 'picked')?.convention, 'none');
    });
  });

  describe('torch and library losses on hard labels', () => {
    it('the multi-label soft margin loss is BCE-with-logits on the multi-hot labels', () => {
      const source = [
        'def tags(x, y, k):',
        '    multi_hot = torch.zeros(x.size(0), k).scatter_(1, y, 1.0)',
        '    return nn.MultiLabelSoftMarginLoss()(x, multi_hot)',
      ];
      const f = definition(source, 'tags');
      assert.equal(f?.convention, 'none');
      assert.equal(f?.torchEquivalent, 'nn.BCEWithLogitsLoss()(logits, target)');
    });

    it('the deprecated NLLLoss2d is NLLLoss: focal weights on log-probabilities of hard labels are no smoothing', () => {
      const source = [
        'class SoftFocal(nn.Module):',
        '    def __init__(self, gamma=2, weight=None):',
        '        super().__init__()',
        '        self.gamma = gamma',
        '        self.nll = torch.nn.NLLLoss2d(weight)',
        '    def forward(self, x, y):',
        '        return self.nll((1 - F.softmax(x, 1)) ** self.gamma * F.log_softmax(x, 1), y)',
      ];
      assert.equal(definition(source, 'SoftFocal')?.convention, 'none');
    });

    it('tensor-parallel cross-entropy of Megatron-style libraries: plain by default, ε/(K−1) with label_smoothing', () => {
      const head = ['from megatron.core.tensor_parallel import vocab_parallel_cross_entropy', ''];
      const plain = [
        ...head,
        'def lm(logits, tokens):',
        '    return vocab_parallel_cross_entropy(logits, tokens).mean()',
      ];
      assert.equal(definition(plain, 'lm')?.convention, 'none');
      const smoothed = [
        ...head,
        'def lm(logits, tokens, ls=0.1):',
        '    return vocab_parallel_cross_entropy(logits, tokens, label_smoothing=ls).mean()',
      ];
      assert.equal(definition(smoothed, 'lm')?.convention, 'k_minus_1');
    });

    it('a pytorch-metric-learning margin loss subclass without a forward inherits its cross-entropy', () => {
      const source = [
        'from pytorch_metric_learning.losses import CosFaceLoss',
        '',
        'class Wider(CosFaceLoss):',
        '    def scale_logits(self, logits, *_):',
        '        return logits * 2.0 * self.scale',
      ];
      assert.equal(definition(source, 'Wider')?.convention, 'none');
    });
  });

  it('a parameter defaulting to None with a number beside it (`64.0 if not s else s`) is a number: a scale, a smoothing', () => {
    const margin = definition(
      [
        'class CosMargin(nn.Module):',
        '    def __init__(self, s=None, m=None):',
        '        super().__init__()',
        '        self.s = 64.0 if not s else s',
        '        self.m = 0.4 if not m else m',
        '    def forward(self, wf, labels):',
        '        numerator = self.s * (torch.diagonal(wf.transpose(0, 1)[labels]) - self.m)',
        '        others = torch.cat([torch.cat((wf[i, :y], wf[i, y + 1:])).unsqueeze(0) for i, y in enumerate(labels)], dim=0)',
        '        denominator = torch.exp(numerator) + torch.sum(torch.exp(self.s * others), dim=1)',
        '        return -torch.mean(numerator - torch.log(denominator))',
      ],
      'CosMargin',
    );
    assert.equal(margin?.convention, 'none');
    const smoothing = definition(
      [
        'class Smoothed(nn.Module):',
        '    def __init__(self, classes, smoothing=None):',
        '        super().__init__()',
        '        self.smoothing = 0.1 if not smoothing else smoothing',
        '        self.k = classes',
        '    def forward(self, x, y):',
        '        q = F.one_hot(y, self.k).float() * (1 - self.smoothing) + self.smoothing / self.k',
        '        return -(q * F.log_softmax(x, -1)).sum(-1).mean()',
      ],
      'Smoothed',
    );
    assert.equal(smoothing?.convention, 'uniform');
  });
});
