// Plain training and framework code (blind round b19b): timm-style BCE targets scattered with torch's function
// form, DETR-style set criteria (an integer fill of the no-object class as the target, losses dispatched through a
// dict of methods), OHEM's per-pixel losses selected before the mean. Conventions derived by hand; the corpus checks
// the same on real code (b19b/verify).
import { strict as assert } from 'node:assert';
import type { Convention, Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

function expectConvention(source: string[], symbol: string, convention: Convention): void {
  const f = definition(source, symbol);
  assert.equal(f?.convention, convention, f?.message ?? `no finding for ${symbol}`);
}

describe('analysis: plain training and framework code (blind round b19b)', () => {
  it('torch.scatter(fill, dim, labels, on) out of place builds the target like fill.scatter(dim, labels, on)', () => {
    expectConvention(
      [
        'class BinaryCrossEntropy(nn.Module):',
        '    def __init__(self, label_smoothing=0.1):',
        '        super().__init__()',
        '        self.smoothing = label_smoothing',
        '    def forward(self, x, y):',
        '        smooth = self.smoothing / x.size(-1)',
        '        label = 1.0 - self.smoothing + smooth',
        '        y = torch.scatter(torch.full_like(x, smooth), -1, y.long().view(-1, 1), label)',
        '        return F.binary_cross_entropy_with_logits(x, y)',
      ],
      'BinaryCrossEntropy',
      'uniform',
    );
  });

  it('scattered along arange(n), in either form, a value masks the diagonal (SupCon): no target, no smoothing', () => {
    for (const diagonal of [
      'torch.scatter(torch.ones_like(mask), 1, torch.arange(n).view(-1, 1), 0)',
      'torch.ones_like(mask).scatter(1, torch.arange(n).view(-1, 1), 0)',
    ]) {
      const supcon = definition(
        [
          'def supcon(logits, labels, n):',
          '    mask = torch.eq(labels.view(-1, 1), labels.view(1, -1)).float()',
          `    logits_mask = ${diagonal}`,
          '    mask = mask * logits_mask',
          '    log_prob = logits - torch.log((torch.exp(logits) * logits_mask).sum(1, keepdim=True))',
          '    return -((mask * log_prob).sum(1) / mask.sum(1)).mean()',
        ],
        'supcon',
      );
      assert.ok(!['uniform', 'k_minus_1', 'other'].includes(supcon?.convention ?? 'none'), supcon?.message);
    }
  });

  it('an integer fill (the no-object class) with matched labels written in is class indices, not a target', () => {
    const labels = (fill: string) => [
      'def loss_labels(logits, labels, idx, num_classes, eos_coef=0.1):',
      '    weight = torch.ones(num_classes + 1)',
      '    weight[-1] = eos_coef',
      `    target = ${fill}`,
      '    target[idx] = labels',
      '    return F.cross_entropy(logits.transpose(1, 2), target, weight)',
    ];
    expectConvention(
      labels('torch.full(logits.shape[:2], num_classes, dtype=torch.int64, device=logits.device)'),
      'loss_labels',
      'none',
    );
    // An integer one-hot turned into a float target and smoothed stays a target.
    expectConvention(
      [
        'def smoothed(logits, target, eps=0.1):',
        '    k = logits.shape[-1]',
        '    onehot = torch.zeros(target.size(0), k, dtype=torch.long)',
        '    onehot[torch.arange(target.size(0)), target] = 1',
        '    q = (1.0 - eps) * onehot.to(logits.dtype) + eps / k',
        '    return -(q * F.log_softmax(logits, dim=-1)).sum(-1).mean()',
      ],
      'smoothed',
      'uniform',
    );
  });

  it('rows taken out by a selection (l[mask]) leave the mean; rows zeroed by masked_fill are still counted', () => {
    const perRow = (kept: string) => [
      'def masked_ce(x, y, pad=0):',
      "    l = F.cross_entropy(x, y, reduction='none')",
      `    return ${kept}.mean()`,
    ];
    const selected = definition(perRow('l[y != pad]'), 'masked_ce');
    assert.equal(selected?.details?.maskedRowsInMean, undefined, selected?.message);
    assert.equal(selected?.torchEquivalent, 'nn.CrossEntropyLoss(ignore_index=pad)');
    const zeroed = definition(perRow('l.masked_fill(y == pad, 0)'), 'masked_ce');
    assert.equal(zeroed?.details?.maskedRowsInMean, true, zeroed?.message);
    // Zeroed first, then selected: the zeros may still be among the rows kept.
    const both = definition(perRow('l.masked_fill(y == pad, 0)[y >= 0]'), 'masked_ce');
    assert.equal(both?.details?.maskedRowsInMean, true, both?.message);
  });

  describe('a set criterion dispatching its losses through a dict of its methods (DETR, Mask2Former)', () => {
    const criterion = (ce: string) => [
      'class SetCriterion(nn.Module):',
      '    def __init__(self, num_classes, matcher, losses, eps=0.1):',
      '        super().__init__()',
      '        self.num_classes, self.matcher, self.losses, self.eps = num_classes, matcher, losses, eps',
      '    def loss_labels(self, outputs, targets, indices):',
      '        logits = outputs["pred_logits"]',
      '        target = torch.cat([t["labels"][j] for t, (_, j) in zip(targets, indices)])',
      `        return {"loss_ce": ${ce}}`,
      '    def loss_boxes(self, outputs, targets, indices):',
      '        return {"loss_bbox": F.l1_loss(outputs["pred_boxes"], targets[0]["boxes"])}',
      '    def get_loss(self, loss, outputs, targets, indices):',
      '        loss_map = {"labels": self.loss_labels, "boxes": self.loss_boxes}',
      '        return loss_map[loss](outputs, targets, indices)',
      '    def forward(self, outputs, targets):',
      '        indices = self.matcher(outputs, targets)',
      '        losses = {}',
      '        for loss in self.losses:',
      '            losses.update(self.get_loss(loss, outputs, targets, indices))',
      '        return losses',
    ];

    it('is the losses of those methods, not the matcher it was given (which only pairs predictions)', () => {
      expectConvention(criterion('F.cross_entropy(logits, target)'), 'SetCriterion', 'none');
      expectConvention(
        criterion('F.cross_entropy(logits, target, label_smoothing=self.eps)'),
        'SetCriterion',
        'uniform',
      );
    });
  });
});
