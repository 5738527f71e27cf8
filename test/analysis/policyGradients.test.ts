// Reinforcement-learning losses beside classification ones: a log-likelihood of the actions weighted by a tensor
// the code is given (advantages) with an entropy bonus is a policy gradient, not a confidence penalty (CE − β·H of
// the labels' plain cross-entropy, which stays `other`). Conventions derived by hand.
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

describe('analysis: policy gradients with an entropy bonus', () => {
  it('an advantage-weighted log-likelihood minus an entropy bonus claims no smoothing', () => {
    const a2c = [
      'def a2c(logits, actions, returns, values, entropy_coef=0.01):',
      '    log_probs = F.log_softmax(logits, dim=-1)',
      '    probs = F.softmax(logits, dim=-1)',
      '    chosen = log_probs.gather(1, actions.unsqueeze(1)).squeeze(1)',
      '    policy_loss = -(chosen * (returns - values.detach())).mean()',
      '    entropy = -(probs * log_probs).sum(-1).mean()',
      '    return policy_loss + 0.5 * F.mse_loss(values, returns) - entropy_coef * entropy',
    ];
    assert.equal(definition(a2c, 'a2c')?.convention, 'none');
    const module = [
      'class ActorLoss(nn.Module):',
      '    def __init__(self, beta=0.01):',
      '        super().__init__()',
      '        self.beta = beta',
      '',
      '    def forward(self, logits, actions, advantages):',
      '        logp = F.log_softmax(logits, -1)',
      '        nll = F.nll_loss(logp, actions, reduction="none")',
      '        entropy = -(logp.exp() * logp).sum(-1)',
      '        return (nll * advantages).mean() - self.beta * entropy.mean()',
    ];
    assert.equal(definition(module, 'ActorLoss')?.convention, 'none');
  });

  it('the same entropy bonus beside a plain cross-entropy of the labels is still a confidence penalty', () => {
    const source = [
      'def penalised(logits, y, beta=0.1):',
      '    logp = F.log_softmax(logits, -1)',
      '    return F.nll_loss(logp, y) - beta * (-(logp.exp() * logp).sum(-1).mean())',
    ];
    const f = definition(source, 'penalised');
    assert.equal(f?.convention, 'other', f?.message);
  });
});
