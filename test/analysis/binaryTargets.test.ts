// Binary cross-entropy read label by label: a target's total that moves with ε is no renormalised convention (BCE
// is not the same loss up to a scale when its target is rescaled, unlike a softmax cross-entropy).
// Conventions derived by hand from the maths.
import { strict as assert } from 'node:assert';
import { analyzePython, type Finding } from '../../src/core/analysis';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return analyzePython([...HEAD, ...source].join('\n')).find(
    (f) => f.kind === 'loss' && f.symbol === symbol && !f.details?.definedAt,
  );
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
