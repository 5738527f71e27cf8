// Losses handed around before they are applied: a torch loss function with its options bound by
// `functools.partial` and given to a helper, log-probabilities sliced to the labels' length before a smoothing term
// is taken of them. Each snippet is written for this test (after SpeechBrain's nll_loss → compute_masked_loss →
// reduce_loss); conventions were derived by hand.
import { strict as assert } from 'node:assert';
import { definitionIn } from './helpers';

const HEAD = ['import functools', 'import torch', 'import torch.nn.functional as F', ''];

/** −ε·mean_k(log p_k) + (1 − ε)·nll: uniform smoothing when the predictions are log-probabilities. */
const REDUCE = [
  'def reduce_loss(loss, label_smoothing=0.0, predictions=None):',
  '    loss = loss.mean()',
  '    if label_smoothing == 0:',
  '        return loss',
  '    loss_reg = torch.mean(predictions, dim=1).mean()',
  '    return -label_smoothing * loss_reg + (1 - label_smoothing) * loss',
  '',
];

describe('bound and sliced losses', () => {
  it('a torch loss function with options bound by functools.partial, called by a helper, is that loss', () => {
    const source = [
      ...REDUCE,
      'def masked(loss_fn, predictions, targets, label_smoothing=0.0):',
      '    loss = loss_fn(predictions, targets)',
      '    return reduce_loss(loss, label_smoothing, predictions)',
      '',
      'def nll(log_probs, targets, label_smoothing=0.1, weight=None):',
      '    loss = functools.partial(torch.nn.functional.nll_loss, weight=weight, reduction="none")',
      '    return masked(loss, log_probs, targets, label_smoothing=label_smoothing)',
      '',
      'def plain(log_probs, targets):',
      '    loss = functools.partial(F.nll_loss, reduction="none")',
      '    return loss(log_probs, targets).mean()',
    ];
    assert.equal(definitionIn(HEAD, source, 'nll')?.convention, 'uniform');
    assert.equal(definitionIn(HEAD, source, 'plain')?.convention, 'none');
    // The helper alone still applies a criterion it is given: delegated, no convention of its own.
    assert.equal(definitionIn(HEAD, source, 'masked')?.convention, null);
  });

  it('log-probabilities sliced to the labels are still the ones the smoothing term averages, with no exact torch call', () => {
    const source = [
      ...REDUCE,
      'def truncated(log_probs, targets, label_smoothing=0.1):',
      '    log_probs = log_probs[:, : targets.shape[1]]',
      '    loss = F.nll_loss(log_probs.transpose(1, -1), targets, reduction="none")',
      '    return reduce_loss(loss, label_smoothing, log_probs.transpose(1, -1))',
    ];
    const found = definitionIn(HEAD, source, 'truncated');
    assert.equal(found?.convention, 'uniform');
    assert.equal(found?.torchEquivalent, null);
    assert.match(found?.message ?? '', /sliced before the torch call/);
  });
});
