// Soft targets and smoothing written outside a neat loss class: a teacher's predictions as the target of a
// cross-entropy, losses returned as tuples or dicts, two-column binary targets, class masks that are no targets.
import * as assert from 'node:assert/strict';
import { analyzePython, type Finding } from '../../src/core/analysis';
import { definitionAt } from './helpers';

const py = (lines: string[]): string => `${lines.join('\n')}\n`;
const HEADER = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];
const at = (source: string[], line: number): Finding =>
  definitionAt(analyzePython(py([...HEADER, ...source])), line);

describe('analysis: soft targets outside a loss class', () => {
  it("a teacher's softmax as the target of cross_entropy (function or module) is a soft target", () => {
    const source = [
      'def distil(student_logits, teacher_logits, tau=4.0):',
      '    soft = F.softmax(teacher_logits / tau, dim=-1)',
      '    return F.cross_entropy(student_logits / tau, soft) * tau ** 2',
      '',
      'def distil_module(s, t):',
      '    return nn.CrossEntropyLoss()(s, torch.softmax(t, -1))',
    ];
    assert.equal(at(source, 5).convention, 'soft_target');
    const module = at(source, 9);
    assert.equal(module.convention, 'soft_target');
    assert.equal(module.torchEquivalent, 'nn.CrossEntropyLoss()(logits, target_probs)');
  });

  it("a loss the analysis cannot see into, given a teacher's softmax, is a soft-target loss", () => {
    const source = [
      'from some_toolkit.losses import soft_ce',
      '',
      'class Distil(nn.Module):',
      '    def __init__(self, tau: float = 2.0):',
      '        super().__init__()',
      '        self.tau = tau',
      '        self.crit = soft_ce',
      '',
      '    def forward(self, s, t):',
      '        return self.crit(s / self.tau, F.softmax(t / self.tau, dim=-1)) * self.tau ** 2',
    ];
    assert.equal(at(source, 7).convention, 'soft_target');
  });

  it("of the returns on a flag's two paths, the default path's is the one the equivalent takes", () => {
    const source = [
      'def soft_ce(x, q, size_average=True):',
      '    rows = torch.sum(-q * F.log_softmax(x, dim=1), dim=1)',
      '    if size_average:',
      '        return rows.mean()',
      '    return rows.sum()',
      '',
      'def soft_ce_else(x, q, size_average=True):',
      '    if size_average:',
      '        return torch.mean(torch.sum(-q * F.log_softmax(x, dim=1), dim=1))',
      '    else:',
      '        return torch.sum(torch.sum(-q * F.log_softmax(x, dim=1), dim=1))',
    ];
    for (const line of [5, 11])
      assert.equal(at(source, line).torchEquivalent, 'nn.CrossEntropyLoss()(logits, target_probs)');
  });

  it("the model's own softmax as its target is no distillation", () => {
    const source = [
      'def self_target(logits):',
      '    return F.cross_entropy(logits, F.softmax(logits, dim=1))',
    ];
    assert.notEqual(at(source, 5).convention, 'soft_target');
  });

  it("a teacher's argmax (hard distillation) beside its soft KL, added to the labels' loss, is a soft target", () => {
    const source = [
      'class Distil(nn.Module):',
      "    def __init__(self, teacher, kind='soft', w=0.5):",
      '        super().__init__()',
      '        self.teacher, self.kind, self.w = teacher, kind, w',
      '',
      '    def forward(self, x, logits, labels):',
      '        hard = F.cross_entropy(logits, labels)',
      '        with torch.no_grad():',
      '            t = self.teacher(x)',
      '        if self.kind == mode_of(x):',
      '            extra = F.kl_div(F.log_softmax(logits, 1), F.softmax(t, 1), reduction="batchmean")',
      '        else:',
      '            extra = F.cross_entropy(logits, t.argmax(1))',
      '        return (1 - self.w) * hard + self.w * extra',
    ];
    assert.equal(at(source, 5).convention, 'soft_target');
  });

  it('of the losses a tuple or dict returns, the distillation term tells the convention, a smoothed one first', () => {
    const source = [
      'def parts(s, t, y):',
      '    ce = F.cross_entropy(s, y)',
      '    kd = F.kl_div(F.log_softmax(s, -1), F.softmax(t, -1), reduction="batchmean")',
      '    return ce, kd',
      '',
      'def named_parts(s, t, y):',
      '    return {"ce": F.cross_entropy(s, y), "kd": -(F.softmax(t, 1) * F.log_softmax(s, 1)).sum(1).mean()}',
      '',
      'def smoothed_and_nll(s, y, eps=0.1):',
      '    lp = F.log_softmax(s, -1)',
      '    nll = -lp.gather(-1, y.unsqueeze(-1)).squeeze(-1).mean()',
      '    return (1 - eps) * nll - eps * lp.mean(-1).mean(), nll',
    ];
    assert.equal(at(source, 5).convention, 'soft_target');
    assert.equal(at(source, 10).convention, 'soft_target');
    assert.equal(at(source, 13).convention, 'uniform');
  });

  it("a KL to a teacher's sigmoid probabilities plus BCE on the labels is binary distillation: a soft target", () => {
    const source = [
      'def binary_kd(logits, teacher_logits, y, t=2.0, w=0.3):',
      '    q = torch.sigmoid(teacher_logits / t)',
      '    p = torch.sigmoid(logits / t)',
      '    soft = F.kl_div(p.log(), q) + F.kl_div((1 - p).log(), 1 - q)',
      '    hard = F.binary_cross_entropy_with_logits(logits, y)',
      '    return (1 - w) * soft * t * t + w * hard',
    ];
    assert.equal(at(source, 5).convention, 'soft_target');
  });

  it('a target one-hot encoded only when given as indices stays the soft target it is otherwise', () => {
    const source = [
      'def soft_or_hard(logits, target):',
      '    if target.ndim == 1:',
      '        target = F.one_hot(target, logits.size(-1)).float()',
      '    return -(target * F.log_softmax(logits, -1)).sum(-1).mean()',
      '',
      'def smoothed_either_way(logits, target, eps=0.1):',
      '    k = logits.size(-1)',
      '    if target.ndim == 1:',
      '        target = F.one_hot(target, k).float()',
      '    target = target * (1 - eps) + eps / k',
      '    return -(target * F.log_softmax(logits, -1)).sum(-1).mean()',
    ];
    assert.equal(at(source, 5).convention, 'soft_target');
    assert.equal(at(source, 10).convention, 'uniform');
  });

  it('torch.cat / stack of [1 − t, t] is a two-class target: smoothing t then stacking is ε/K with K = 2', () => {
    const source = [
      'def two_columns(logits, t, eps=0.2):',
      '    t = t.float() * (1 - eps) + eps / 2',
      '    return F.cross_entropy(logits, torch.stack([1 - t, t], dim=1))',
      '',
      'def columns_first(logits, t, s=0.2):',
      '    q = torch.cat([t, 1 - t], dim=-1) * (1 - s) + s / 2',
      '    return -(q * F.log_softmax(logits, -1)).sum(-1).mean()',
    ];
    for (const line of [5, 9]) {
      const f = at(source, line);
      assert.equal(f.convention, 'uniform');
      assert.equal(f.details?.classes, 2);
    }
    assert.match(at(source, 5).torchEquivalent ?? '', /label_smoothing=eps/);
  });

  it('the argmax of a built target is class indices again: a smoothing criterion keeps its convention', () => {
    const source = [
      'class Wrapped(nn.Module):',
      '    def __init__(self, ls=0.1):',
      '        super().__init__()',
      '        self.crit = nn.CrossEntropyLoss(label_smoothing=ls)',
      '',
      '    def forward(self, x, t):',
      '        if x.ndim == t.ndim:',
      '            t = torch.cat([1 - t, t], dim=1).argmax(dim=1)',
      '        return self.crit(x, t)',
    ];
    assert.equal(at(source, 5).convention, 'uniform');
  });

  it('a mask of the other classes (ones, 0 scattered at the label) is no smoothed target', () => {
    const findings = analyzePython(
      py([
        ...HEADER,
        'def others(logits, y):',
        '    return torch.ones_like(logits).scatter_(1, y.unsqueeze(1), 0)',
        '',
        'def complement(y, k):',
        '    return 1 - F.one_hot(y, k)',
      ]),
    );
    assert.deepEqual(
      findings.filter((f) => f.kind === 'loss' && f.convention !== null).map((f) => [f.symbol, f.convention]),
      [],
    );
  });

  it('KL written as q·(log q − log_softmax(x)) of a given target, its log kept off zero (`q + 1e-10`), is a soft target', () => {
    const source = [
      'def kl_given(logits, q):',
      '    return torch.sum((torch.log(q + 1e-10) - F.log_softmax(logits, -1)) * q, dim=-1).mean()',
      '',
      'def kl_probs(logits, q):',
      '    p = torch.softmax(logits, -1)',
      '    return (q * (q.log() - torch.log(p))).sum(-1).mean()',
    ];
    for (const line of [5, 8]) {
      const f = at(source, line);
      assert.equal(f.convention, 'soft_target');
      assert.equal(f.torchEquivalent, "nn.KLDivLoss(reduction='batchmean')(log_probs, target_probs)");
    }
  });

  it('two given targets mixed with weights summing to 1 (mixup of the labels) are a soft target, not smoothing', () => {
    const source = [
      'def mixed_bce(logits, y_a, y_b, lam):',
      '    t = lam * y_a + (1 - lam) * y_b',
      '    return F.binary_cross_entropy_with_logits(logits, t)',
      '',
      'def mixed_ce(logits, y_a, y_b, lam: float):',
      '    t = y_a * lam + y_b * (1 - lam)',
      '    return -(t * F.log_softmax(logits, -1)).sum(-1).mean()',
      '',
      'def shifted(logits, t, eps):',
      '    return F.binary_cross_entropy_with_logits(logits, t * (1 - eps) + eps)',
      '',
      'def mixed_call(logits, y_a, y_b, lam):',
      '    return F.cross_entropy(logits, lam * y_a + (1 - lam) * y_b)',
    ];
    assert.equal(at(source, 5).convention, 'soft_target');
    assert.equal(at(source, 9).convention, 'soft_target');
    assert.equal(at(source, 9).torchEquivalent, 'nn.CrossEntropyLoss()(logits, target_probs)');
    assert.equal(at(source, 13).convention, 'other');
    assert.equal(at(source, 16).convention, 'soft_target');
    assert.equal(at(source, 5).torchEquivalent, 'nn.BCEWithLogitsLoss()');
  });

  it('labels unpacked from one parameter (`y_a, y_b, lam = targets`) are different labels: their λ-mix is mixup', () => {
    const source = [
      'def mixup_ce(pred, targets):',
      '    y_a, y_b, lam = targets',
      '    return lam * F.cross_entropy(pred, y_a) + (1 - lam) * F.cross_entropy(pred, y_b)',
      '',
      'def plain(batch, model):',
      '    x, y = batch',
      '    return F.cross_entropy(model(x), y)',
    ];
    assert.equal(at(source, 5).convention, 'soft_target');
    assert.equal(at(source, 9).convention, 'none');
  });
  it("the top k of a teacher's probabilities scattered back into zeros (word-level distillation) are a soft target", () => {
    const source = [
      'def word_kd(logits, teacher_logits, target, pad, w=0.5, k=8):',
      '    lprobs = F.log_softmax(logits, -1)',
      '    probs = F.softmax(teacher_logits, -1)',
      '    top, idx = torch.topk(probs, k=k)',
      '    sparse = torch.zeros(probs.shape).type_as(probs).scatter(1, idx, top / torch.sum(top))',
      '    kd = -torch.sum(sparse * lprobs)',
      "    nll = F.nll_loss(lprobs, target, ignore_index=pad, reduction='sum')",
      '    return kd * w + nll * (1 - w)',
      '',
      'def hard(logits, target):',
      '    t = torch.zeros_like(logits).scatter_(1, target.unsqueeze(1), 1.0)',
      '    return -(t * F.log_softmax(logits, -1)).sum(-1).mean()',
    ];
    assert.equal(at(source, 5).convention, 'soft_target');
    assert.equal(at(source, 14).convention, 'none');
  });

  it("fairseq's get_normalized_probs is the (log-)softmax of the output it is given: a teacher's is a soft target", () => {
    const source = [
      'def kd(model, teacher, sample, pad, w=0.5):',
      "    lprobs = model.get_normalized_probs(model(**sample['net_input']), log_probs=True)",
      "    probs = teacher.get_normalized_probs(teacher(**sample['net_input']), log_probs=False)",
      '    kd_loss = -torch.sum(probs * lprobs)',
      "    nll = F.nll_loss(lprobs, sample['target'], ignore_index=pad, reduction='sum')",
      '    return kd_loss * w + nll * (1 - w)',
    ];
    assert.equal(at(source, 5).convention, 'soft_target');
  });

  it('two CEs over different predictions and labels (in- and out-of-distribution batches) are no mixup', () => {
    const source = [
      'def in_out(pred_in, labels_in, pred_out, labels_out, lam=4):',
      '    return F.cross_entropy(pred_in, labels_in) + lam * F.cross_entropy(pred_out, labels_out)',
      '',
      'def mixed(pred, y_a, y_b, lam):',
      '    return lam * F.cross_entropy(pred, y_a) + (1 - lam) * F.cross_entropy(pred, y_b)',
    ];
    assert.equal(at(source, 5).convention, 'none');
    assert.equal(at(source, 8).convention, 'soft_target');
  });

  it("a teacher's softmax or sigmoid as a binary cross-entropy's target is a soft target; labels and its own σ are not", () => {
    const source = [
      'def binary_kd(z_s, z_t):',
      '    return F.binary_cross_entropy_with_logits(z_s, z_t.softmax(1))',
      '',
      'def sigmoid_kd(s, t):',
      '    return F.binary_cross_entropy(torch.sigmoid(s), torch.sigmoid(t).detach())',
      '',
      'def focal_kd(x, t, gamma=2.0):',
      '    q = torch.sigmoid(t)',
      "    bce = F.binary_cross_entropy_with_logits(x, q, reduction='none')",
      '    return (bce * (q - x.sigmoid()).abs().pow(gamma)).mean()',
      '',
      'def own_sigmoid(x):',
      '    return F.binary_cross_entropy_with_logits(x, torch.sigmoid(x).detach())',
      '',
      'def labels(x, y):',
      '    return F.binary_cross_entropy_with_logits(x, y)',
    ];
    const kd = at(source, 5);
    assert.equal(kd.convention, 'soft_target');
    assert.equal(kd.torchEquivalent, 'nn.BCEWithLogitsLoss()');
    assert.equal(at(source, 8).convention, 'soft_target');
    const focal = at(source, 11);
    assert.equal(focal.convention, 'soft_target');
    assert.equal(focal.details?.closestTorch?.call, 'nn.BCEWithLogitsLoss()(logits, target_probs)');
    assert.equal(at(source, 16).convention, 'none');
    assert.equal(at(source, 19).convention, 'none');
  });

  it("a binary cross-entropy written by hand against a teacher's σ (log σ(±x) times q, 1 − q) is a soft target", () => {
    const source = [
      'def hand_binary_kd(x, t, T=2.0):',
      '    q = torch.sigmoid(t / T)',
      '    return -(q * F.logsigmoid(x) + (1 - q) * F.logsigmoid(-x)).mean()',
      '',
      'def hand_bce(x, y):',
      '    return -(y * F.logsigmoid(x) + (1 - y) * F.logsigmoid(-x)).mean()',
    ];
    const kd = at(source, 5);
    assert.equal(kd.convention, 'soft_target');
    assert.equal(kd.torchEquivalent, 'nn.BCEWithLogitsLoss()(logits, target_probs)');
    assert.equal(at(source, 9).convention, 'none');
  });
});
