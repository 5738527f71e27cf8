// Losses on hard labels written the ways real projects write them (margin heads with a softmax written by hand,
// losses inherited through classes of the file, hard-example mining), each on a snippet written for this test:
// the finding must say `none` (no smoothing), never stay silent. Conventions derived by hand.
import { strict as assert } from 'node:assert';
import { analyzePython, type Finding } from '../../src/core/analysis';

const HEAD = ['import math', 'import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return analyzePython([...HEAD, ...source].join('\n')).find(
    (f) => f.kind === 'loss' && f.symbol === symbol && !f.details?.definedAt,
  );
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
});
