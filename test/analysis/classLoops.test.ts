// Cross-entropy against probabilistic labels written as a loop over the classes (snorkel's
// `cross_entropy_with_probs`): `for c in range(K): total += t[:, c] * F.cross_entropy(x, full(c), reduction='none')`
// adds Σ_c t_c·(−log p_c), the cross-entropy against t. Conventions derived by hand; positive/verify/verify_b17b.py
// checks the real file in torch.
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

describe('analysis: losses summed in a loop over the classes', () => {
  it('t[:, c] times the cross-entropy against class c, for each class of the shape, is a soft target', () => {
    const f = definition(
      [
        'def ce_with_probs(input, target):',
        '    num_points, num_classes = input.shape',
        '    cum_losses = input.new_zeros(num_points)',
        '    for y in range(num_classes):',
        '        target_temp = input.new_full((num_points,), y, dtype=torch.long)',
        '        y_loss = F.cross_entropy(input, target_temp, reduction="none")',
        '        cum_losses += target[:, y].float() * y_loss',
        '    return cum_losses.mean()',
      ],
      'ce_with_probs',
    );
    assert.equal(f?.convention, 'soft_target', f?.message ?? 'no finding for ce_with_probs');
  });

  it('so is F.nll_loss of log-probabilities against torch.full of each class, over num_classes', () => {
    const f = definition(
      [
        'def per_class(log_probs, target, num_classes=10):',
        '    total = 0',
        '    for c in range(num_classes):',
        '        idx = torch.full((log_probs.size(0),), c, dtype=torch.long)',
        "        total += target[:, c] * F.nll_loss(log_probs, idx, reduction='none')",
        '    return total.mean()',
      ],
      'per_class',
    );
    assert.equal(f?.convention, 'soft_target', f?.message ?? 'no finding for per_class');
  });

  it('a column t[:, c] of the given targets, smoothed toward 1/2 class by class, is binary smoothing', () => {
    const f = definition(
      [
        'def per_class_bce(pred, target, num_classes=5, eps=0.1):',
        '    loss = 0',
        '    for c in range(num_classes):',
        '        t = target[:, c] * (1 - eps) + 0.5 * eps',
        '        loss += F.binary_cross_entropy_with_logits(pred[:, c], t)',
        '    return loss / num_classes',
      ],
      'per_class_bce',
    );
    assert.equal(f?.convention, 'binary', f?.message ?? 'no finding for per_class_bce');
  });

  it('a loop over the samples is no loop over the classes: it claims no soft target', () => {
    const f = definition(
      [
        'def per_sample(x, y, t):',
        '    total = 0',
        '    for i in range(x.size(0)):',
        "        total += t[:, i] * F.cross_entropy(x, y, reduction='none')",
        '    return total.mean()',
      ],
      'per_sample',
    );
    assert.notEqual(f?.convention, 'soft_target', f?.message);
  });
});
