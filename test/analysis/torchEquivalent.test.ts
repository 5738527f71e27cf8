import * as assert from 'node:assert/strict';
import { analyzePython, type Finding } from '../../src/core/analysis';

/** The finding named `symbol` on `line`. */
function at(code: string, symbol: string, line: number): Finding {
  const found = analyzePython(code).find((f) => f.kind === 'loss' && f.symbol === symbol && f.line === line);
  assert.ok(found, `no finding for ${symbol} at line ${line}`);
  return found;
}

const lines = (...l: string[]): string => `${l.join('\n')}\n`;

function assertInexact(f: Finding, closest: string, why: RegExp): void {
  assert.equal(f.torchEquivalent, null);
  assert.match(f.message, new RegExp(`No exact torch equivalent: .*${why.source}`));
  assert.equal(f.details?.closestTorch?.call, closest);
}

describe('analysis: torch equivalents are exact or null', () => {
  it('a torch loss plus a term on the logits (a regulariser) has no exact equivalent', () => {
    const code = lines(
      'import torch',
      'def pairwise_confusion(output, target):',
      '    ce = torch.nn.functional.cross_entropy(output, target)',
      '    spread = torch.norm(output[:2] - output[2:], 2, dim=0).sum() / output.shape[0]',
      '    return ce + 10 * spread',
      'def plain(output, target):',
      '    return torch.nn.functional.cross_entropy(output, target) + 0',
    );
    assertInexact(at(code, 'pairwise_confusion', 2), 'nn.CrossEntropyLoss()', /an added term/);
    assert.equal(at(code, 'plain', 6).torchEquivalent, 'nn.CrossEntropyLoss()');
  });

  it('softmax applied before cross_entropy has no exact equivalent, whatever the spelling', () => {
    const method = lines(
      'import torch.nn.functional as Fn',
      'def f(x, y):',
      '    p = x.softmax(-1)',
      '    return Fn.cross_entropy(p, y)',
    );
    assertInexact(at(method, 'f', 2), 'nn.CrossEntropyLoss()', /softmax is applied before cross_entropy/);
    const fn = lines(
      'import torch',
      'from torch import nn',
      'def g(x, y):',
      '    crit = nn.CrossEntropyLoss(reduction="sum")',
      '    return crit(torch.softmax(x, 1), y)',
    );
    assertInexact(at(fn, 'g', 3), "nn.CrossEntropyLoss(reduction='sum')", /softmax\(softmax\(x\)\)/);
  });

  it('log_softmax before cross_entropy or nll_loss is still exactly cross-entropy on logits', () => {
    const code = lines(
      'import torch.nn.functional as F',
      'PAD = 3',
      'def f(x, y):',
      '    return F.nll_loss(F.log_softmax(x, 1), y, ignore_index=PAD)',
    );
    assert.equal(at(code, 'f', 3).torchEquivalent, 'nn.CrossEntropyLoss(ignore_index=3)');
  });

  it('a binary loss on logits, or with sigmoid applied inside, maps to BCEWithLogitsLoss with its arguments', () => {
    const logits = lines(
      'import torch.nn as tnn',
      'def f(x, y, pw):',
      '    crit = tnn.BCEWithLogitsLoss(pos_weight=pw, reduction="sum")',
      '    return crit(x, y)',
    );
    assert.equal(at(logits, 'f', 2).torchEquivalent, "nn.BCEWithLogitsLoss(pos_weight=pw, reduction='sum')");
    const sigmoid = lines(
      'import torch',
      'import torch.nn.functional as F',
      'def g(x, y, w):',
      '    return F.binary_cross_entropy(torch.sigmoid(x), y, weight=w)',
    );
    assert.equal(at(sigmoid, 'g', 3).torchEquivalent, 'nn.BCEWithLogitsLoss(weight=w)');
    const probs = lines(
      'from torch.nn import functional as Fn',
      'def h(p, y):',
      '    return Fn.binary_cross_entropy(p, y)',
    );
    assert.equal(at(probs, 'h', 2).torchEquivalent, 'nn.BCELoss()');
  });

  it('a weight multiplied into log-probabilities has no exact equivalent unless it defaults to None and is not passed', () => {
    const required = lines(
      'import torch.nn.functional as F',
      'def f(x, y, w):',
      '    lp = F.log_softmax(x, dim=1) * w',
      '    return F.nll_loss(lp, y)',
    );
    assertInexact(at(required, 'f', 2), 'nn.CrossEntropyLoss()', /Σ weight\[target\]/);
    const optional = lines(
      'import torch',
      'class Smooth(torch.nn.Module):',
      '    def __init__(self, classes, smoothing=0.1, weight=None):',
      '        super().__init__()',
      '        self.smoothing, self.classes, self.weight = smoothing, classes, weight',
      '    def forward(self, x, y):',
      '        lp = x.log_softmax(dim=-1)',
      '        if self.weight is not None:',
      '            lp = lp * self.weight.unsqueeze(0)',
      '        dist = torch.full_like(lp, self.smoothing / (self.classes - 1))',
      '        dist.scatter_(1, y.unsqueeze(1), 1 - self.smoothing)',
      '        return torch.mean(torch.sum(-dist * lp, dim=-1))',
      'plain = Smooth(classes=5, smoothing=0.2)',
      'weighted = Smooth(classes=5, smoothing=0.2, weight=w)',
    );
    assert.equal(
      at(optional, 'Smooth', 2).torchEquivalent,
      'nn.CrossEntropyLoss(label_smoothing=smoothing * K / (K - 1))',
    );
    assert.equal(at(optional, 'Smooth', 13).torchEquivalent, 'nn.CrossEntropyLoss(label_smoothing=0.25)');
    assertInexact(
      at(optional, 'Smooth', 14),
      'nn.CrossEntropyLoss(label_smoothing=0.25)',
      /weight is multiplied/,
    );
  });

  it('a rescaled or re-weighted torch loss is not that torch loss', () => {
    const scaled = lines(
      'import torch.nn.functional as F',
      'def f(x, y):',
      '    return F.cross_entropy(x, y) * 0.5',
    );
    assertInexact(at(scaled, 'f', 2), 'nn.CrossEntropyLoss()', /multiplied by a factor/);
    const masked = lines(
      'import torch.nn.functional as F',
      'def g(x, y, m):',
      '    return (F.cross_entropy(x, y, reduction="none") * m).mean()',
    );
    assert.equal(at(masked, 'g', 2).torchEquivalent, null);
  });

  it('carries a later mean over reduction="none", unless weights or ignored rows make it differ', () => {
    const plain = lines(
      'import torch.nn.functional as F',
      'def f(x, y):',
      '    return F.cross_entropy(x, y, reduction="none").mean()',
    );
    assert.equal(at(plain, 'f', 2).torchEquivalent, 'nn.CrossEntropyLoss()');
    const weighted = lines(
      'import torch.nn.functional as F',
      'def g(x, y, w):',
      '    return F.cross_entropy(x, y, weight=w, reduction="none").mean()',
    );
    assertInexact(
      at(weighted, 'g', 2),
      'nn.CrossEntropyLoss(weight=w)',
      /reduction='none' followed by a plain mean/,
    );
  });

  it('keeps every argument of a torch call, and turns legacy size_average into a reduction', () => {
    const call = lines(
      'import torch.nn.functional as F',
      'l = F.cross_entropy(x, y, weight=cw, label_smoothing=0.1, reduction="sum")',
    );
    assert.equal(
      at(call, 'F.cross_entropy', 2).torchEquivalent,
      "nn.CrossEntropyLoss(weight=cw, reduction='sum', label_smoothing=0.1)",
    );
    const legacy = lines(
      'import torch.nn as nn',
      'class W(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.c = nn.NLLLoss(size_average=False)',
      '    def forward(self, lp, y):',
      '        return self.c(lp, y)',
    );
    assert.equal(at(legacy, 'W', 2).torchEquivalent, "nn.NLLLoss(reduction='sum')");
  });

  it('a KL divergence against smoothed targets is not a cross-entropy; a plain one is KLDivLoss', () => {
    const smoothed = lines(
      'import torch',
      'import torch.nn.functional as F',
      'def kl_smooth(x, y, eps=0.1):',
      '    lp = F.log_softmax(x, dim=-1)',
      '    q = torch.full_like(lp, eps / x.size(-1))',
      '    q.scatter_(1, y.unsqueeze(1), 1 - eps + eps / x.size(-1))',
      '    return F.kl_div(lp, q, reduction="batchmean")',
    );
    assertInexact(at(smoothed, 'kl_smooth', 3), 'nn.CrossEntropyLoss(label_smoothing=eps)', /KL divergence/);
    const plain = lines(
      'import torch.nn.functional as F',
      'def distil(s, t):',
      '    return F.kl_div(F.log_softmax(s, -1), F.softmax(t, -1), reduction="batchmean")',
    );
    assert.equal(
      at(plain, 'distil', 2).torchEquivalent,
      "nn.KLDivLoss(reduction='batchmean')(log_probs, target_probs)",
    );
  });

  it('batch-dependent and padding-aware smoothing name only the closest call', () => {
    const batch = lines(
      'import torch',
      'class BatchLS(torch.nn.Module):',
      '    def __init__(self, alpha=0.1):',
      '        super().__init__()',
      '        self.alpha = alpha',
      '        self.bce = torch.nn.BCELoss()',
      '    def forward(self, p, t):',
      '        t = t * (1 - self.alpha) + self.alpha / (t.max() + 1)',
      '        return self.bce(p, t)',
    );
    assertInexact(
      at(batch, 'BatchLS', 2),
      'nn.BCELoss()(probs, target * (1 - alpha) + alpha / 2)',
      /comes from the batch/,
    );
  });

  it('cross_entropy of logits built from the labels (a CosFace margin by torch.where) has no exact equivalent', () => {
    const code = lines(
      'import torch',
      'import torch.nn.functional as F',
      'def cosface(cosine, labels, s=30.0, m=0.35):',
      '    onehot = F.one_hot(labels, cosine.size(1)).bool()',
      '    return F.cross_entropy(torch.where(onehot, cosine - m, cosine) * s, labels)',
    );
    const f = at(code, 'cosface', 3);
    assert.equal(f.convention, 'none');
    assertInexact(f, 'nn.CrossEntropyLoss()', /a margin/);
  });
});

describe('analysis: a value written as an expression is one operand in an equivalent', () => {
  it('`eps or 0.1` is parenthesised where it is an operand, so the call means what the code does', () => {
    const code = lines(
      'import torch.nn as nn',
      'class SmoothBCE(nn.Module):',
      '    def __init__(self, eps=None):',
      '        super().__init__()',
      '        self.eps = eps or 0.1',
      '    def forward(self, logits, target):',
      '        eps = self.eps',
      '        return nn.BCEWithLogitsLoss()(logits, target * (1 - eps) + eps / 2)',
    );
    const equivalent = at(code, 'SmoothBCE', 2).torchEquivalent ?? '';
    assert.match(equivalent, /\(1 - \(eps or 0\.1\)\)/, equivalent);
    assert.match(equivalent, /\(eps or 0\.1\) \/ 2/, equivalent);
  });
});

describe('analysis: a smoothing parameter the code assigns again', () => {
  const smoothing = (init: string[]) =>
    lines(
      'import torch.nn as nn',
      'import torch.nn.functional as F',
      'class Smooth(nn.Module):',
      '    def __init__(self, smoothing=None):',
      '        super().__init__()',
      ...init,
      '        self.smoothing = smoothing',
      '    def forward(self, x, target):',
      '        logp = F.log_softmax(x, dim=-1)',
      '        nll = -logp.gather(-1, target.unsqueeze(-1)).squeeze(-1)',
      '        return ((1 - self.smoothing) * nll - self.smoothing * logp.mean(dim=-1)).mean()',
    );

  it('`if smoothing is None: smoothing = 0.1`: not "off at the default"; the call in `smoothing` is closest only', () => {
    const f = at(smoothing(['        if smoothing is None:', '            smoothing = 0.1']), 'Smooth', 3);
    assert.equal(f.convention, 'uniform');
    assert.doesNotMatch(f.message, /off at the default/, f.message);
    assertInexact(f, 'nn.CrossEntropyLoss(label_smoothing=smoothing)', /`smoothing` is assigned again/);
  });

  it('`smoothing = smoothing or 0.1`: the call says the same, so it is exact', () => {
    const f = at(smoothing(['        smoothing = smoothing or 0.1']), 'Smooth', 3);
    assert.doesNotMatch(f.message, /off at the default/, f.message);
    assert.equal(f.torchEquivalent, 'nn.CrossEntropyLoss(label_smoothing=(smoothing or 0.1))');
  });

  it('a None default the code keeps is still "off at the default"', () => {
    const f = at(smoothing([]), 'Smooth', 3);
    assert.match(f.message, /Smoothing is off at the default `smoothing=None`/, f.message);
  });
});

describe('analysis: a log-softmax written by hand over logits the code changes', () => {
  it('scaled logits get the closest call, not "≡" on the model\'s logits; unchanged ones keep it', () => {
    const code = lines(
      'import torch.nn.functional as F',
      'def scaled(logits, labels):',
      '    t = F.one_hot(labels, logits.size(1)).float()',
      '    return -(t * F.log_softmax(logits * 30.0, dim=-1)).sum(-1).mean()',
      'def plain(logits, labels):',
      '    t = F.one_hot(labels, logits.size(1)).float()',
      '    return -(t * F.log_softmax(logits, dim=-1)).sum(-1).mean()',
    );
    assertInexact(at(code, 'scaled', 2), 'nn.CrossEntropyLoss()', /logits changed in the code/);
    assert.equal(at(code, 'plain', 5).torchEquivalent, 'nn.CrossEntropyLoss()');
  });
});

describe('analysis: margin logits blended in by the labels', () => {
  it('`onehot * phi + (1 - onehot) * cos` passed to a soft-target cross-entropy gets no "≡"', () => {
    const code = lines(
      'import math',
      'import torch',
      'import torch.nn as nn',
      'import torch.nn.functional as F',
      'class DenseCrossEntropy(nn.Module):',
      '    def forward(self, x, target):',
      '        logprobs = F.log_softmax(x.float(), dim=-1)',
      '        return (-logprobs * target).sum(-1).mean()',
      'class ArcFaceLoss(nn.Module):',
      '    def __init__(self, s=30.0, m=0.5):',
      '        super().__init__()',
      '        self.crit = DenseCrossEntropy()',
      '        self.s = s',
      '        self.cos_m = math.cos(m)',
      '        self.sin_m = math.sin(m)',
      '    def forward(self, logits, labels):',
      '        labels = F.one_hot(labels.long(), logits.size(1)).float()',
      '        cosine = logits.float()',
      '        phi = torch.where(cosine > 0.0, cosine * self.cos_m, cosine - 0.1)',
      '        output = (labels * phi) + ((1.0 - labels) * cosine)',
      '        output *= self.s',
      '        return self.crit(output, labels)',
      'class PlainDense(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.crit = DenseCrossEntropy()',
      '    def forward(self, logits, labels):',
      '        labels = F.one_hot(labels.long(), logits.size(1)).float()',
      '        return self.crit(logits, labels)',
    );
    assertInexact(at(code, 'ArcFaceLoss', 9), 'nn.CrossEntropyLoss()', /logits changed in the code/);
    assert.equal(at(code, 'PlainDense', 23).torchEquivalent, 'nn.CrossEntropyLoss()');
  });

  it('the blend passed to F.cross_entropy is changed logits, as scaled ones are', () => {
    const code = lines(
      'import torch.nn.functional as F',
      'def arc(logits, labels):',
      '    oh = F.one_hot(labels, logits.size(1)).float()',
      '    phi = logits * 0.8 - 0.1',
      '    return F.cross_entropy(30.0 * (oh * phi + (1.0 - oh) * logits), labels)',
      'def plain(logits, labels):',
      '    return F.cross_entropy(30.0 * logits, labels)',
    );
    assertInexact(at(code, 'arc', 2), 'nn.CrossEntropyLoss()', /logits are changed before the torch call/);
    assertInexact(at(code, 'plain', 6), 'nn.CrossEntropyLoss()', /logits are changed before the torch call/);
  });
});

describe('analysis: a binary cross-entropy written with log-sigmoids', () => {
  const code = (ret: string) =>
    lines(
      'import torch.nn.functional as F',
      'def f(logits, labels, smoothing=0.1):',
      '    y = labels * (1 - smoothing) + 0.5 * smoothing',
      '    pos = y * F.logsigmoid(logits)',
      '    neg = (1 - y) * F.logsigmoid(-logits)',
      `    return ${ret}`,
    );
  const bce = (args: string) =>
    `nn.BCEWithLogitsLoss(${args})(logits, target * (1 - smoothing) + smoothing / 2)`;

  it('minus the log-likelihood is the BCE; the log-likelihood itself is not', () => {
    assert.equal(at(code('-(pos + neg).sum()'), 'f', 2).torchEquivalent, bce("reduction='sum'"));
    assert.equal(at(code('-(pos + neg).mean()'), 'f', 2).torchEquivalent, bce(''));
    assert.equal(at(code('-(pos + neg)'), 'f', 2).torchEquivalent, bce("reduction='none'"));
    assertInexact(at(code('(pos + neg).sum()'), 'f', 2), bce("reduction='sum'"), /multiplied by a factor/);
  });

  it("a sum over one axis, then a mean, is not BCE's mean over every element", () => {
    assert.equal(at(code('-(pos + neg).mean(1).mean()'), 'f', 2).torchEquivalent, bce(''));
    assert.equal(at(code('-(pos + neg).sum(1).sum()'), 'f', 2).torchEquivalent, bce("reduction='sum'"));
    assertInexact(at(code('-(pos + neg).sum(1).mean()'), 'f', 2), bce(''), /reduced over one axis first/);
    assertInexact(
      at(code('-(pos + neg).sum(1)'), 'f', 2),
      bce("reduction='none'"),
      /reduced over one axis first/,
    );
  });
});

describe('analysis: negation spelled as a call', () => {
  it('`.neg()`, `torch.neg` and `torch.negative` are the minus sign: "≡", not "multiplied by a factor"', () => {
    const code = (ret: string) =>
      lines(
        'import torch',
        'import torch.nn.functional as F',
        'def f(logits, target, eps=0.1):',
        '    one_hot = F.one_hot(target, logits.shape[-1]).to(logits.dtype)',
        '    q = (1.0 - eps) * one_hot + eps / logits.shape[-1]',
        '    lp = F.log_softmax(logits, dim=-1)',
        `    return ${ret}`,
      );
    const exact = 'nn.CrossEntropyLoss(label_smoothing=eps)';
    for (const ret of [
      '(q * lp).sum(-1).mean().neg()',
      'torch.neg((q * lp).sum(-1).mean())',
      'torch.negative((q * lp).sum(-1)).mean()',
    ])
      assert.equal(at(code(ret), 'f', 3).torchEquivalent, exact, ret);
    assertInexact(at(code('(q * lp).sum(-1).mean()'), 'f', 3), exact, /multiplied by a factor/);
  });
});

describe('analysis: a mean written as a sum over the count of per-row losses', () => {
  it('`rows.sum() / rows.numel()` is reduction mean: "≡", not "multiplied by a factor"', () => {
    const code = (ret: string) =>
      lines(
        'import torch.nn.functional as F',
        'def f(logits, target, eps=0.1):',
        '    one_hot = F.one_hot(target, logits.shape[-1]).to(logits.dtype)',
        '    q = (1.0 - eps) * one_hot + eps / logits.shape[-1]',
        '    rows = (q * F.log_softmax(logits, dim=-1)).sum(-1)',
        `    return ${ret}`,
      );
    const exact = 'nn.CrossEntropyLoss(label_smoothing=eps)';
    assert.equal(at(code('-(rows.sum() / rows.numel())'), 'f', 2).torchEquivalent, exact);
    assert.equal(at(code('-rows.mean()'), 'f', 2).torchEquivalent, exact);
    assertInexact(
      at(code('-(rows.sum() / logits.numel())'), 'f', 2),
      "nn.CrossEntropyLoss(reduction='sum', label_smoothing=eps)",
      /multiplied by a factor/,
    );
  });
});

describe('analysis: log-probabilities of changed logits given to a torch loss', () => {
  it('kl_div / nll_loss of log_softmax(x / T) or of log_softmax(s * x) take changed logits: closest only', () => {
    const code = lines(
      'import torch.nn as nn',
      'import torch.nn.functional as F',
      'def kd(s, t, T=2.0):',
      '    return nn.KLDivLoss(reduction="batchmean")(F.log_softmax(s / T, dim=-1), F.softmax(t / T, dim=-1))',
      'def kd_plain(s, p):',
      '    return nn.KLDivLoss(reduction="batchmean")(F.log_softmax(s, dim=-1), p)',
      'def nll(x, y):',
      '    return F.nll_loss(F.log_softmax(x * 30.0, dim=-1), y)',
      'def nll_plain(x, y):',
      '    return F.nll_loss(F.log_softmax(x, dim=-1), y)',
    );
    const changed = /logits are changed before the torch call/;
    assertInexact(at(code, 'kd', 3), "nn.KLDivLoss(reduction='batchmean')(log_probs, target_probs)", changed);
    assert.equal(
      at(code, 'kd_plain', 5).torchEquivalent,
      "nn.KLDivLoss(reduction='batchmean')(log_probs, target_probs)",
    );
    assertInexact(at(code, 'nll', 7), 'nn.CrossEntropyLoss()', changed);
    assert.equal(at(code, 'nll_plain', 9).torchEquivalent, 'nn.CrossEntropyLoss()');
  });
});

describe('analysis: reductions know which axis they reduce', () => {
  /** torchreid's CrossEntropyLabelSmooth, its loss reduced by `reduce`. */
  const reid = (...reduce: string[]): string =>
    lines(
      'import torch',
      'import torch.nn as nn',
      'class CrossEntropyLabelSmooth(nn.Module):',
      '    def __init__(self, num_classes, epsilon=0.1):',
      '        super().__init__()',
      '        self.num_classes = num_classes',
      '        self.epsilon = epsilon',
      '        self.logsoftmax = nn.LogSoftmax(dim=1)',
      '    def forward(self, inputs, targets):',
      '        log_probs = self.logsoftmax(inputs)',
      '        targets = torch.zeros(log_probs.size()).scatter_(1, targets.unsqueeze(1), 1)',
      '        targets = (1 - self.epsilon) * targets + self.epsilon / self.num_classes',
      ...reduce,
    );
  const equivalent = (...reduce: string[]) => at(reid(...reduce), 'CrossEntropyLabelSmooth', 3);

  it('a mean over the batch axis 0, then a sum over the classes, is the mean of the rows (torchreid, fast-reid)', () => {
    const mean = 'nn.CrossEntropyLoss(label_smoothing=epsilon)';
    for (const reduce of [
      '        loss = (-targets * log_probs).mean(0).sum()',
      '        loss = (-targets * log_probs).mean(dim=0).sum()',
      '        loss = torch.mean(-targets * log_probs, 0).sum()',
      '        loss = (-targets * log_probs).sum(1).mean()',
      '        loss = (-targets * log_probs).sum(0).sum() / inputs.size(0)',
      '        loss = (-targets * log_probs).mean(0).sum(-1)',
    ])
      assert.equal(equivalent(reduce, '        return loss').torchEquivalent, mean, reduce);
  });

  it('a batch reduction followed by a mean over the classes divides by K as well: closest only', () => {
    assertInexact(
      equivalent('        return (-targets * log_probs).sum(0).mean()'),
      "nn.CrossEntropyLoss(reduction='sum', label_smoothing=epsilon)",
      /multiplied by a factor/,
    );
    assertInexact(
      equivalent('        return (-targets * log_probs).mean(0).mean()'),
      'nn.CrossEntropyLoss(label_smoothing=epsilon)',
      /multiplied by a factor/,
    );
  });

  it('a term reduced over the batch only keeps one value per class, not per row', () => {
    assertInexact(
      equivalent('        return (-targets * log_probs).mean(0)'),
      "nn.CrossEntropyLoss(reduction='none', label_smoothing=epsilon)",
      /one value per class/,
    );
  });
});

describe('analysis: rows left out by a padding test of the labels are ignore_index', () => {
  it('a hand-written loss indexed by `target != self.padding_idx` and summed is ignore_index=padding_idx (GNMT)', () => {
    const code = lines(
      'import torch',
      'import torch.nn as nn',
      'class LabelSmoothing(nn.Module):',
      '    def __init__(self, padding_idx, smoothing=0.0):',
      '        super().__init__()',
      '        self.padding_idx = padding_idx',
      '        self.confidence = 1.0 - smoothing',
      '        self.smoothing = smoothing',
      '    def forward(self, x, target):',
      '        logprobs = torch.nn.functional.log_softmax(x, dim=-1)',
      '        non_pad_mask = (target != self.padding_idx)',
      '        nll_loss = -logprobs.gather(dim=-1, index=target.unsqueeze(1))',
      '        nll_loss = nll_loss.squeeze(1)[non_pad_mask]',
      '        smooth_loss = -logprobs.mean(dim=-1)[non_pad_mask]',
      '        loss = self.confidence * nll_loss + self.smoothing * smooth_loss',
      '        return loss.sum()',
    );
    assert.equal(
      at(code, 'LabelSmoothing', 3).torchEquivalent,
      "nn.CrossEntropyLoss(ignore_index=padding_idx, reduction='sum', label_smoothing=smoothing)",
    );
  });

  it('a torch loss with reduction="none" whose padding rows are dropped or zeroed, then summed, is ignore_index', () => {
    const code = lines(
      'import torch.nn.functional as F',
      'def dropped(x, y, pad):',
      '    return F.cross_entropy(x, y, reduction="none")[y != pad].sum()',
      'def zeroed(x, y):',
      '    return F.cross_entropy(x, y, reduction="none").masked_fill(y == 0, 0).sum()',
      'def other_mask(x, y, keep):',
      '    return F.cross_entropy(x, y, reduction="none")[keep].sum()',
    );
    assert.equal(
      at(code, 'dropped', 2).torchEquivalent,
      "nn.CrossEntropyLoss(ignore_index=pad, reduction='sum')",
    );
    assert.equal(
      at(code, 'zeroed', 4).torchEquivalent,
      "nn.CrossEntropyLoss(ignore_index=0, reduction='sum')",
    );
    assertInexact(at(code, 'other_mask', 6), "nn.CrossEntropyLoss(reduction='sum')", /some rows \(padding\)/);
  });

  it('a padding index that defaults to None masks only when given: no ignore_index=None (fairseq)', () => {
    const code = lines(
      'def label_smoothed_nll_loss(lprobs, target, epsilon, ignore_index=None):',
      '    nll_loss = -lprobs.gather(dim=-1, index=target.unsqueeze(-1)).squeeze(-1)',
      '    smooth_loss = -lprobs.sum(dim=-1)',
      '    if ignore_index is not None:',
      '        pad_mask = target.eq(ignore_index)',
      '        nll_loss.masked_fill_(pad_mask, 0.0)',
      '        smooth_loss.masked_fill_(pad_mask, 0.0)',
      '    eps_i = epsilon / lprobs.size(-1)',
      '    return ((1.0 - epsilon) * nll_loss + eps_i * smooth_loss).sum()',
    );
    const f = at(code, 'label_smoothed_nll_loss', 1);
    assert.equal(f.torchEquivalent, null);
    assert.doesNotMatch(f.details?.closestTorch?.call ?? '', /ignore_index/);
  });

  it("a language model's next-token shift (`logits[..., :-1, :]`, `labels[..., 1:]`) has no exact equivalent; `x[:, :]` keeps it", () => {
    const code = lines(
      'import torch.nn as nn',
      'import torch.nn.functional as F',
      'class NextToken(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.ce = nn.CrossEntropyLoss(ignore_index=-100)',
      '    def forward(self, scores, tokens):',
      '        s = scores[:, :-1, :].contiguous()',
      '        t = tokens[:, 1:].contiguous()',
      '        return self.ce(s.view(-1, s.size(-1)), t.view(-1))',
      'def every_position(scores, tokens):',
      '    return F.cross_entropy(scores[:, :].reshape(-1, scores.size(-1)), tokens.reshape(-1))',
    );
    assertInexact(at(code, 'NextToken', 3), 'nn.CrossEntropyLoss()', /sliced before the torch call/);
    assert.equal(at(code, 'every_position', 11).torchEquivalent, 'nn.CrossEntropyLoss()');
  });

  it('a sum divided by the count of a mask (`loss.sum() / torch.sum(mask)`) is closest to the mean, not the sum', () => {
    const code = lines(
      'import torch',
      'import torch.nn.functional as F',
      'def counted(log_probs, targets, length=None):',
      '    loss = F.nll_loss(log_probs, targets, reduction="none")',
      '    mask = torch.ones_like(targets)',
      '    if length is not None:',
      '        mask *= length',
      '    loss *= mask',
      '    return loss.sum() / torch.sum(mask)',
    );
    assertInexact(at(code, 'counted', 3), 'nn.NLLLoss()', /multiplied by a factor/);
  });

  it('the legacy `reduce=False` is reduction none: summed over the classes then averaged, a KL is batchmean', () => {
    const code = lines(
      'import torch',
      'import torch.nn.functional as F',
      'def kl(pred, soft, reduce=True):',
      '    kl = F.kl_div(F.log_softmax(pred, dim=1), F.softmax(soft, dim=1), reduce=False)',
      '    if reduce:',
      '        return torch.mean(torch.sum(kl, dim=1))',
      '    return torch.sum(kl, 1)',
      'def per_row(pred, soft):',
      '    return torch.sum(F.kl_div(F.log_softmax(pred, dim=1), soft, reduce=False), 1)',
      'def ce(x, y):',
      '    return F.cross_entropy(x, y, reduce=False).mean()',
    );
    const batchmean = "nn.KLDivLoss(reduction='batchmean')(log_probs, target_probs)";
    assert.equal(at(code, 'kl', 3).torchEquivalent, batchmean);
    assertInexact(
      at(code, 'per_row', 8),
      "nn.KLDivLoss(reduction='none')(log_probs, target_probs)",
      /one value per class/,
    );
    assert.equal(at(code, 'ce', 10).torchEquivalent, 'nn.CrossEntropyLoss()');
  });

  it('a call passing a flag another value than its default is not the definition at its defaults', () => {
    const code = lines(
      'import torch',
      'import torch.nn.functional as F',
      'def kl(pred, soft, reduce=True):',
      '    kl = F.kl_div(F.log_softmax(pred, dim=1), F.softmax(soft, dim=1), reduction="none")',
      '    if reduce:',
      '        return torch.mean(torch.sum(kl, dim=1))',
      '    return torch.sum(kl, 1)',
      'def step(a, b):',
      '    return kl(a, b, reduce=False) + kl(b, a, reduce=True)',
    );
    const batchmean = "nn.KLDivLoss(reduction='batchmean')(log_probs, target_probs)";
    const calls = analyzePython(code).filter((f) => f.kind === 'loss' && f.symbol === 'kl' && f.line === 9);
    assert.deepEqual(
      calls.map((f) => [f.torchEquivalent, /passes `reduce=False`/.test(f.details?.closestTorch?.why ?? '')]),
      [
        [null, true],
        [batchmean, false],
      ],
    );
  });

  it('rows taken out of a result left unreduced (`l[mask]`) are not what reduction none returns', () => {
    const code = lines(
      'import torch',
      'def raw(x, target, padding_idx, smoothing):',
      '    logprobs = torch.nn.functional.log_softmax(x, dim=-1)',
      '    keep = target != padding_idx',
      '    nll = -logprobs.gather(dim=-1, index=target.unsqueeze(1)).squeeze(1)[keep]',
      '    smooth = -logprobs.mean(dim=-1)[keep]',
      '    return (1.0 - smoothing) * nll + smoothing * smooth',
    );
    const call = "nn.CrossEntropyLoss(ignore_index=padding_idx, reduction='none', label_smoothing=smoothing)";
    assertInexact(at(code, 'raw', 2), call, /taken out of the result/);
  });

  it("kl_div of a log taken in the code (`x.log()`) is not KLDivLoss of the function's input", () => {
    const code = lines(
      'import torch.nn.functional as F',
      'def kl(x, y, eps=1e-5):',
      '    x, y = tuple(t.clamp_min(eps) for t in (x, y))',
      "    return F.kl_div(x.log(), y, reduction='batchmean')",
    );
    assertInexact(at(code, 'kl', 2), "nn.KLDivLoss(reduction='batchmean')", /a log taken in the code/);
  });

  it('sliced labels (`labels[..., 1:]`, padded first) are a next-token shift: no exact call', () => {
    const code = lines(
      'import torch.nn as nn',
      'def causal(logits, labels, vocab_size: int, ignore_index: int = -100):',
      '    labels = nn.functional.pad(labels, (0, 1), value=ignore_index)',
      '    shifted = labels[..., 1:].contiguous()',
      '    return nn.functional.cross_entropy(logits.view(-1, vocab_size), shifted.view(-1), ignore_index=ignore_index)',
    );
    assertInexact(at(code, 'causal', 2), 'nn.CrossEntropyLoss(ignore_index=ignore_index)', /sliced before/);
  });

  it('a string parameter respelled before it is tested (`reduction.lower()`) picks the same branch', () => {
    const code = lines(
      'import torch',
      'class Smoothed(torch.nn.Module):',
      "    def __init__(self, num_classes, smoothing=0.1, reduction='sum'):",
      '        super().__init__()',
      '        self.smoothing = smoothing',
      '        self.num_classes = num_classes',
      '        self.reduction = reduction.lower()',
      "        if self.reduction == 'sum':",
      '            self.reduce = torch.sum',
      "        elif self.reduction == 'mean':",
      '            self.reduce = torch.mean',
      '    def forward(self, log_probs, targets):',
      '        t = torch.zeros_like(log_probs)',
      '        t.fill_(self.smoothing / (self.num_classes - 1))',
      '        t.scatter_(1, targets.unsqueeze(1), 1.0 - self.smoothing)',
      '        return self.reduce(-t * log_probs)',
    );
    const call = "nn.CrossEntropyLoss(reduction='sum', label_smoothing=smoothing * K / (K - 1))";
    assert.equal(at(code, 'Smoothed', 2).torchEquivalent, call);
  });

  it('rows of a built target zeroed with a trailing `:` (`t[y == pad, :] = 0`) are masked rows', () => {
    const code = lines(
      'import torch',
      'def smoothed(log_probs, targets, pad, smoothing=0.1):',
      '    t = torch.zeros_like(log_probs)',
      '    t.fill_(smoothing / (log_probs.size(1) - 1))',
      '    t.scatter_(1, targets.unsqueeze(1), 1 - smoothing)',
      '    t[targets == pad, :] = 0',
      '    return torch.sum(-t * log_probs)',
    );
    const call = "nn.CrossEntropyLoss(reduction='sum', label_smoothing=smoothing * K / (K - 1))";
    assertInexact(at(code, 'smoothed', 2), call, /some rows \(padding\) are masked out/);
  });
});
