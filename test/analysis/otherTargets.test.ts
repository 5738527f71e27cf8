// Targets that are neither the hard labels nor a fixed smoothing: the labels mixed with the model's own prediction
// (hard bootstrapping, label relaxation), with a table the code keeps (online label smoothing), an entropy bonus
// (confidence penalty), a smoothed target taken inside the log; and their look-alikes that stay plain CE.
// Conventions derived by hand; the corpus checks the same on real code (verify_other_family.py).
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

function expectOther(source: string[], symbol: string, reason: RegExp): void {
  const f = definition(source, symbol);
  assert.equal(f?.convention, 'other', f?.message);
  assert.match(f?.message ?? '', reason);
}

describe('analysis: targets from the model, kept tables and penalties (other)', () => {
  it('the one-hot of the model’s own argmax in the target is hard bootstrapping', () => {
    const source = [
      'def boot(x, y, beta=0.8):',
      '    p = F.softmax(x, 1)',
      '    q = beta * F.one_hot(y, 10) + (1 - beta) * F.one_hot(torch.argmax(p, 1), 10)',
      '    return -(q * torch.log(p)).sum(1).mean()',
    ];
    expectOther(source, 'boot', /own predictions/);
  });

  it('a given dense target mixed with the model’s own probabilities is soft bootstrapping; a teacher’s is a soft target', () => {
    const boot = (probs: string) => [
      'def boot(x, target, teacher, beta=0.9):',
      `    q = beta * target + (1.0 - beta) * ${probs}`,
      '    return torch.sum(-F.log_softmax(x, dim=1) * q, dim=1).mean()',
    ];
    expectOther(boot('F.softmax(x, dim=1)'), 'boot', /own predictions/);
    assert.equal(definition(boot('F.softmax(teacher, dim=1)'), 'boot')?.convention, 'soft_target');
  });

  it('a torch CE whose target is the model’s own argmax or probabilities is bootstrapping; dense labels’ argmax is not', () => {
    const hard = [
      'def hard(x, y, beta=0.8):',
      '    return beta * F.cross_entropy(x, y) + (1 - beta) * F.cross_entropy(x, x.argmax(1).detach())',
    ];
    expectOther(hard, 'hard', /own predictions/);
    const soft = [
      'def soft(x, y, beta=0.95):',
      '    p = F.softmax(x, 1).detach()',
      '    return beta * F.cross_entropy(x, y) + (1 - beta) * F.cross_entropy(x, p)',
    ];
    expectOther(soft, 'soft', /own predictions/);
    const dense = ['def dense(x, t):', '    return F.cross_entropy(x, t.argmax(dim=1))'];
    assert.equal(definition(dense, 'dense')?.convention, 'none');
  });

  it('negative learning (NLL of log(1 − p) at complementary labels) is no smoothing and no cross-entropy', () => {
    const source = [
      'def nlnl(x, y_comp):',
      '    p = F.softmax(x, 1)',
      '    return F.nll_loss(torch.log(torch.clamp(1. - p, min=1e-5, max=1.)), y_comp)',
    ];
    const f = definition(source, 'nlnl');
    assert.equal(f?.convention, 'none');
    assert.equal(f?.torchEquivalent, null);
  });

  it('CE minus β times the entropy of the predictions is a confidence penalty', () => {
    const source = [
      'def cp(x, y, beta=0.1):',
      '    log_p = F.log_softmax(x, -1)',
      '    h = -log_p.exp().mul(log_p).sum(-1)',
      '    return F.cross_entropy(x, y) - beta * h.mean()',
    ];
    expectOther(source, 'cp', /confidence penalty/);
  });

  it('a table the module keeps, read by the labels, is a learned soft target (online label smoothing)', () => {
    const indexed = [
      'class OLS(nn.Module):',
      '    def __init__(self, k=10):',
      '        super().__init__()',
      '        self.matrix = torch.zeros((k, k))',
      '    def forward(self, x, y):',
      '        q = self.matrix[y]',
      '        return (-q * torch.log_softmax(x, -1)).sum(-1).mean()',
    ];
    expectOther(indexed, 'OLS', /`self\.matrix`/);
    const buffer = [
      'class OLS(nn.Module):',
      '    def __init__(self, k=10, eps=0.1):',
      '        super().__init__()',
      "        self.register_buffer('soft', torch.zeros(k, k))",
      '        self.soft.fill_(eps / (k - 1))',
      '    def forward(self, x, y):',
      '        q = torch.index_select(self.soft, 1, y).t()',
      '        return torch.sum(-q * x.log_softmax(-1), dim=-1).mean()',
    ];
    expectOther(buffer, 'OLS', /`self\.soft`/);
    const rows = [
      'def backward_corrected(x, y, m):',
      '    q = torch.matmul(F.one_hot(y, 10).float(), torch.inverse(m))',
      '    return -(q * F.log_softmax(x, 1)).sum(1).mean()',
    ];
    expectOther(rows, 'backward_corrected', /read from `torch\.inverse\(m\)`/);
  });

  it('CE plus a term on ⟨kept running average, p⟩ (early-learning regularisation) is other', () => {
    const source = [
      'class ELR(nn.Module):',
      '    def __init__(self, n, k=10, beta=0.7, lam=3.0):',
      '        super().__init__()',
      '        self.target = torch.zeros(n, k)',
      '        self.beta = beta',
      '        self.lam = lam',
      '    def forward(self, index, output, label):',
      '        p = F.softmax(output, dim=1)',
      '        reg = ((1 - (self.target[index] * p).sum(dim=1)).log()).mean()',
      '        return F.cross_entropy(output, label) + self.lam * reg',
    ];
    expectOther(source, 'ELR', /`self\.target`/);
  });

  it('a class weight read by the labels stays a weight on hard-label CE', () => {
    const source = [
      'class W(nn.Module):',
      '    def __init__(self, k=10):',
      '        super().__init__()',
      '        self.w = torch.ones(k)',
      '    def forward(self, x, y):',
      '        nll = F.cross_entropy(x, y, reduction="none")',
      '        return (self.w[y] * nll).mean()',
    ];
    assert.equal(definition(source, 'W')?.convention, 'none');
  });

  it('the labels on one side of a where and the model’s prediction on the other (label relaxation)', () => {
    const source = [
      'def relax(x, y, alpha=0.1):',
      '    p = x.softmax(-1)',
      '    t = F.one_hot(y, 10)',
      '    rest = torch.sum((1 - t) * p, dim=-1, keepdim=True)',
      '    q = torch.where(t > 0.1, torch.ones_like(t) - alpha, alpha * p / rest)',
      '    return F.kl_div(p.log(), q, reduction="batchmean")',
    ];
    expectOther(source, 'relax', /own predictions/);
  });

  it('(1 − α)·CE plus α·log(1 − p_y) from the off-target logits is label relaxation (closed form)', () => {
    const head = [
      '    log_z = torch.logsumexp(x, dim=-1)',
      '    log_p_y = x.gather(-1, y.unsqueeze(-1)).squeeze(-1) - log_z',
    ];
    const ce = ['def ce(x, y):', ...head, '    return (-log_p_y).mean()'];
    assert.equal(definition(ce, 'ce')?.convention, 'none');
    const relax = [
      'import math',
      'def relax(x, y, alpha=0.1):',
      ...head,
      '    mask = F.one_hot(y, num_classes=x.shape[-1]).bool()',
      '    log_s = torch.logsumexp(x.masked_fill(mask, float("-inf")), dim=-1) - log_z',
      '    d = (1.0 - alpha) * (math.log(1.0 - alpha) - log_p_y) + alpha * (math.log(alpha) - log_s)',
      '    return torch.where(log_p_y >= math.log(1.0 - alpha), d.new_zeros(()), d).mean()',
    ];
    expectOther(relax, 'relax', /label relaxation/);
  });

  it('dense targets clamped to [ε/(K−1), 1−ε] are K−1; taken inside the log (−log Σ q·p) they are other', () => {
    const clamp = '    q = t.clamp(eps / (p.size(1) - 1), 1.0 - eps)';
    const ce = [
      'def ce(x, t, eps=0.1):',
      '    p = F.softmax(x, 1)',
      clamp,
      '    return -(q * p.log()).sum(1).mean()',
    ];
    assert.equal(definition(ce, 'ce')?.convention, 'k_minus_1');
    const inside = [
      'def focal(x, t, eps=0.1, gamma=2.0):',
      '    p = F.softmax(x, 1)',
      clamp,
      '    pt = (q * p).sum(1) + eps',
      '    return (-(1.0 - pt) ** gamma * pt.log()).mean()',
    ];
    expectOther(inside, 'focal', /inside the log/);
  });

  it('torch.cat([1 − t, t]) of binary labels is their two-column one-hot, smoothed as such', () => {
    const source = [
      'def two_columns(x, t, eps=0.1):',
      '    logits = torch.cat([-x, x], dim=1)',
      '    q = torch.cat([1 - t, t], dim=1)',
      '    k = q.shape[-1]',
      '    q = (1 - eps * k / (k - 1)) * q + eps / (k - 1)',
      '    return -(q * F.log_softmax(logits, -1)).sum(-1).mean()',
    ];
    assert.equal(definition(source, 'two_columns')?.convention, 'k_minus_1');
  });

  it('a smoothing amount computed per sample from the model’s confidence is adaptive smoothing (other)', () => {
    const source = [
      'def adaptive(x, y):',
      '    p = F.softmax(x, 1)',
      '    eps = 1 - p.max(1)[0].detach()',
      '    q = F.one_hot(y, x.size(1)) * (1 - eps[:, None]) + eps[:, None] / x.size(1)',
      '    return -(q * F.log_softmax(x, 1)).sum(1).mean()',
    ];
    expectOther(source, 'adaptive', /adaptive smoothing/);
  });

  it('1 − ε_i scattered over a fill of ε_i/(K−1), ε_i = α·p_y from the model, is adaptive smoothing, not a one-hot', () => {
    const source = [
      'def alsr(pred, gt, alpha=0.2):',
      '    num_classes = pred.size(1)',
      '    soft_label = F.softmax(pred, dim=1)',
      '    smooth_param = alpha * soft_label[torch.arange(soft_label.size(0)), gt].unsqueeze(1)',
      '    log_probs = F.log_softmax(pred, dim=1)',
      '    targets = torch.ones_like(log_probs)',
      '    targets *= smooth_param / (num_classes - 1)',
      '    targets.scatter_(1, gt.data.unsqueeze(1), (1 - smooth_param))',
      '    return (-targets * log_probs).sum(dim=1).mean()',
    ];
    expectOther(source, 'alsr', /adaptive smoothing/);
  });

  it('a smoothed target times a focal factor inside the sum keeps its convention, re-weighted', () => {
    const source = [
      'def focal_ls(x, y, eps=0.1, gamma=2.0):',
      '    logp = F.log_softmax(x, 1)',
      '    q = F.one_hot(y, x.size(1)) * (1 - eps) + eps / x.size(1)',
      '    return (-(q * (1 - logp.exp()) ** gamma * logp).sum(1)).mean()',
    ];
    const f = definition(source, 'focal_ls');
    assert.equal(f?.convention, 'uniform');
    assert.match(f?.message ?? '', /focal-style/);
  });

  it('look-alikes on hard labels stay none: a one-hot clamped away from 0 for a log (RCE), Poly-1', () => {
    const sce = [
      'def sce(x, y, a=0.1, b=1.0):',
      '    p = torch.clamp(F.softmax(x, 1), min=1e-7, max=1.0)',
      '    oh = torch.clamp(F.one_hot(y, 10).float(), min=1e-4, max=1.0)',
      '    ce = (-torch.sum(oh * torch.log(p), dim=1)).mean()',
      '    rce = (-torch.sum(p * torch.log(oh), dim=1)).mean()',
      '    return a * ce + b * rce',
    ];
    assert.equal(definition(sce, 'sce')?.convention, 'none');
    const poly = [
      'def poly(x, y, epsilon=1.0):',
      '    pt = (F.one_hot(y, x.size(1)) * F.softmax(x, 1)).sum(1)',
      '    return (F.cross_entropy(x, y, reduction="none") + epsilon * (1 - pt)).mean()',
    ];
    assert.equal(definition(poly, 'poly')?.convention, 'none');
  });

  it('the true class set to a share over the model’s probabilities (label relaxation by item assignment) is other', () => {
    const source = [
      'def relax(x, y, alpha=0.1):',
      '    p = F.softmax(x, dim=1)',
      '    with torch.no_grad():',
      '        rest = 1 - F.one_hot(y, x.shape[1])',
      '        q = alpha * p / torch.sum(rest * p, dim=1, keepdim=True)',
      '        q[torch.arange(y.shape[0]), y] = 1 - alpha',
      '    return F.kl_div(p.log(), q, reduction="batchmean")',
    ];
    expectOther(source, 'relax', /predictions' proportions/);
    const margin = [
      'def cw(x, y):',
      '    p = F.softmax(x, dim=1)',
      '    other = p.clone()',
      '    other[torch.arange(y.shape[0]), y] = 0',
      '    return (other.max(1)[0] - p.gather(1, y[:, None])[:, 0]).clamp(min=0).mean()',
    ];
    assert.notEqual(definition(margin, 'cw')?.convention, 'other');
  });

  it('a tensor overwritten whole (`q[:, :] = v`) is a fill of v; the true class then set makes the target', () => {
    const fixed = [
      'def fixed(x, y, eps=0.1):',
      '    q = F.softmax(x, dim=-1).detach()',
      '    q[:, :] = eps / (x.size(1) - 1)',
      '    q[torch.arange(len(q)), y] = 1 - eps',
      '    return -(F.log_softmax(x, dim=-1) * q).sum(-1).mean()',
    ];
    assert.equal(definition(fixed, 'fixed')?.convention, 'k_minus_1');
    const adaptive = [
      'def adaptive(x, y, teacher, eps=0.1):',
      '    q = F.softmax(teacher, dim=-1)',
      '    e = eps * (1 - q.gather(1, y.unsqueeze(1))[:, 0])',
      '    q[:, :] = e.unsqueeze(-1) / (x.size(1) - 1)',
      '    q[torch.arange(len(q)), y] = 1 - e',
      '    return -(F.log_softmax(x, dim=-1) * q).sum(-1).mean()',
    ];
    expectOther(adaptive, 'adaptive', /varies per sample/);
  });
});
