// Per-sample losses written into a buffer row by row (`loss = torch.empty_like(p); loss[clip] = …; loss[~clip] = …`),
// as piecewise robust losses do (PHuber-CE and PHuber-GCE of "Can gradient clipping mitigate label noise?"): the
// buffer holds the loss its rows were set to. Conventions derived by hand; positive/verify/verify_b17b.py checks the
// real files in torch.
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import math', 'import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

const piecewise = (above: string) => [
  'class PHuber(nn.Module):',
  '    def __init__(self, q: float = 0.7, tau: float = 10):',
  '        super().__init__()',
  '        self.q = q',
  '        self.tau = tau',
  '        self.prob_thresh = 1 / self.tau',
  '        self.boundary_term = math.log(self.tau) + 1',
  '',
  '    def forward(self, input, target):',
  '        p = F.softmax(input, dim=1)',
  '        p = p[torch.arange(p.shape[0]), target]',
  '        loss = torch.empty_like(p)',
  '        clip = p <= self.prob_thresh',
  '        loss[clip] = -self.tau * p[clip] + self.boundary_term',
  `        loss[~clip] = ${above}`,
  '        return torch.mean(loss)',
];

describe('analysis: losses written into a buffer row by row', () => {
  it('a piecewise function of p_y (linear below a threshold, −log p_y above) is a hard-label loss', () => {
    const f = definition(piecewise('-torch.log(p[~clip])'), 'PHuber');
    assert.equal(f?.convention, 'none', f?.message ?? 'no finding for PHuber');
    // −log p_y on some rows only: nn.CrossEntropyLoss() is not its value (check_equivalents.py runs it).
    assert.equal(f?.torchEquivalent, null, f?.torchEquivalent ?? undefined);
  });

  it('so is the linear piece beside (1 − p_y^q)/q: −τ·p_y falls with p_y for a positive τ', () => {
    const f = definition(piecewise('(1 - p[~clip] ** self.q) / self.q'), 'PHuber');
    assert.equal(f?.convention, 'none', f?.message ?? 'no finding for PHuber');
  });

  it('a zero buffer holding per-sample cross-entropies of some rows is that loss', () => {
    const f = definition(
      [
        'def kept_rows(x, y, keep):',
        '    out = torch.zeros(x.size(0))',
        "    out[keep] = F.cross_entropy(x[keep], y[keep], reduction='none')",
        '    return out.mean()',
      ],
      'kept_rows',
    );
    assert.equal(f?.convention, 'none', f?.message ?? 'no finding for kept_rows');
    // The rows not kept count as zeros in the mean.
    assert.equal(f?.torchEquivalent, null, f?.torchEquivalent ?? undefined);
  });

  it('a buffer filled with features or masks is no loss', () => {
    const f = definition(
      [
        'def scaled(x, keep):',
        '    out = torch.zeros_like(x)',
        '    out[keep] = x[keep] * 2',
        '    return out.mean()',
      ],
      'scaled',
    );
    assert.equal(f, undefined, f?.message);
  });
});
