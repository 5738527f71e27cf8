// Binary cross-entropy read label by label: a target's total that moves with ε is no renormalised convention (BCE
// is not the same loss up to a scale when its target is rescaled, unlike a softmax cross-entropy).
// Conventions derived by hand from the maths.
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

describe('analysis: binary cross-entropy targets read as they are', () => {
  const lifted = (loss: string, target: string) => [
    'def lifted(x, t, eps=0.05):',
    `    q = ${target}`,
    `    return ${loss}`,
  ];

  it('labels lifted by ε/K under a BCE (1 + ε/K at the label) are other; the same under a softmax CE is uniform', () => {
    const bce = definition(
      lifted('F.binary_cross_entropy_with_logits(x, q)', 't + eps / t.size(-1)'),
      'lifted',
    );
    assert.equal(bce?.convention, 'other', bce?.message);
    const ce = definition(
      lifted('-(q * F.log_softmax(x, dim=-1)).sum(-1).mean()', 't + eps / t.size(-1)'),
      'lifted',
    );
    assert.equal(ce?.convention, 'uniform', ce?.message);
  });

  it('a BCE against t·(1 − ε) + ε/K keeps uniform, and t·(1 − ε) + ε/2 binary', () => {
    const uniform = lifted('F.binary_cross_entropy_with_logits(x, q)', 't * (1 - eps) + eps / t.size(-1)');
    assert.equal(definition(uniform, 'lifted')?.convention, 'uniform');
    const binary = lifted('F.binary_cross_entropy_with_logits(x, q)', 't * (1 - eps) + eps / 2');
    assert.equal(definition(binary, 'lifted')?.convention, 'binary');
  });

  it('a summed BCE over the batch divided by its size still reads the target, not the 1/N, as the scale', () => {
    const source = [
      'def summed(p, t, eps=0.1):',
      '    n, k = t.shape',
      '    q = t * (1 - eps) + eps / k',
      '    return -(q * torch.log(p) + (1 - q) * torch.log(1 - p)).sum() / n',
    ];
    assert.equal(definition(source, 'summed')?.convention, 'uniform');
  });
});

describe('analysis: statistics of the labels over the batch are weights', () => {
  it('a positive-class weight counted from the labels (t.sum(0)) leaves a hand-written BCE plain, a smoothed one binary', () => {
    const balanced = [
      'def balanced(p, t):',
      '    counts = t.sum(dim=0, keepdim=True)',
      '    pos_weight = (len(t) - counts) / (counts + 1e-7)',
      '    return (-pos_weight * t * p.log() - (1 - t) * (1 - p).log()).mean()',
    ];
    assert.equal(definition(balanced, 'balanced')?.convention, 'none');
    const smoothed = [
      'def smoothed(x, t, eps=0.1):',
      '    pos_weight = (t.shape[0] - t.sum(0)) / (t.sum(0) + 1e-7)',
      '    return F.binary_cross_entropy_with_logits(x, t * (1 - eps) + eps / 2, pos_weight=pos_weight)',
    ];
    assert.equal(definition(smoothed, 'smoothed')?.convention, 'binary');
  });

  it('a loss class whose forward may recount its weight from the target keeps its finding', () => {
    const source = [
      'def weighted_bce(p, t, pos_weight):',
      '    return (-pos_weight * t * p.log() - (1 - t) * (1 - p).log()).mean()',
      '',
      'class WeightedBCE(nn.Module):',
      '    def __init__(self, pos_weight, dynamic=False):',
      '        super().__init__()',
      '        self.pos_weight = pos_weight',
      '        self.dynamic = dynamic',
      '',
      '    def forward(self, input, target):',
      '        if self.dynamic:',
      '            counts = target.sum(dim=0, keepdim=True)',
      '            self.pos_weight = (len(target) - counts) / (counts + 1e-7)',
      '        return weighted_bce(input, target, pos_weight=self.pos_weight)',
    ];
    assert.equal(definition(source, 'WeightedBCE')?.convention, 'none');
  });
});

describe('analysis: binary labels set by a test of themselves', () => {
  it('masked_fill(t == 1, 1 − s).masked_fill(t == 0, s) is binary smoothing with α = 2s', () => {
    const source = [
      'def filled(x, target, smoothing=0.1):',
      '    smooth = target.clone().masked_fill(target == 1, 1.0 - smoothing)',
      '    smooth = smooth.masked_fill(target == 0, smoothing)',
      '    return F.binary_cross_entropy_with_logits(x, smooth)',
    ];
    const f = definition(source, 'filled');
    assert.equal(f?.convention, 'binary', f?.message);
    assert.equal(f?.epsilon, 0.2);
  });

  it('t[t == 1] = 1 − s; t[t == 0] = s is the same (the second test reads the negatives once the positives moved)', () => {
    const source = [
      'def assigned(logits, labels, smoothing=0.1):',
      '    labels = labels.clone()',
      '    labels[labels == 1] = 1 - smoothing',
      '    labels[labels == 0] = smoothing',
      '    return F.binary_cross_entropy_with_logits(logits, labels)',
    ];
    const f = definition(source, 'assigned');
    assert.equal(f?.convention, 'binary', f?.message);
    assert.equal(f?.epsilon, 0.2);
  });

  it('only the positives lowered (t[t == 1] = 0.9) is no symmetric binary smoothing; padding re-encoded is none', () => {
    const positives = [
      'def positives(logits, labels):',
      '    labels = labels.clone()',
      '    labels[labels == 1] = 0.9',
      '    return F.binary_cross_entropy_with_logits(logits, labels)',
    ];
    assert.notEqual(definition(positives, 'positives')?.convention, 'binary');
    const padding = [
      'def padded(logits, labels):',
      '    labels[labels == 255] = 0',
      '    return F.binary_cross_entropy_with_logits(logits, labels)',
    ];
    assert.notEqual(definition(padding, 'padded')?.convention, 'binary');
  });

  it('domain labels given by position, 1 − ε then ε blocks concatenated over the batch, are binary smoothing', () => {
    const domain = (source: string, target: string) => [
      'def domain(d, f_s, f_t, eps=0.1):',
      `    labels = torch.cat((torch.ones((f_s.size(0), 1)) * ${source}, torch.ones((f_t.size(0), 1)) * ${target}))`,
      '    return F.binary_cross_entropy(d, labels)',
    ];
    const smoothed = definition(domain('(1 - eps)', 'eps'), 'domain');
    assert.equal(smoothed?.convention, 'binary', smoothed?.message);
    assert.equal(smoothed?.epsilonParam, 'eps');
    assert.notEqual(definition(domain('1', '0'), 'domain')?.convention, 'binary');
    assert.notEqual(definition(domain('(1 - eps)', '0'), 'domain')?.convention, 'binary');
  });
});

describe('analysis: a parameter summed over its row beside a binary loss', () => {
  it('a target row sum weighting another term (a box loss) is no smoothing; the predictions summed still are', () => {
    const boxes = [
      'def boxes(p, t, box):',
      "    return F.binary_cross_entropy(p, t, reduction='sum') + (box.sum() * t.sum(-1)).sum()",
    ];
    const weighted = definition(boxes, 'boxes');
    assert.equal(weighted?.convention, 'none', weighted?.message);
    const own = [
      'def own(x, t, eps=0.1):',
      "    return (1 - eps) * F.binary_cross_entropy_with_logits(x, t, reduction='sum') - eps * x.sum(-1).sum()",
    ];
    assert.equal(definition(own, 'own')?.convention, 'other');
  });

  it('ε shown a number by `eps or 0` makes (t + ε) / 2 other, not a mixup of two given targets', () => {
    const halved = [
      'def halved(inputs, target, smooth_eps=None):',
      '    smooth_eps = smooth_eps or 0',
      '    if smooth_eps > 0:',
      '        target = target.float()',
      '        target.add_(smooth_eps)',
      '        target.div_(2.)',
      '    return F.binary_cross_entropy(inputs, target)',
    ];
    const found = definition(halved, 'halved');
    assert.equal(found?.convention, 'other', found?.message);
  });
});
