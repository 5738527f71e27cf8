// Framework code as training scripts write it (blind round b17c): a factory's nested BCE written with log σ, a guard
// on a constructor number decided at its default, torch's function forms of tensor methods (TorchScript exports).
// Conventions derived by hand; the corpus checks the same on real code (positive/verify/verify_b17c.py).
import { strict as assert } from 'node:assert';
import { analyzePython, type Convention, type Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

function expectConvention(source: string[], symbol: string, convention: Convention | undefined): void {
  const f = definition(source, symbol);
  assert.equal(f?.convention, convention, f?.message ?? `no finding for ${symbol}`);
}

describe('analysis: framework code (blind round b17c)', () => {
  describe('binary cross-entropy with logits written as x·(1 − t) − log σ(x)', () => {
    const bce = (target: string, body = '    return (y * (1 - t) - F.logsigmoid(y)).mean()') => [
      'def loss(y, y_gt, eps=0.1):',
      `    t = ${target}`,
      body,
    ];

    it('against ε + (1 − 2ε)·t is binary smoothing; against the labels it is a plain BCE', () => {
      expectConvention(bce('eps + (1 - 2 * eps) * y_gt'), 'loss', 'binary');
      expectConvention(bce('y_gt * (1 - eps) + eps / 2'), 'loss', 'binary');
      expectConvention(bce('y_gt'), 'loss', 'none');
    });

    it('inside a factory, plus the target entropy that makes it a KL (OvoTools)', () => {
      expectConvention(
        [
          'def SmoothBCE(label_smoothing=0.1):',
          '    def loss(y, y_gt):',
          '        y_gt = label_smoothing + (1 - 2 * label_smoothing) * y_gt',
          '        v = y * (1 - y_gt) - F.logsigmoid(y)',
          '        if label_smoothing:',
          '            v += y_gt * torch.log(y_gt) + (1 - y_gt) * torch.log(1 - y_gt)',
          '        return v.mean()',
          '    return loss',
        ],
        'SmoothBCE',
        'binary',
      );
    });

    it('log σ of something other than the logits multiplied is no cross-entropy', () => {
      expectConvention(
        bce('y_gt', '    return (y * (1 - t) - F.logsigmoid(2 * y)).mean()'),
        'loss',
        undefined,
      );
    });
  });

  describe('a guard comparing a constructor number with a literal is decided at its default', () => {
    const ignoring = (ignoreIndex: string) => [
      'class LabelSmoothingLoss(nn.Module):',
      `    def __init__(self, class_nums, label_smoothing, ignore_index=${ignoreIndex}):`,
      '        super().__init__()',
      '        self.ignore_index = ignore_index',
      '        one_hot = torch.full((class_nums,), label_smoothing / (class_nums - 1))',
      '        if self.ignore_index >= 0:',
      '            one_hot[self.ignore_index] = 0',
      "        self.register_buffer('one_hot', one_hot.unsqueeze(0))",
      '        self.confidence = 1.0 - label_smoothing',
      '',
      '    def forward(self, output, target):',
      '        log_output = F.log_softmax(output, dim=1)',
      '        model_prob = self.one_hot.repeat(target.size(0), 1)',
      '        model_prob.scatter_(1, target.unsqueeze(1), self.confidence)',
      '        return -torch.sum(model_prob * log_output) / target.size(0)',
    ];

    it('ignore_index=-100 skips the zeroed column: K−1; a default index ≥ 0 zeroes it: not K−1', () => {
      expectConvention(ignoring('-100'), 'LabelSmoothingLoss', 'k_minus_1');
      assert.notEqual(definition(ignoring('3'), 'LabelSmoothingLoss')?.convention, 'k_minus_1');
    });

    it('a criterion picked by `if label_smoothing > 0:` (default 0.0) is the smoothing one (OpenNMT style)', () => {
      expectConvention(
        [
          'class Smoothed(nn.Module):',
          '    def __init__(self, eps, k):',
          '        super().__init__()',
          '        self.eps, self.k = eps, k',
          '',
          '    def forward(self, logp, y):',
          '        q = torch.full_like(logp, self.eps / (self.k - 1))',
          '        q.scatter_(1, y.unsqueeze(1), 1 - self.eps)',
          "        return F.kl_div(logp, q, reduction='sum')",
          '',
          'class Compute(nn.Module):',
          '    def __init__(self, k, label_smoothing=0.0):',
          '        super().__init__()',
          '        if label_smoothing > 0:',
          '            self.criterion = Smoothed(label_smoothing, k)',
          '        else:',
          "            self.criterion = nn.NLLLoss(reduction='sum')",
          '',
          '    def forward(self, logp, y):',
          '        return self.criterion(logp, y)',
        ],
        'Compute',
        'k_minus_1',
      );
    });

    it('a guard that only switches smoothing off at the default keeps the smoothing path', () => {
      expectConvention(
        [
          'class SmoothCE(nn.Module):',
          '    def __init__(self, smoothing=0.0):',
          '        super().__init__()',
          '        self.smoothing = smoothing',
          '',
          '    def forward(self, x, y):',
          '        if self.smoothing > 0:',
          '            logp = F.log_softmax(x, -1)',
          '            nll = -logp.gather(-1, y.unsqueeze(1)).squeeze(1)',
          '            return ((1 - self.smoothing) * nll - self.smoothing * logp.mean(-1)).mean()',
          '        return F.cross_entropy(x, y)',
        ],
        'SmoothCE',
        'uniform',
      );
    });
  });

  describe("torch's function forms of tensor methods and typed attributes (TorchScript exports)", () => {
    const klLoss = (head: string[], body: string[]) => [
      'class LabelSmoothingLoss(nn.Module):',
      ...head,
      '    def forward(self, x, target):',
      ...body,
      '        kl = self.criterion(torch.log_softmax(x0, 1), true_dist)',
      '        return torch.sum(kl) / x.size(0)',
    ];
    const init = [
      '    def __init__(self, size, smoothing):',
      '        super().__init__()',
      '        self.size, self.smoothing, self.confidence = size, smoothing, 1.0 - smoothing',
      "        self.criterion = nn.KLDivLoss(reduction='none')",
      '',
    ];

    it('torch.fill_(t, v), torch.scatter_(t, 1, i, v), torch.view(x, s) act on their first argument in place', () => {
      const functionForms = [
        '        x0 = torch.view(x, [-1, self.size])',
        '        true_dist = torch.zeros_like(x0)',
        '        _1 = torch.div(self.smoothing, torch.sub(self.size, 1))',
        '        _2 = torch.fill_(true_dist, _1)',
        '        _3 = torch.scatter_(true_dist, 1, torch.unsqueeze(target, 1), self.confidence)',
      ];
      expectConvention(klLoss(init, functionForms), 'LabelSmoothingLoss', 'k_minus_1');
      const withoutScatter = functionForms.slice(0, -1);
      assert.notEqual(
        definition(klLoss(init, withoutScatter), 'LabelSmoothingLoss')?.convention,
        'k_minus_1',
      );
    });

    it('`criterion: <torch loss class>` declared in the class body is that loss, not an injected criterion', () => {
      const body = [
        '        x0 = x.view(-1, self.size)',
        '        true_dist = torch.zeros_like(x0)',
        '        true_dist.fill_(self.smoothing / (self.size - 1))',
        '        true_dist.scatter_(1, target.unsqueeze(1), self.confidence)',
      ];
      for (const type of ['nn.KLDivLoss', '__torch__.torch.nn.modules.loss.KLDivLoss'])
        expectConvention(klLoss([`    criterion: ${type}`, ''], body), 'LabelSmoothingLoss', 'k_minus_1');
      // A criterion of no known type handed the smoothed target is a call the analysis cannot see into: the target
      // decides the convention, and no torch call is claimed exact.
      const injected = definition(klLoss(['    criterion: object', ''], body), 'LabelSmoothingLoss');
      assert.equal(injected?.convention, 'k_minus_1', injected?.message);
      assert.equal(injected?.torchEquivalent, null);
      assert.match(injected?.message ?? '', /a call the analysis cannot see into/);
    });
  });

  it("fastai's losses are catalogued: LabelSmoothingCrossEntropy(Flat) is uniform, CrossEntropyLossFlat passes label_smoothing", () => {
    const source = [
      'from fastai.vision.all import Learner, LabelSmoothingCrossEntropyFlat, CrossEntropyLossFlat',
      'from fastai.losses import LabelSmoothingCrossEntropy',
      'def build(dls, model, cfg):',
      '    a = Learner(dls, model, loss_func=LabelSmoothingCrossEntropyFlat(eps=0.2))',
      '    b = Learner(dls, model, loss_func=LabelSmoothingCrossEntropy(eps=cfg.eps))',
      '    c = Learner(dls, model, loss_func=CrossEntropyLossFlat())',
      '    return a, b, c, CrossEntropyLossFlat(label_smoothing=0.1)',
    ];
    const calls = analyzePython([...HEAD, ...source].join('\n')).filter(
      (f) => f.kind === 'loss' && f.details?.definedAt !== undefined,
    );
    assert.deepEqual(
      calls.map((f) => [f.line, f.convention, f.epsilon]),
      [
        [8, 'uniform', 0.2],
        [9, 'uniform', null],
        [10, 'none', 0],
        [11, 'uniform', 0.1],
      ],
    );
  });

  it('a class count defaulting to None (`num_classes=None`) given to F.one_hot is a number, not an optional tensor', () => {
    const smoothed = (count: string) => [
      `    one_hot = F.one_hot(label, ${count}).float()`,
      `    smoothed = one_hot * (1 - eps) + eps / ${count}`,
      '    return -(smoothed * F.log_softmax(cls_score, dim=1)).sum(dim=1).mean()',
    ];
    expectConvention(
      ['def loss(cls_score, label, eps=0.1, num_classes=None):', ...smoothed('num_classes')],
      'loss',
      'uniform',
    );
    expectConvention(
      [
        'class SmoothCE(nn.Module):',
        '    def __init__(self, label_smooth_val=0.1, num_classes=None):',
        '        super().__init__()',
        '        self.eps, self.num_classes = label_smooth_val, num_classes',
        '',
        '    def forward(self, cls_score, label):',
        '        eps = self.eps',
        ...smoothed('self.num_classes').map((l) => `    ${l}`),
      ],
      'SmoothCE',
      'uniform',
    );
  });

  describe('training scripts: mixed precision, accelerators, a criterion built at module level', () => {
    const step = (criterion: string, backward: string[], global = false) => [
      ...(global ? [`criterion = ${criterion}`, ''] : []),
      'def train(model, loader, optimizer, scaler, accelerator):',
      ...(global ? [] : [`    criterion = ${criterion}`]),
      '    for x, y in loader:',
      '        with torch.cuda.amp.autocast():',
      '            loss = criterion(model(x), y)',
      ...backward.map((l) => `        ${l}`),
    ];
    const smoothing = 'nn.CrossEntropyLoss(label_smoothing=0.1)';

    it('scaler.scale(loss).backward(), accelerator.backward(loss) and manual_backward(loss) train with the loss', () => {
      for (const backward of [
        ['scaler.scale(loss).backward()', 'scaler.step(optimizer)', 'scaler.update()'],
        ['accelerator.backward(loss)', 'optimizer.step()'],
        ['self.manual_backward(loss)'],
      ])
        expectConvention(step(smoothing, backward), 'train', 'uniform');
      // A backward pass without an update of its own is told only when it smooths or distils.
      expectConvention(step('nn.CrossEntropyLoss()', ['scaler.scale(loss).backward()']), 'train', undefined);
    });

    it('a torch or catalogued criterion built at module level is what a training function calls', () => {
      expectConvention(step(smoothing, ['loss.backward()'], true), 'train', 'uniform');
      expectConvention(
        [
          'from timm.loss import LabelSmoothingCrossEntropy',
          ...step('LabelSmoothingCrossEntropy(smoothing=0.2)', ['scaler.scale(loss).backward()'], true),
        ],
        'train',
        'uniform',
      );
    });
  });

  it("numbers given to one of the file's classes stay its settings: classes=5 makes ε/(classes − 1) a K−1 fill", () => {
    const cls = [
      'class LabelSmoothingCE(nn.Module):',
      '    def __init__(self, classes, smoothing=0.1):',
      '        super().__init__()',
      '        self.classes, self.smoothing = classes, smoothing',
      '',
      '    def forward(self, pred, target):',
      '        pred = pred.log_softmax(dim=-1)',
      '        true_dist = torch.zeros_like(pred)',
      '        true_dist.fill_(self.smoothing / (self.classes - 1))',
      '        true_dist.scatter_(1, target.data.unsqueeze(1), 1 - self.smoothing)',
      '        return torch.mean(torch.sum(-true_dist * pred, dim=-1))',
      '',
    ];
    const train = (global: boolean) => [
      ...cls,
      ...(global ? ['criterion = LabelSmoothingCE(classes=5, smoothing=0.05)', ''] : []),
      'def train(model, loader, optimizer):',
      ...(global ? [] : ['    criterion = LabelSmoothingCE(classes=5, smoothing=0.05)']),
      '    for x, y in loader:',
      '        loss = criterion(model(x), y)',
      '        loss.backward()',
      '        optimizer.step()',
    ];
    for (const global of [false, true]) {
      const f = definition(train(global), 'train');
      assert.deepEqual([f?.convention, f?.epsilon], ['k_minus_1', 0.05], f?.message);
    }
  });

  it('a criterion built from a registry (MODELS.build(cfg), build_loss(cfg)) is delegated, never none', () => {
    const head = (build: string) => [
      'from mmpretrain.registry import MODELS',
      'from .builder import build_loss',
      'class Classifier(nn.Module):',
      "    def __init__(self, backbone, loss=dict(type='LabelSmoothLoss', label_smooth_val=0.1)):",
      '        super().__init__()',
      '        self.backbone = backbone',
      `        self.loss_module = ${build}`,
      '',
      '    def forward(self, x, y):',
      '        return self.loss_module(self.backbone(x), y)',
    ];
    for (const build of ['MODELS.build(loss)', 'build_loss(loss)']) {
      const f = definition(head(build), 'Classifier');
      assert.equal(f?.convention, null, f?.message ?? 'no finding');
      assert.match(f?.message ?? '', /delegated to `self\.loss_module`.*registry/);
    }
  });
});
