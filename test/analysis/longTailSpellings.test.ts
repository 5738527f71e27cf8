// Spellings of the maths from small personal repos, course code and notebooks (blind round b18b): a target built
// with `scatter_add_` over a fill, binary labels rewritten in place where a test of them holds, smoothing numbers
// given as module-level constants in a function's defaults, a target's rows built by a list comprehension, a KL
// target given as its log through `torch.where`, and one-sided smoothing of binary labels. Conventions derived by hand; the corpus checks
// the same on the round's files (positive/verify/verify_b18b.py).
import { strict as assert } from 'node:assert';
import type { Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

describe('analysis: long-tail spellings', () => {
  describe('scatter_add_ adds to what the true class held', () => {
    const builder = (op: string) => [
      'def smooth_ce(logits, y, eps=0.2):',
      '    logp = logits - torch.logsumexp(logits, dim=1, keepdim=True)',
      '    K = logits.shape[1]',
      '    target = torch.full_like(logp, eps / K)',
      `    target.${op}(1, y[:, None], torch.full((len(y), 1), 1 - eps))`,
      '    return -(target * logp).sum(dim=1).mean()',
    ];

    it('ε/K everywhere plus 1 − ε at the label is uniform smoothing', () => {
      const f = definition(builder('scatter_add_'), 'smooth_ce');
      assert.equal(f?.convention, 'uniform', f?.message);
      assert.equal(f?.epsilon, 0.2);
    });

    it('scatter_ of the same source tensor replaces it: 1 − ε at the label over ε/K is neither convention', () => {
      assert.equal(definition(builder('scatter_'), 'smooth_ce')?.convention, 'other');
    });
  });

  describe('binary labels rewritten in place where a test of them holds', () => {
    const relabel = (lines: string[]) => [
      'class NoisyBCE(nn.Module):',
      '    def __init__(self, s=0.05):',
      '        super().__init__()',
      '        self.s = s',
      '    def forward(self, logits, labels):',
      '        labels = labels.clone().float()',
      ...lines.map((l) => `        ${l}`),
      '        return F.binary_cross_entropy_with_logits(logits, labels)',
    ];

    it('1 → 1 − s and 0 → s is binary smoothing with α = 2s', () => {
      const f = definition(
        relabel(['labels[labels == 1] = 1 - self.s', 'labels[labels == 0] = self.s']),
        'NoisyBCE',
      );
      assert.equal(f?.convention, 'binary', f?.message);
      assert.equal(f?.epsilon, 0.1);
    });

    it('the negatives first, tested as `< 0.5`, is the same target', () => {
      const f = definition(
        relabel(['labels[labels < 0.5] = self.s', 'labels[labels == 1] = 1 - self.s']),
        'NoisyBCE',
      );
      assert.equal(f?.convention, 'binary', f?.message);
    });

    it('binarising (`labels[labels > 0] = 1`) keeps a hard target', () => {
      assert.equal(definition(relabel(['labels[labels > 0] = 1']), 'NoisyBCE')?.convention, 'none');
    });

    it('another tensor indexed by a test of the labels (a weight) is no target', () => {
      const f = definition(
        relabel(['w = torch.ones_like(labels)', 'w[labels == 1] = 1 - self.s']),
        'NoisyBCE',
      );
      assert.equal(f?.convention, 'none');
    });
  });

  describe('a module-level constant as a default is that number', () => {
    it('ε and K given as NUM_CLASSES / SMOOTHING in a collate function: K−1 smoothing at ε = 0.1', () => {
      const f = definition(
        [
          'NUM_CLASSES = 60',
          'SMOOTHING = 0.1',
          '',
          'def smooth_collate(batch, num_classes=NUM_CLASSES, eps=SMOOTHING):',
          '    xs, ys = zip(*batch)',
          '    y = torch.tensor(ys, dtype=torch.long)',
          '    t = torch.full((len(ys), num_classes), eps / (num_classes - 1))',
          '    t.scatter_(1, y[:, None], 1.0 - eps)',
          '    return torch.stack(xs), t',
        ],
        'smooth_collate',
      );
      assert.equal(f?.convention, 'k_minus_1', f?.message ?? 'no finding');
      assert.equal(f?.epsilon, 0.1);
    });
  });

  it('a list comprehension of rows, 1 − ε where the class is the label and ε/(K − 1) elsewhere: K−1', () => {
    const rows = (test: string, a: string, b: string) => [
      'class ListCE(nn.Module):',
      '    def __init__(self, eps=0.1):',
      '        super().__init__()',
      '        self.eps = eps',
      '    def forward(self, logits, target):',
      '        K = logits.size(-1)',
      `        rows = [[${a} if ${test} else ${b} for c in range(K)] for t in target.tolist()]`,
      '        q = torch.tensor(rows, dtype=logits.dtype)',
      '        return -(q * F.log_softmax(logits, -1)).sum(-1).mean()',
    ];
    const k1 = definition(rows('c == t', '1 - self.eps', 'self.eps / (K - 1)'), 'ListCE');
    assert.equal(k1?.convention, 'k_minus_1', k1?.message);
    assert.equal(
      definition(rows('c != t', 'self.eps / K', '1 - self.eps + self.eps / K'), 'ListCE')?.convention,
      'uniform',
    );
    assert.equal(definition(rows('c == t', '1.0', '0.0'), 'ListCE')?.convention, 'none');
  });

  it('torch.where(onehot, log(1 − ε + ε/K), log(ε/K)) as KL’s log_target is the uniform target itself', () => {
    const f = definition(
      [
        'def smoothed_kl(logits, y, eps=0.1, K=5):',
        '    on = torch.log(torch.tensor(1 - eps + eps / K))',
        '    off = torch.log(torch.tensor(eps / K))',
        '    log_q = torch.where(F.one_hot(y, K).bool(), on, off)',
        "    return F.kl_div(F.log_softmax(logits, 1), log_q, reduction='batchmean', log_target=True)",
      ],
      'smoothed_kl',
    );
    assert.equal(f?.convention, 'uniform', f?.message);
  });

  describe('one-sided smoothing of binary labels', () => {
    const bce = (target: string, scale = '') => [
      'def d_loss(probs, labels, s=0.1):',
      `    return ${scale}F.binary_cross_entropy(probs, ${target})`,
    ];

    it('BCE against y·(1 − s) lowers only the positives: other, not binary', () => {
      const f = definition(bce('labels * (1 - s)'), 'd_loss');
      assert.equal(f?.convention, 'other', f?.message);
      assert.match(f?.message ?? '', /one-sided/);
    });

    it('a loss weight (s·BCE), a unit (y / 255) or the binary form are not it', () => {
      assert.equal(definition(bce('labels', '(1 - s) * '), 'd_loss')?.convention, 'none');
      assert.equal(definition(bce('labels / 255.0'), 'd_loss')?.convention, 'none');
      assert.equal(definition(bce('labels * (1 - s) + s / 2'), 'd_loss')?.convention, 'binary');
    });
  });

  it('a loss written as a module-level lambda is a definition under its name; a lambda that mixes inputs claims nothing', () => {
    const source = [
      'smooth = lambda y, K, eps=0.1: F.one_hot(y, K) * (1 - eps) + eps / K',
      'criterion = lambda x, y: -(smooth(y, x.size(-1)) * x.log_softmax(-1)).sum(-1).mean()',
      'mix = lambda x, lam=0.3: lam * x + (1 - lam) * x.flip(0)',
    ];
    assert.equal(definition(source, 'smooth')?.convention, 'uniform');
    const loss = definition(source, 'criterion');
    assert.equal(loss?.convention, 'uniform', loss?.message ?? 'no finding');
    assert.equal(loss?.line, 6);
    assert.equal(definition(source, 'mix'), undefined);
  });

  describe('a target filled entry by entry in loops over the rows and the classes', () => {
    const loops = (body: string[]) => [
      'def loop_ce(x, y, eps=0.1):',
      '    n, c = x.shape',
      '    t = torch.zeros(n, c)',
      '    for i in range(n):',
      '        for j in range(c):',
      ...body.map((l) => `            ${l}`),
      '    return -(t * torch.log_softmax(x, 1)).sum() / n',
    ];

    it('t[i, j] = 1 − ε if j == y[i] else ε/(c − 1): K−1, as an expression or as an if statement', () => {
      const expression = definition(loops(['t[i, j] = 1 - eps if j == y[i] else eps / (c - 1)']), 'loop_ce');
      assert.equal(expression?.convention, 'k_minus_1', expression?.message);
      const statement = definition(
        loops(['if j == y[i]:', '    t[i, j] = 1 - eps', 'else:', '    t[i, j] = eps / (c - 1)']),
        'loop_ce',
      );
      assert.equal(statement?.convention, 'k_minus_1', statement?.message);
    });

    it('1 and 0 is the one-hot: no smoothing', () => {
      assert.equal(definition(loops(['t[i, j] = 1.0 if j == y[i] else 0.0']), 'loop_ce')?.convention, 'none');
    });
  });
});
