// Losses on hard targets that are no cross-entropy (Dice, Tversky, supervised contrastive): a finding `none` with
// what the loss is, never a smoothing claim nor a torch call; metrics, models and target builders stay silent.
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

function assertHardTarget(f: Finding | undefined, what: RegExp): void {
  assert.equal(f?.convention, 'none', f?.message ?? 'no finding');
  assert.equal(f?.torchEquivalent, null);
  assert.match(f?.message ?? '', what);
}

describe('analysis: losses on hard targets that are no cross-entropy', () => {
  it('a soft Dice loss of softmax probabilities against one-hot labels is none, an overlap loss', () => {
    const f = definition(
      [
        'def dice_loss(logits, target, eps=1e-6):',
        '    probs = F.softmax(logits, dim=1)',
        '    onehot = F.one_hot(target, logits.shape[1]).permute(0, 3, 1, 2).float()',
        '    inter = (probs * onehot).sum((2, 3))',
        '    union = probs.sum((2, 3)) + onehot.sum((2, 3))',
        '    return 1 - ((2 * inter + eps) / (union + eps)).mean()',
      ],
      'dice_loss',
    );
    assertHardTarget(f, /overlap loss/);
  });

  it('a Tversky loss of probabilities gathered at labels a helper returns is none', () => {
    const f = definition(
      [
        'from elsewhere import mask_pixels',
        'def tversky_loss(pred, target, alpha, beta, eps=1e-8):',
        '    pred_soft = F.softmax(pred, dim=1)',
        '    target, kept = mask_pixels(target)',
        '    p_true = pred_soft.gather(1, target.unsqueeze(1))',
        '    inter = p_true.sum((1, 2, 3))',
        '    total = torch.full_like(inter, pred.shape[2] * pred.shape[3])',
        '    score = inter.div(inter + (alpha + beta) * (total - inter) + eps)',
        '    return 1.0 - score.mean()',
      ],
      'tversky_loss',
    );
    assertHardTarget(f, /overlap loss/);
  });

  it('a supervised contrastive loss (label pair mask over log-softmax of similarities) is none', () => {
    const f = definition(
      [
        'class SupCon(nn.Module):',
        '    def __init__(self, temperature=0.07):',
        '        super().__init__()',
        '        self.temperature = temperature',
        '    def forward(self, features, labels):',
        '        labels = labels.contiguous().view(-1, 1)',
        '        mask = torch.eq(labels, labels.T).float()',
        '        logits = torch.matmul(features, features.T) / self.temperature',
        '        logits_max, _ = torch.max(logits, dim=1, keepdim=True)',
        '        logits = logits - logits_max.detach()',
        '        log_prob = logits - torch.log(torch.exp(logits).sum(1, keepdim=True))',
        '        mean_log_prob_pos = (mask * log_prob).sum(1) / mask.sum(1)',
        '        return -mean_log_prob_pos.mean()',
      ],
      'SupCon',
    );
    assertHardTarget(f, /contrastive/);
  });

  const silent: [string, string[]][] = [
    [
      'an IoU of argmax predictions (a metric)',
      [
        'def iou(logits, target):',
        '    probs = F.softmax(logits, dim=1)',
        '    pred = F.one_hot(probs.argmax(1), 3)',
        '    onehot = F.one_hot(target, 3)',
        '    inter = (pred * onehot).sum()',
        '    return 1 - inter / (pred.sum() + onehot.sum() - inter)',
      ],
    ],
    [
      'a Dice loss computed under torch.no_grad() (a metric)',
      [
        'def dice_loss(logits, target):',
        '    with torch.no_grad():',
        '        probs = F.softmax(logits, dim=1)',
        '        inter = probs.gather(1, target.unsqueeze(1)).sum()',
        '        return 1 - inter / (probs.sum() + inter)',
      ],
    ],
    [
      'a Dice score returned as it is (a metric: higher is better)',
      [
        'def dice_loss(logits, target):',
        '    probs = F.softmax(logits, dim=1)',
        '    onehot = F.one_hot(target, 3)',
        '    inter = (probs * onehot).sum()',
        '    return 2 * inter / (probs.sum() + onehot.sum())',
      ],
    ],
    [
      'a target builder that only returns the one-hot labels',
      ['def dice_loss(target, k):', '    return F.one_hot(target, k).float().sum(0) / target.numel()'],
    ],
    [
      'one-hot labels times a table the code keeps (rows the labels pick, no predictions)',
      [
        'def table_loss(target, table, k):',
        '    rows = F.one_hot(target, k).float() @ table',
        '    return 1 - (rows * rows).sum() / (rows.sum() + 1)',
      ],
    ],
    [
      "a model's forward (predictions only)",
      [
        'class DiceLoss(nn.Module):',
        '    def __init__(self):',
        '        super().__init__()',
        '        self.fc = nn.Linear(8, 3)',
        '    def forward(self, x):',
        '        p = F.softmax(self.fc(x), dim=1)',
        '        return 1 - p.sum(1) / (p.sum(1) + 1)',
      ],
    ],
  ];
  for (const [what, source] of silent) {
    it(`${what} gets no finding`, () => {
      const symbol = source[0].match(/^(?:def|class) (\w+)/)?.[1] ?? '';
      assert.equal(definition(source, symbol), undefined);
    });
  }
});
