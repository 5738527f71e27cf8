// Spellings the metamorphic suite's later transform families (scripts/corpus/rewrite_idioms.py) showed the analysis
// missing, each on code written for this test.
import * as assert from 'node:assert/strict';
import { analyzePython } from '../../src/core/analysis';
import { definitionAt } from './helpers';

const conventionOf = (code: string, line: number) => {
  const f = definitionAt(analyzePython(code), line);
  return [f.symbol, f.convention, f.epsilon];
};

describe('analysis: rewritten spellings keep the convention', () => {
  it('a walrus binds its name where it stands: `(log_probs := F.log_softmax(x, -1))` is read later', () => {
    const code = `import torch.nn.functional as F

def smoothed(logits, target, eps=0.1):
    k = logits.shape[-1]
    q = (1.0 - eps) * (hot := F.one_hot(target, k).to(logits.dtype)) + eps / k
    return -(q * (log_probs := F.log_softmax(logits, dim=-1))).sum(-1).mean() + 0 * log_probs.sum() * hot.sum()
`;
    assert.deepEqual(conventionOf(code, 3), ['smoothed', 'uniform', 0.1]);
  });

  it('torch.mul / torch.multiply / torch.sub are the products and differences they spell', () => {
    const code = `import torch
import torch.nn.functional as F

def smooth_bce(logits, labels, smoothing=0.1):
    y = torch.add(torch.mul(labels, torch.sub(1, smoothing)), 0.5 * smoothing)
    pos = torch.mul(F.logsigmoid(logits), y)
    neg = torch.multiply(F.logsigmoid(-logits), 1 - y)
    return -(pos + neg).mean()
`;
    assert.deepEqual(conventionOf(code, 4), ['smooth_bce', 'binary', 0.1]);
  });

  it('ε read from a config object the class builds: a dataclass default, a keyword, an __init__ store', () => {
    const code = `from dataclasses import dataclass
import torch
import torch.nn as nn
import torch.nn.functional as F

@dataclass
class LossConfig:
    name: str = 'ls'
    smoothing: float = 0.2

class Holder:
    def __init__(self, smoothing):
        self.smoothing = smoothing

class FromDefault(nn.Module):
    def __init__(self):
        super().__init__()
        self.cfg = LossConfig()

    def forward(self, x, y):
        k = x.size(-1)
        q = torch.full_like(x, self.cfg.smoothing / (k - 1))
        q.scatter_(1, y.unsqueeze(1), 1 - self.cfg.smoothing)
        return -(q * F.log_softmax(x, -1)).sum(-1).mean()

class FromKeyword(nn.Module):
    def __init__(self, smoothing=0.1):
        super().__init__()
        self.cfg = LossConfig(smoothing=smoothing)

    def forward(self, x, y):
        k = x.size(-1)
        q = torch.full_like(x, self.cfg.smoothing / k)
        q.scatter_(1, y.unsqueeze(1), 1 - self.cfg.smoothing + self.cfg.smoothing / k)
        return -(q * F.log_softmax(x, -1)).sum(-1).mean()

class FromInit(nn.Module):
    def __init__(self, smoothing=0.3):
        super().__init__()
        self.h = Holder(smoothing)

    def forward(self, x, y):
        k = x.size(-1)
        q = torch.full_like(x, self.h.smoothing / k)
        q.scatter_(1, y.unsqueeze(1), 1 - self.h.smoothing + self.h.smoothing / k)
        return -(q * F.log_softmax(x, -1)).sum(-1).mean()
`;
    assert.deepEqual(conventionOf(code, 15).slice(0, 2), ['FromDefault', 'k_minus_1']);
    assert.deepEqual(conventionOf(code, 26), ['FromKeyword', 'uniform', 0.1]);
    assert.deepEqual(conventionOf(code, 37), ['FromInit', 'uniform', 0.3]);
  });

  it("a classmethod's receiver is its first parameter whatever its name; a staticmethod has none", () => {
    const code = `import torch
import torch.nn as nn
import torch.nn.functional as F

class Smoothed(nn.Module):
    def __init__(self, eps=0.1):
        super().__init__()
        self.eps = eps
        self.confidence = 1.0 - eps

    @classmethod
    def targets(klass, x, y, eps, confidence):
        q = x.data.clone()
        q.fill_(eps / (x.size(-1) - 1))
        q.scatter_(1, y.unsqueeze(1), confidence)
        return q

    @staticmethod
    def log_probs(self):
        return F.log_softmax(self, dim=-1)

    def forward(self, x, y):
        lp = self.log_probs(x)
        return -(self.targets(lp, y, self.eps, self.confidence) * lp).sum(-1).mean()
`;
    assert.deepEqual(conventionOf(code, 5), ['Smoothed', 'k_minus_1', 0.1]);
  });
  it('ε kept as a buffer (`register_buffer("eps", torch.tensor(eps))`) computes as the number it holds', () => {
    const code = `import torch
import torch.nn as nn
import torch.nn.functional as F

class BufferedSmoothing(nn.Module):
    def __init__(self, eps=0.1):
        super().__init__()
        self.register_buffer('eps', torch.tensor(eps))

    def forward(self, x, y):
        k = x.size(-1)
        q = torch.zeros_like(x).fill_(self.eps / (k - 1))
        q.scatter_(1, y.unsqueeze(1), 1.0 - self.eps.item())
        return -(q * F.log_softmax(x, -1)).sum(-1).mean()
`;
    assert.deepEqual(conventionOf(code, 5), ['BufferedSmoothing', 'k_minus_1', 0.1]);
  });
  it('`if eps is None: eps = 0.0` with no else: the path that skips it has ε a number, so the smoothing stands', () => {
    const code = `import torch
import torch.nn.functional as F

def smoothed(x, y, eps=None):
    if eps is None:
        eps = 0.0
    q = torch.full_like(x, eps / (x.size(-1) - 1))
    q.scatter_(1, y.unsqueeze(1), 1 - eps)
    return -(q * F.log_softmax(x, -1)).sum(-1).mean()
`;
    assert.deepEqual(conventionOf(code, 4).slice(0, 2), ['smoothed', 'k_minus_1']);
  });

  it("`kwargs.get('smoothing', 0.1)` is a number of unknown value (never the fallback): the convention stands", () => {
    const code = `import torch
import torch.nn as nn
import torch.nn.functional as F

class FromKwargs(nn.Module):
    def __init__(self, **kwargs):
        super().__init__()
        self.smoothing = kwargs.get('smoothing', 0.1)

    def forward(self, x, y):
        k = x.size(-1)
        q = torch.full_like(x, self.smoothing / k)
        q.scatter_(1, y.unsqueeze(1), 1 - self.smoothing + self.smoothing / k)
        return -(q * F.log_softmax(x, -1)).sum(-1).mean()
`;
    assert.deepEqual(conventionOf(code, 5), ['FromKwargs', 'uniform', null]);
  });

  it('a @property read on self runs: `confidence` computed from ε by a property', () => {
    const code = `import torch
import torch.nn as nn
import torch.nn.functional as F

class WithProperty(nn.Module):
    def __init__(self, smoothing=0.1):
        super().__init__()
        self.smoothing = smoothing

    @property
    def confidence(self):
        return 1.0 - self.smoothing

    def forward(self, x, y):
        q = torch.full_like(x, self.smoothing / (x.size(-1) - 1))
        q = torch.where(F.one_hot(y, x.size(-1)).bool(), self.confidence, q)
        return -(q * F.log_softmax(x, -1)).sum(-1).mean()
`;
    assert.deepEqual(conventionOf(code, 5), ['WithProperty', 'k_minus_1', 0.1]);
  });
  it('`x.new_full(x.shape, v)` and `x.new_zeros(...)` are constant fills, like torch.full', () => {
    const code = `import torch.nn.functional as F

def from_new_full(x, y, eps=0.1):
    q = x.new_full(x.shape, eps / (x.size(-1) - 1))
    q.scatter_(1, y[:, None], 1 - eps)
    return -(q * x.log_softmax(-1)).sum(-1).mean()

def from_new_zeros(x, y, eps=0.1):
    k = x.size(-1)
    q = x.new_zeros(x.shape).fill_(eps / k)
    q.scatter_(1, y[:, None], 1 - eps + eps / k)
    return -(q * x.log_softmax(-1)).sum(-1).mean()
`;
    assert.deepEqual(conventionOf(code, 3), ['from_new_full', 'k_minus_1', 0.1]);
    assert.deepEqual(conventionOf(code, 8), ['from_new_zeros', 'uniform', 0.1]);
  });
  it('a subclass of a torch loss with no forward of its own is that loss, with what __init__ passed up', () => {
    const code = `import torch.nn as nn

class SmoothedCE(nn.CrossEntropyLoss):
    def __init__(self, eps=0.1):
        super().__init__(label_smoothing=eps)
`;
    assert.deepEqual(conventionOf(code, 3), ['SmoothedCE', 'uniform', 0.1]);
  });

  it('max/min bounds on ε leave ε (`eps = max(0.0, min(1.0, eps))`); of literals alone, the one picked', () => {
    const code = `import torch
import torch.nn.functional as F

def bounded(x, y, eps=0.1):
    eps = max(0.0, min(1.0, eps))
    k = max(2, 1)
    q = torch.full_like(x, eps / x.size(-1))
    q.scatter_(1, y.unsqueeze(1), 1 - eps + eps / x.size(-1))
    return -(q * F.log_softmax(x, -1)).sum(-1).mean() * (k - 1)
`;
    assert.deepEqual(conventionOf(code, 4), ['bounded', 'uniform', 0.1]);
  });

  it("ε in a dict or a namespace: `self.cfg['eps']` of `{'eps': eps}`, `self.opt.eps` of `SimpleNamespace(eps=eps)`", () => {
    const code = `from types import SimpleNamespace
import torch
import torch.nn as nn
import torch.nn.functional as F

class InDict(nn.Module):
    def __init__(self, eps=0.1):
        super().__init__()
        self.cfg = {'name': 'ls', 'eps': eps}

    def forward(self, x, y):
        k = x.size(-1)
        q = torch.full_like(x, self.cfg['eps'] / (k - 1))
        q.scatter_(1, y.unsqueeze(1), 1 - self.cfg['eps'])
        return -(q * F.log_softmax(x, -1)).sum(-1).mean()

class InNamespace(nn.Module):
    def __init__(self, eps=0.2):
        super().__init__()
        self.opt = SimpleNamespace(eps=eps)

    def forward(self, x, y):
        k = x.size(-1)
        q = torch.full_like(x, self.opt.eps / k)
        q.scatter_(1, y.unsqueeze(1), 1 - self.opt.eps + self.opt.eps / k)
        return -(q * F.log_softmax(x, -1)).sum(-1).mean()
`;
    assert.deepEqual(conventionOf(code, 6), ['InDict', 'k_minus_1', 0.1]);
    assert.deepEqual(conventionOf(code, 17), ['InNamespace', 'uniform', 0.2]);
  });
  it('a ternary between tuples keeps the tuple carrying the smoothed loss: `(loss, nll) if eps > 0 else (nll, nll)`', () => {
    const code = `def smoothed_pair(lprobs, target, epsilon, reduce=True):
    nll = -lprobs.gather(dim=-1, index=target.unsqueeze(-1)).squeeze(-1)
    smooth = -lprobs.sum(dim=-1)
    if reduce:
        nll = nll.sum()
        smooth = smooth.sum()
    eps_i = epsilon / lprobs.size(-1)
    loss = (1.0 - epsilon) * nll + eps_i * smooth
    return (loss, nll) if epsilon > 0 else (nll, nll)
`;
    assert.deepEqual(conventionOf(code, 1).slice(0, 2), ['smoothed_pair', 'uniform']);
  });
  it('KL with `log_target=True` takes the log of the smoothed target: the target is still that distribution', () => {
    const code = `import torch
import torch.nn.functional as F

def kl_logged(x, y, eps=0.1):
    k = x.size(-1)
    q = torch.full_like(x, eps / (k - 1))
    q.scatter_(1, y.unsqueeze(1), 1 - eps)
    return F.kl_div(F.log_softmax(x, -1), q.log(), reduction='batchmean', log_target=True)
`;
    assert.deepEqual(conventionOf(code, 4), ['kl_logged', 'k_minus_1', 0.1]);
  });
  it('torch.where on 0/1 labels between constant fills is a binary target, like between numbers', () => {
    const code = `import torch
import torch.nn.functional as F

def where_fills(x, t, eps=0.1):
    ts = torch.where(t > 0.5, torch.full_like(t, 1 - eps / 2), torch.full_like(t, eps / 2))
    return F.binary_cross_entropy_with_logits(x, ts, reduction='sum')
`;
    assert.deepEqual(conventionOf(code, 4), ['where_fills', 'binary', 0.1]);
  });
  it('`self.eps = eps or 0.1` (a None default) is a number, either of the two: the convention stands', () => {
    const code = `import torch
import torch.nn as nn
import torch.nn.functional as F

class OrDefault(nn.Module):
    def __init__(self, eps=None):
        super().__init__()
        self.eps = eps or 0.1

    def forward(self, x, y):
        k = x.size(-1)
        q = torch.full_like(x, self.eps / k)
        q.scatter_(1, y.unsqueeze(1), 1 - self.eps + self.eps / k)
        return -(q * F.log_softmax(x, -1)).sum(-1).mean()
`;
    assert.deepEqual(conventionOf(code, 5).slice(0, 2), ['OrDefault', 'uniform']);
  });

  it('probabilities made contiguous / detached / flattened to rows first are still the probabilities the hand-written BCE logs', () => {
    const code = `import torch
import torch.nn as nn

class BatchSmoothedBCE(nn.Module):
    def __init__(self, alpha):
        super().__init__()
        self.alpha = alpha

    def forward(self, probs, target):
        probs = probs.contiguous()
        n = target.max().item() + 1
        target = target * (1 - self.alpha) + self.alpha / n
        positive = -target * torch.log(probs + 1e-12)
        negative = -(1 - target) * torch.log(1 - probs + 1e-12)
        return (positive + negative).sum() / len(probs)
`;
    assert.deepEqual(conventionOf(code, 4)[1], 'batch_max_plus_1');
    for (const prepared of [
      'probs.detach().to(target)',
      'probs.view(-1, probs.size(-1))',
      'probs.reshape(-1, 7)',
    ])
      assert.deepEqual(
        conventionOf(code.replace('probs.contiguous()', prepared), 4)[1],
        'batch_max_plus_1',
        prepared,
      );
  });

  it('Categorical(logits=x).log_prob(y) and Categorical(probs=softmax(x)).log_prob(y) are log p_y of the labels', () => {
    const code = `import torch
import torch.nn.functional as F
from torch.distributions import Categorical

def by_logits(logits, target, eps=0.1):
    nll = -Categorical(logits=logits).log_prob(target)
    smooth = -F.log_softmax(logits, dim=-1).mean(dim=-1)
    return ((1 - eps) * nll + eps * smooth).mean()

def by_probs(logits, target, eps=0.1):
    d = torch.distributions.Categorical(probs=logits.softmax(-1))
    smooth = -F.log_softmax(logits, dim=-1).mean(dim=-1)
    return ((1 - eps) * -d.log_prob(target) + eps * smooth).mean()

def plain(logits, target):
    return -torch.distributions.categorical.Categorical(logits=logits).log_prob(target).mean()
`;
    assert.deepEqual(conventionOf(code, 5), ['by_logits', 'uniform', 0.1]);
    assert.deepEqual(conventionOf(code, 10), ['by_probs', 'uniform', 0.1]);
    assert.deepEqual(conventionOf(code, 15).slice(0, 2), ['plain', 'none']);
  });
});
