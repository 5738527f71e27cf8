// How values flow through code written the way real losses are: a fill of ones times a tensor, a per-sample column
// scattered into the true class, (values, indices) of a max along a dimension, a torch function held in an
// attribute. Each snippet is written for this test; conventions were derived by hand.
import { strict as assert } from 'node:assert';
import { analyzePython, type Convention } from '../../src/core/analysis';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function conventionOf(source: string[], symbol: string): Convention | null | 'nothing' {
  const found = analyzePython([...HEAD, ...source].join('\n')).find(
    (f) => f.kind === 'loss' && f.symbol === symbol && !f.details?.definedAt,
  );
  return found ? found.convention : 'nothing';
}

describe('value flow', () => {
  it('sizes computed from the labels and passed to `.expand` / `.view` are shapes, not a target (prototypical loss)', () => {
    const source = [
      'def proto(dists, target, n_support):',
      '    n_classes = len(torch.unique(target))',
      '    n_query = target.size(0) - n_support',
      '    log_p_y = F.log_softmax(-dists, dim=1).view(n_classes, n_query, -1)',
      '    inds = torch.arange(0, n_classes).view(n_classes, 1, 1).expand(n_classes, n_query, 1)',
      '    return -log_p_y.gather(2, inds).mean()',
    ];
    assert.equal(conventionOf(source, 'proto'), 'none');
  });

  it("a helper's one-hot over k classes makes the caller's k a class count, as F.one_hot written in place does", () => {
    for (const body of [
      'return F.one_hot(label, num_classes).float()',
      'return torch.eye(num_classes)[label]',
    ]) {
      const source = [
        'def to_onehot(label, num_classes):',
        `    ${body}`,
        '',
        'def ls_loss(preds, labels, vocab_size, ls_prob=0.9):',
        '    onehot = to_onehot(labels, vocab_size)',
        '    t = ls_prob * onehot + ((1 - ls_prob) / (vocab_size - 1)) * (1 - onehot)',
        '    return -torch.sum(F.log_softmax(preds, dim=-1) * t)',
      ];
      assert.equal(conventionOf(source, 'ls_loss'), 'k_minus_1', body);
    }
  });

  it('a fill of ones times a target built from a given tensor is that target (`torch.ones_like(x) * q`)', () => {
    const source = [
      'def smooth_soft(x, t, eps=0.1):',
      '    k = x.size(1)',
      '    q = torch.ones_like(x) * ((1 - eps) * t.view_as(x) + eps / k)',
      '    return -(q * F.log_softmax(x, dim=1)).sum(1).mean()',
    ];
    assert.equal(conventionOf(source, 'smooth_soft'), 'uniform');
  });

  it('smoothed targets handed to an abstract method (a subclass supplies the loss) tell the convention', () => {
    const base = (name: string, abstract: string[]) => [
      `class ${name}(nn.Module):`,
      '    def __init__(self, eps=0.1):',
      '        super().__init__()',
      '        self.eps = eps',
      '    def forward(self, out, labels):',
      '        k = labels.shape[1]',
      '        labels = labels * (1.0 - self.eps) + (1.0 - labels) * self.eps / (k - 1.0)',
      '        return self.forward_minibatch(out, labels)',
      ...abstract,
    ];
    const raising = base('Raising', [
      '    def forward_minibatch(self, output, target):',
      '        """Implemented by subclasses."""',
      "        raise NotImplementedError('forward_minibatch')",
    ]);
    const decorated = base('Decorated', [
      '    @abc.abstractmethod',
      '    def forward_minibatch(self, output, target):',
      '        pass',
    ]);
    assert.equal(conventionOf(raising, 'Raising'), 'k_minus_1');
    assert.equal(conventionOf(decorated, 'Decorated'), 'k_minus_1');
  });

  it('`torch.masked_select` of a per-element loss keeps it (the mean over labelled pixels)', () => {
    const source = [
      'class LabelledPixels(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      "        self.ce = nn.CrossEntropyLoss(reduction='none', label_smoothing=0.1)",
      '    def forward(self, x, y):',
      '        mask = y > 0',
      '        loss_all = self.ce(x, y)',
      '        return torch.sum(torch.masked_select(loss_all, mask)) / torch.sum(mask.float())',
    ];
    assert.equal(conventionOf(source, 'LabelledPixels'), 'uniform');
  });

  it('a flag set by a subclass decides an `or` test: the binary branch of a shared smoothing base', () => {
    const source = [
      'class Base(nn.Module):',
      '    def __init__(self, eps=0.1, is_binary=False):',
      '        super().__init__()',
      '        self.eps = eps',
      '        self.is_binary = is_binary',
      '    def forward(self, out, labels):',
      '        if self.is_binary or len(labels.shape) <= 2:',
      '            k = 2',
      '        else:',
      '            k = labels.shape[1]',
      '        labels = labels * (1.0 - self.eps) + (1.0 - labels) * self.eps / (k - 1.0)',
      '        return self.forward_minibatch(out, labels)',
      'class Bin(Base):',
      '    def __init__(self, **kwargs):',
      '        super().__init__(is_binary=True, **kwargs)',
      '        self.loss_fn = nn.BCEWithLogitsLoss()',
      '    def forward_minibatch(self, output, target):',
      '        return self.loss_fn(output, target)',
    ];
    assert.equal(conventionOf(source, 'Bin'), 'binary');
  });

  it('a per-sample column scattered into the true class over a fill built from it is smoothing per sample', () => {
    const source = [
      'def per_sample(x, y, conf):',
      '    k = x.size(1)',
      '    c = conf.unsqueeze(1)',
      '    q = torch.ones_like(x) * (1 - c) / (k - 1)',
      '    q.scatter_(1, y.unsqueeze(1), c)',
      '    return -(q * F.log_softmax(x, dim=1)).sum(1).mean()',
    ];
    assert.equal(conventionOf(source, 'per_sample'), 'k_minus_1');
  });

  it('the indices of `torch.max(softmax(x), 1)` are the model’s prediction (hard bootstrapping)', () => {
    const source = [
      'def hard_boot(x, y, beta=0.8):',
      '    _, pred = torch.max(F.softmax(x, dim=1), dim=1)',
      '    return beta * F.cross_entropy(x, y) + (1 - beta) * F.cross_entropy(x, pred)',
    ];
    assert.equal(conventionOf(source, 'hard_boot'), 'other');
  });

  it('`.indices` of a max along a dimension is its argmax', () => {
    const source = [
      'def hard_boot(x, y, beta=0.8):',
      '    pred = F.softmax(x, dim=1).max(1).indices',
      '    return beta * F.cross_entropy(x, y) + (1 - beta) * F.cross_entropy(x, pred)',
    ];
    assert.equal(conventionOf(source, 'hard_boot'), 'other');
  });

  it('`.values` of a max along a dimension is still the row maximum (stable softmax by hand)', () => {
    const source = [
      'def ce(x, y):',
      '    z = x - x.max(dim=1, keepdim=True).values',
      '    logp = z - torch.log(torch.exp(z).sum(dim=1, keepdim=True))',
      '    return -logp.gather(1, y.unsqueeze(1)).mean()',
    ];
    assert.equal(conventionOf(source, 'ce'), 'none');
  });

  it('a torch function held in an attribute is called as itself (`self.log_softmax = F.log_softmax`)', () => {
    const source = [
      'class SoftCE(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.log_softmax = F.log_softmax',
      '',
      '    def forward(self, logits, targets):',
      '        return -torch.mean((self.log_softmax(logits, dim=1) * targets).sum(dim=1))',
    ];
    assert.equal(conventionOf(source, 'SoftCE'), 'soft_target');
  });

  it('a target built with NumPy and converted (`torch.from_numpy`, `torch.tensor`) is still that target', () => {
    for (const convert of [
      'torch.from_numpy(q).float().to(x.device)',
      'torch.tensor(q)',
      'torch.Tensor(q)',
    ]) {
      const source = [
        'import numpy as np',
        'def ls(x, y, K=10, eps=0.1):',
        '    q = np.eye(K)[y.cpu().numpy()] * (1 - eps) + eps / K',
        `    q = ${convert}`,
        '    return -(q * F.log_softmax(x, 1)).sum(1).mean()',
      ];
      assert.equal(conventionOf(source, 'ls'), 'uniform', convert);
    }
  });

  it('a module-level lambda is called like a def (`smooth = lambda y, eps: …`)', () => {
    const source = [
      'smooth = lambda y, eps: y * (1 - eps) + (1 - y) * eps / (y.shape[1] - 1)',
      '',
      'def ls(x, y, eps=0.2):',
      '    return -(smooth(F.one_hot(y, 10).float(), eps) * F.log_softmax(x, 1)).sum(1).mean()',
    ];
    assert.equal(conventionOf(source, 'ls'), 'k_minus_1');
  });

  it('a dict of losses picked by a known string (a literal, a string default) is that entry, whatever its place', () => {
    const source = (first: string, second: string, key: string) => [
      'class LS(nn.Module):',
      '    def __init__(self, k, t):',
      '        super().__init__()',
      '        self.k = k',
      '        self.t = t',
      '',
      '    def forward(self, x, y):',
      '        q = (1 - self.t) * F.one_hot(y, self.k).float() + self.t / self.k',
      '        return -(q * F.log_softmax(x, 1)).sum(1).mean()',
      '',
      `def get_criterion(k, name=${key}):`,
      `    options = {${first}, ${second}}`,
      '    return options[name]',
    ];
    const ls = "'LS': LS(k, 0.1)";
    const ce = "'CE': nn.CrossEntropyLoss()";
    assert.equal(conventionOf(source(ls, ce, "'CE'"), 'get_criterion'), 'none');
    assert.equal(conventionOf(source(ce, ls, "'CE'"), 'get_criterion'), 'none');
    assert.equal(conventionOf(source(ce, ls, "'LS'"), 'get_criterion'), 'uniform');
  });

  it('a fill of ones plus powers of the logits is no target: a Taylor softmax, logged, takes a smoothed target', () => {
    const source = [
      'def taylor_softmax(x, n=2):',
      '    fn = torch.ones_like(x)',
      '    denominator = 1.0',
      '    for i in range(1, n + 1):',
      '        denominator *= i',
      '        fn = fn + x.pow(i) / denominator',
      '    return fn / fn.sum(dim=1, keepdims=True)',
      '',
      'def taylor_ce(logits, labels, eps=0.2):',
      '    k = logits.size(1)',
      '    q = torch.full_like(logits, eps / (k - 1)).scatter_(1, labels.unsqueeze(1), 1 - eps)',
      '    return -(q * taylor_softmax(logits).log()).sum(1).mean()',
    ];
    assert.equal(conventionOf(source, 'taylor_ce'), 'k_minus_1');
  });

  it("of two paths, a softmax normaliser written by hand (log Σ exp x) beats an opaque one (a tempered softmax's t = 1)", () => {
    const source = [
      'def log_t(u, t):',
      '    return torch.log(u) if t == 1.0 else (u ** (1.0 - t) - 1.0) / (1.0 - t)',
      '',
      'def fixed_point(x, t, iters=5):',
      '    mu = torch.max(x, dim=-1).values.view(-1, 1)',
      '    z = x - mu',
      '    for _ in range(iters):',
      '        z = (x - mu) * torch.sum(torch.relu(1.0 + (1.0 - t) * z), dim=-1).view(-1, 1) ** (1.0 - t)',
      '    return -log_t(1.0 / torch.sum(torch.relu(1.0 + (1.0 - t) * z), dim=-1).view(-1, 1), t) + mu',
      '',
      'def tempered_probs(x, t):',
      '    if t == 1.0:',
      '        norm = torch.log(torch.sum(torch.exp(x), dim=-1)).unsqueeze(1)',
      '    else:',
      '        norm = fixed_point(x, t)',
      '    return torch.exp(x - norm) if t == 1.0 else torch.relu(1.0 + (1.0 - t) * (x - norm)) ** (1.0 / (1.0 - t))',
      '',
      'def tempered_loss(x, labels, t1, t2, eps=0.1):',
      '    k = x.size(1)',
      '    q = torch.zeros_like(x).fill_(eps / (k - 1)).scatter_(1, labels.unsqueeze(1), 1 - eps)',
      '    p = tempered_probs(x, t2)',
      '    return torch.sum((log_t(q + 1e-10, t1) - log_t(p, t1)) * q, dim=-1).mean()',
    ];
    assert.equal(conventionOf(source, 'tempered_loss'), 'k_minus_1');
  });

  it('a dataclass of losses holds them; torch.broadcast_tensors gives its tensors back (a detection head without forward)', () => {
    const source = [
      'from dataclasses import dataclass',
      '',
      '@dataclass',
      'class Losses:',
      '    overlap: torch.Tensor',
      '    classification: torch.Tensor',
      '',
      'class DetectionLoss:',
      '    def __init__(self, label_smoothing=0.1):',
      '        self.label_smoothing = label_smoothing',
      '    def pairwise(self, preds, targets):',
      '        probs = preds["classprobs"].unsqueeze(1)',
      '        t = F.one_hot(targets["labels"], probs.shape[-1]).to(probs.dtype)',
      '        t = (self.label_smoothing / 2) + t * (1.0 - self.label_smoothing)',
      '        probs, t = torch.broadcast_tensors(probs, t.unsqueeze(0))',
      '        cls = F.binary_cross_entropy_with_logits(probs, t, reduction="none").sum(-1)',
      '        return Losses(1.0 - preds["iou"], cls), preds["iou"]',
    ];
    assert.equal(conventionOf(source, 'DetectionLoss'), 'binary');
  });

  it('past `if eps is None: return F.cross_entropy(...)` (no else) ε is a number: the smoothing path is the finding', () => {
    const guarded = (test: string) => [
      'def guarded(inputs, targets, eps=None):',
      `    if ${test}:`,
      '        return F.cross_entropy(inputs, targets)',
      '    k = inputs.size(dim=-1)',
      '    q = torch.full_like(inputs, eps / (k - 1))',
      '    q.scatter_(-1, targets[:, None], 1 - eps)',
      '    return -(q * torch.log(torch.softmax(inputs, -1))).sum(-1).mean()',
    ];
    assert.equal(conventionOf(guarded('eps is None'), 'guarded'), 'k_minus_1');
    assert.equal(conventionOf(guarded('not eps'), 'guarded'), 'k_minus_1');
  });
  it("a helper's reading of an output it could not read is named by the caller's argument, not its parameter", () => {
    // Both helpers call their input `net_output`: the teacher's probabilities and the student's log-probabilities
    // are two decoders' outputs (a soft target), not the student's own prediction (bootstrapping).
    const source = [
      'class TwoDecoders(nn.Module):',
      '    def forward(self, x, y):',
      '        teacher_out = self.teacher(x)',
      '        student_out = self.student(x)',
      '        probs = self.probs_of(teacher_out)',
      '        return self.student_loss(student_out, y, probs.detach())',
      '',
      '    def probs_of(self, net_output):',
      '        return F.softmax(net_output, dim=-1)',
      '',
      '    def student_loss(self, net_output, y, teacher_probs, w=0.5):',
      '        lprobs = F.log_softmax(net_output, dim=-1)',
      '        return (1 - w) * F.nll_loss(lprobs, y) + w * (teacher_probs * -lprobs).sum(-1).mean()',
    ];
    assert.equal(conventionOf(source, 'TwoDecoders'), 'soft_target');
  });

  it('a parameter given to `math` is a number, not a target tensor, in every local computed from it', () => {
    const source = [
      'import math',
      'def xent(pred, ans, vocab_size, label_smoothing):',
      '    confidence = 1.0 - label_smoothing',
      '    low_confidence = (1.0 - confidence) / float(vocab_size - 1)',
      '    normalizing = -confidence * math.log(confidence)',
      '    one_hot = torch.zeros_like(pred).scatter_(1, ans.unsqueeze(1), 1)',
      '    one_hot = one_hot * confidence + (1 - one_hot) * low_confidence',
      '    return (-(one_hot * F.log_softmax(pred, dim=1)).sum(dim=1) - normalizing).mean()',
    ];
    assert.equal(conventionOf(source, 'xent'), 'k_minus_1');
  });

  it('an in-place chain (`t.mul_(1 - eps).add_(eps / K)`) changes the tensor at each step', () => {
    const source = [
      'def ls(inputs, target, eps=0.2):',
      '    t = torch.zeros_like(inputs).scatter_(1, target.unsqueeze(1), 1)',
      '    t.mul_(1 - eps).add_(eps / inputs.size(-1))',
      '    return -(t * F.log_softmax(inputs, dim=-1)).sum(dim=-1).mean()',
    ];
    assert.equal(conventionOf(source, 'ls'), 'uniform');
  });
});
