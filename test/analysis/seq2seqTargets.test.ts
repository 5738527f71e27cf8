// Target builders of hand-written sequence losses (translation, dialogue, speech): one test written twice (the fill
// and the pad column both under `if pad != -1:`), a comparison used as a number (`1 + (ignore >= 0)` classes left
// out), a (1, K) template row whose pad column is zeroed as `row[0, pad] = 0` or `row[0][pad] = 0`, and a target
// multiplied into a difference of logs (`(log q − log p) * q`, the bi-tempered loss). Each snippet is written for
// this test; conventions were derived by hand, and corpus/b21b/verify/verify_b21b.py checks the real files in torch.
import { strict as assert } from 'node:assert';
import type { Convention } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function conventionOf(source: string[], symbol: string): Convention | null | 'nothing' {
  const found = definitionIn(HEAD, source, symbol);
  return found ? found.convention : 'nothing';
}

describe('sequence-loss targets', () => {
  it('a test written twice takes one side on each path: the ε/(K−2) fill goes with the zeroed pad column', () => {
    const source = [
      'class PaddedSmoothing(nn.Module):',
      '    def __init__(self, vocab, pad, eps=0.1):',
      '        super().__init__()',
      '        self.vocab, self.pad, self.eps = vocab, pad, eps',
      '        self.kl = nn.KLDivLoss(reduction="sum")',
      '    def forward(self, logp, tgt):',
      '        dist = torch.zeros_like(logp)',
      '        if self.pad != -1:',
      '            dist.fill_(self.eps / (self.vocab - 2))',
      '        else:',
      '            dist.fill_(self.eps / (self.vocab - 1))',
      '        dist.scatter_(1, tgt.unsqueeze(1), 1 - self.eps)',
      '        if self.pad != -1:',
      '            dist[:, self.pad] = 0',
      '            dist[tgt == self.pad] = 0',
      '        return self.kl(logp, dist)',
    ];
    assert.equal(conventionOf(source, 'PaddedSmoothing'), 'k_minus_2_padding');
  });

  it('a test whose operand is assigned between its two uses is decided on its own each time', () => {
    const source = [
      'def drifting(logp, tgt, vocab, pad, eps=0.1):',
      '    dist = torch.zeros_like(logp)',
      '    if pad != -1:',
      '        dist.fill_(eps / (vocab - 2))',
      '    else:',
      '        dist.fill_(eps / (vocab - 1))',
      '    pad = -1',
      '    dist.scatter_(1, tgt.unsqueeze(1), 1 - eps)',
      '    if pad != -1:',
      '        dist[:, pad] = 0',
      '    return -(dist * logp).sum()',
    ];
    // Not the K−2 padding pair: the second test reads another `pad`, so no path ties the two together.
    assert.notEqual(conventionOf(source, 'drifting'), 'k_minus_2_padding');
  });

  it('`1 + (ignore_index >= 0)` classes left out is 1 at the default ignore_index = -100: ε/(K−1)', () => {
    const source = [
      'class ChatSmoothing(nn.Module):',
      '    def __init__(self, n, eps=0.1, ignore_index=-100):',
      '        super().__init__()',
      '        self.ignore_index = ignore_index',
      '        self.confidence = 1 - eps',
      '        left_out = 1 + (ignore_index >= 0)',
      '        row = torch.full((n,), eps / (n - left_out))',
      '        if ignore_index >= 0:',
      '            row[ignore_index] = 0',
      '        self.register_buffer("row", row.unsqueeze(0))',
      '    def forward(self, logp, tgt):',
      '        q = self.row.repeat(tgt.size(0), 1)',
      '        q.scatter_(1, tgt.unsqueeze(1), self.confidence)',
      '        return F.kl_div(logp, q, reduction="sum")',
    ];
    assert.equal(conventionOf(source, 'ChatSmoothing'), 'k_minus_1');
  });

  for (const zeroing of ['row[0, pad] = 0', 'row[0][pad] = 0'])
    it(`a (1, K) template row with \`${zeroing}\`, repeated per token, zeroes the pad column`, () => {
      const source = [
        'class TemplateRow(nn.Module):',
        '    def __init__(self, n, pad, eps):',
        '        super().__init__()',
        '        self.pad = pad',
        '        row = torch.full((1, n), eps / (n - 2))',
        `        ${zeroing}`,
        '        self.register_buffer("row", row)',
        '        self.confidence = 1.0 - eps',
        '    def forward(self, logp, tgt):',
        '        q = self.row.repeat(tgt.size(0), 1)',
        '        q.scatter_(1, tgt.unsqueeze(1), self.confidence)',
        '        q.masked_fill_((tgt == self.pad).unsqueeze(1), 0)',
        '        return F.kl_div(logp, q, reduction="sum")',
      ];
      assert.equal(conventionOf(source, 'TemplateRow'), 'k_minus_2_padding');
    });

  it('a smoothed target multiplied into a difference of logs is the KL written out term by term', () => {
    const source = [
      'def tempered_kl(x, onehot, eps=0.0):',
      '    k = onehot.shape[-1]',
      '    q = (1 - k / (k - 1) * eps) * onehot + eps / (k - 1)',
      '    gap = (torch.log(q + 1e-10) - F.log_softmax(x, -1)) * q',
      '    return gap.sum(dim=-1)',
    ];
    assert.equal(conventionOf(source, 'tempered_kl'), 'k_minus_1');
  });
});
