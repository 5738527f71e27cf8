// torch's CTC loss (text recognition, speech) is a hard-label loss: a CTC term mixed with the KL from the uniform
// distribution is uniform label smoothing of the frame targets; plain CTC is no smoothing; neither is a torch CE.
import * as assert from 'node:assert/strict';
import { analyzePython, type Finding } from '../../src/core/analysis';
import { definitionAt } from './helpers';

const py = (lines: string[]): string => `${lines.join('\n')}\n`;
const HEADER = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];
const at = (source: string[], line: number): Finding =>
  definitionAt(analyzePython(py([...HEADER, ...source])), line);

describe('analysis: CTC losses', () => {
  it('(1 − w)·CTC + w·KL(uniform ‖ p) is uniform smoothing with ε = w, and no torch CE is its equivalent', () => {
    const source = [
      'class SmoothCTCLoss(nn.Module):',
      '    def __init__(self, num_classes, blank=0, weight=0.01):',
      '        super().__init__()',
      '        self.weight = weight',
      '        self.num_classes = num_classes',
      "        self.ctc = nn.CTCLoss(reduction='mean', blank=blank, zero_infinity=True)",
      "        self.kldiv = nn.KLDivLoss(reduction='batchmean')",
      '',
      '    def forward(self, log_probs, targets, input_lengths, target_lengths):',
      '        ctc_loss = self.ctc(log_probs, targets, input_lengths, target_lengths)',
      '        kl_inp = log_probs.transpose(0, 1)',
      '        kl_tar = torch.full_like(kl_inp, 1. / self.num_classes)',
      '        return (1. - self.weight) * ctc_loss + self.weight * self.kldiv(kl_inp, kl_tar)',
    ];
    const f = at(source, 5);
    assert.equal(f.convention, 'uniform');
    assert.equal(f.epsilonParam, 'weight');
    assert.equal(f.epsilon, 0.01);
    assert.equal(f.torchEquivalent, null);
  });

  it('plain CTC, as a module or F.ctc_loss, is a loss with no smoothing', () => {
    const source = [
      'class CRNNLoss(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.criterion = nn.CTCLoss(blank=0, zero_infinity=True)',
      '',
      '    def forward(self, preds, text, preds_size, length):',
      '        return self.criterion(preds.log_softmax(2).permute(1, 0, 2), text, preds_size, length)',
      '',
      'def ctc(log_probs, targets, input_lengths, target_lengths):',
      '    return F.ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0)',
    ];
    for (const line of [5, 13]) {
      const f = at(source, line);
      assert.equal(f.convention, 'none');
      assert.equal(f.torchEquivalent, null);
    }
  });
  it('F.ctc_loss runs its own catalogue definition: mixed with ε·mean(−log p) it is uniform, as the module form', () => {
    const source = [
      'def smoothed_ctc(logits, targets, input_lengths, target_lengths, eps=0.1):',
      '    lp = F.log_softmax(logits, dim=-1)',
      '    ctc = F.ctc_loss(lp.transpose(0, 1), targets, input_lengths, target_lengths)',
      '    return (1 - eps) * ctc + eps * (-lp.mean(dim=-1)).mean()',
    ];
    const f = at(source, 5);
    assert.equal(f.convention, 'uniform');
    assert.equal(f.epsilonParam, 'eps');
  });
});
