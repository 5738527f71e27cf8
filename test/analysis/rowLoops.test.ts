// Losses written as a loop over the samples (`for i in range(outputs.size(0)): loss += (1 - outputs[i][target[i]] ** q) / q`,
// L_DMI's GCE baseline): `x[i][y[i]]` is the label's entry of each row, `+=` sums over the batch, and a power of that
// entry reads it as the true-class probability the caller computed. Conventions derived by hand;
// positive/verify/verify_b17b.py checks the real file in torch.
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

describe('analysis: losses summed in a loop over the samples', () => {
  it('(1 − p_y^q)/q of given probabilities, summed row by row and divided by N, is a hard-label loss', () => {
    const f = definition(
      [
        'q = 0.7',
        'def lq_loss(outputs, target):',
        '    loss = 0',
        '    for i in range(outputs.size(0)):',
        '        loss += (1.0 - (outputs[i][target[i]]) ** q) / q',
        '    loss = loss / outputs.size(0)',
        '    return loss',
      ],
      'lq_loss',
    );
    assert.equal(f?.convention, 'none', f?.message ?? 'no finding for lq_loss');
  });

  it('−log_softmax(x)[i][y[i]] over range(len(y)) is the negative log-likelihood', () => {
    const f = definition(
      [
        'def nll_rows(logits, target):',
        '    p = F.log_softmax(logits, dim=1)',
        '    loss = 0',
        '    for i in range(len(target)):',
        '        loss += -p[i][target[i]]',
        '    return loss / len(target)',
      ],
      'nll_rows',
    );
    assert.equal(f?.convention, 'none', f?.message ?? 'no finding for nll_rows');
  });

  it('features summed row by row are no loss', () => {
    const f = definition(
      [
        'def feature_rows(x, w):',
        '    total = 0',
        '    for i in range(x.size(0)):',
        '        total += (x[i] * w[i]).sum()',
        '    return total',
      ],
      'feature_rows',
    );
    assert.equal(f, undefined, f?.message);
  });
});
