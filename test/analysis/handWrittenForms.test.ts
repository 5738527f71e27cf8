// Hand-written forms found in research code (noisy labels, distillation, long-tailed recognition): the 0·log 0 guard
// `torch.where(q > 0, -q * log_p, 0)`, a per-row dot product `torch.bmm(q.unsqueeze(1), log_p.unsqueeze(2))`, a
// layout function called as `torch.unsqueeze(y, 1)`, numbers raised to a power, and a function of p_y weighted or
// shifted by a table the module keeps (the truncated L_q loss). Conventions derived by hand; the corpus checks the
// same on real code (positive/verify/verify_b16c.py).
import { strict as assert } from 'node:assert';
import type { Convention, Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

function expectConvention(source: string[], symbol: string, convention: Convention): void {
  const f = definition(source, symbol);
  assert.equal(f?.convention, convention, f?.message ?? `no finding for ${symbol}`);
}

const GUARDED_CE = [
  'def custom_ce(prediction, target):',
  '    output_pos = -target * prediction',
  '    zeros = torch.zeros_like(output_pos)',
  '    output = torch.where(target > 0, output_pos, zeros)',
  '    output = torch.sum(output, axis=1)',
  '    return output.mean()',
  '',
];

describe('analysis: hand-written forms of research losses', () => {
  describe('the 0·log 0 guard torch.where(q > 0, q·x, 0) is q·x', () => {
    it('a helper that guards its cross-entropy keeps the target it is given: uniform, bootstrapping, hard', () => {
      const caller = (target: string) => [
        ...GUARDED_CE,
        'def loss(pred, labels, t=0.1, k=10):',
        '    onehot = F.one_hot(labels, k).float()',
        '    prediction = F.softmax(pred, dim=1)',
        `    q = ${target}`,
        '    return custom_ce(F.log_softmax(pred, dim=1), q)',
      ];
      expectConvention(caller('(1.0 - t) * onehot + t / k'), 'loss', 'uniform');
      expectConvention(caller('(1.0 - t) * onehot + t * prediction'), 'loss', 'other');
      expectConvention(caller('onehot'), 'loss', 'none');
    });

    it('the KL form, q·(log q − log p) guarded the same way, is the same target', () => {
      const source = [
        'def custom_kl_div(prediction, target):',
        '    output_pos = target * (target.clamp(min=1e-7).log() - prediction)',
        '    output = torch.where(target > 0, output_pos, torch.zeros_like(output_pos))',
        '    return torch.sum(output, axis=1).mean()',
        '',
        'def ls(pred, labels, t=0.1, k=10):',
        '    q = (1.0 - t) * F.one_hot(labels, k).float() + t / k',
        '    return custom_kl_div(F.log_softmax(pred, dim=1), q)',
      ];
      const f = definition(source, 'ls');
      assert.equal(f?.convention, 'uniform', f?.message);
      assert.match(f?.message ?? '', /KL/);
    });

    it('the guard written the other way round, where(q == 0, 0, q·x), and on the one-hot itself', () => {
      expectConvention(
        [
          'def ls(x, y, eps=0.1, k=10):',
          '    q = (1 - eps) * F.one_hot(y, k).float() + eps / k',
          '    logp = F.log_softmax(x, dim=1)',
          '    return torch.where(q == 0, torch.zeros_like(logp), -q * logp).sum(1).mean()',
        ],
        'ls',
        'uniform',
      );
      expectConvention(
        [
          'def hard(x, y, k=10):',
          '    onehot = F.one_hot(y, k).float()',
          '    logp = F.log_softmax(x, dim=1)',
          '    return torch.where(onehot > 0, -onehot * logp, torch.zeros_like(logp)).sum(1).mean()',
        ],
        'hard',
        'none',
      );
    });

    it('a where on another tensor, or one that keeps something else than zero, is no guard', () => {
      const other = (cond: string, dropped: string) => [
        'def f(x, y, mask, eps=0.1, k=10):',
        '    q = (1 - eps) * F.one_hot(y, k).float() + eps / k',
        '    logp = F.log_softmax(x, dim=1)',
        `    return torch.where(${cond}, -q * logp, ${dropped}).sum(1).mean()`,
      ];
      for (const [cond, dropped] of [
        ['mask > 0', 'torch.zeros_like(logp)'],
        ['q > 0', '-logp'],
      ]) {
        const f = definition(other(cond, dropped), 'f');
        assert.notEqual(f?.convention, 'uniform', `${cond}, ${dropped}: ${f?.message}`);
      }
    });
  });

  describe('torch.bmm of a row target and row log-probabilities is Σ q·log p per row', () => {
    it('a given soft target is a soft target; a smoothed one its convention', () => {
      expectConvention(
        [
          'class SoftCE(nn.Module):',
          '    def forward(self, model_output, soft_output):',
          '        log_prob = F.log_softmax(model_output, dim=1)',
          '        return -torch.bmm(soft_output.unsqueeze(1), log_prob.unsqueeze(2)).mean()',
        ],
        'SoftCE',
        'soft_target',
      );
      expectConvention(
        [
          'def ls(x, y, eps=0.1, k=10):',
          '    q = (1 - eps) * F.one_hot(y, k).float() + eps / k',
          '    log_prob = F.log_softmax(x, dim=1)',
          '    return -torch.bmm(q.unsqueeze(1), log_prob.unsqueeze(2)).squeeze().mean()',
        ],
        'ls',
        'uniform',
      );
    });

    it('torch.matmul and @ of unsqueezed rows are the same product; of whole matrices (q @ log_p.T) they are not', () => {
      const source = (product: string) => [
        'def ls(x, y, k=10, eps=0.1):',
        '    q = F.one_hot(y, k).float() * (1 - eps) + eps / k',
        '    logp = F.log_softmax(x, dim=-1)',
        `    return -(${product}).mean()`,
      ];
      expectConvention(source('torch.matmul(q.unsqueeze(1), logp.unsqueeze(-1))'), 'ls', 'uniform');
      expectConvention(source('q.unsqueeze(1) @ logp.unsqueeze(-1)'), 'ls', 'uniform');
      const cross = definition(source('q @ logp.t()'), 'ls');
      assert.equal(cross, undefined, cross?.message);
    });

    it('bmm of features (attention, similarities) is no loss', () => {
      const f = definition(
        ['def attend(q, k, v):', '    return torch.bmm(F.softmax(torch.bmm(q, k), dim=-1), v).mean()'],
        'attend',
      );
      assert.equal(f, undefined, f?.message);
    });
  });

  describe('comparisons by name (t.eq(1), torch.gt(t, 0.5), q.gt(0)) read as their operators', () => {
    it('a where on a label test by name builds the binary target', () => {
      for (const test of ['t.eq(1)', 'torch.gt(t, 0.5)', 't.ge(1)']) {
        expectConvention(
          [
            'def bce(x, t, eps=0.1):',
            `    q = torch.where(${test}, 1 - eps / 2, eps / 2)`,
            '    return F.binary_cross_entropy_with_logits(x, q)',
          ],
          'bce',
          'binary',
        );
      }
    });

    it('the 0·log 0 guard written q.gt(0) keeps the target', () => {
      expectConvention(
        [
          'def ls(x, y, eps=0.1, k=10):',
          '    q = (1 - eps) * F.one_hot(y, k).float() + eps / k',
          '    logp = F.log_softmax(x, 1)',
          '    return torch.where(q.gt(0), -q * logp, torch.zeros_like(logp)).sum(1).mean()',
        ],
        'ls',
        'uniform',
      );
    });
  });

  describe('a parameter given as a class count or a size is a number, not a target tensor', () => {
    it('ε / (k − 1) * (1 − onehot) with k = F.one_hot’s num_classes is the K−1 target', () => {
      for (const off of ['eps / (k - 1) * (1 - oh)', '(1 - oh) * (eps / (k - 1))']) {
        expectConvention(
          [
            'def ls(pred, labels, k, eps=0.1):',
            '    oh = F.one_hot(labels, k).float()',
            `    q = oh * (1 - eps) + ${off}`,
            '    return (-q * F.log_softmax(pred, dim=1)).sum(1).mean()',
          ],
          'ls',
          'k_minus_1',
        );
      }
    });

    it('the same with k a size of torch.zeros', () => {
      expectConvention(
        [
          'def ls(pred, labels, n, k, eps=0.1):',
          '    oh = torch.zeros(n, k).scatter_(1, labels.unsqueeze(1), 1)',
          '    q = oh * (1 - eps) + eps / (k - 1) * (1 - oh)',
          '    return (-q * F.log_softmax(pred, dim=1)).sum(1).mean()',
        ],
        'ls',
        'k_minus_1',
      );
    });

    it('a parameter never used as a count still may be a target: (1 − β)·t + β·onehot is no K−1 target', () => {
      const f = definition(
        [
          'def mix(pred, labels, t, k=10, beta=0.1):',
          '    oh = F.one_hot(labels, k).float()',
          '    q = oh * (1 - beta) + beta * t',
          '    return (-q * F.log_softmax(pred, dim=1)).sum(1).mean()',
        ],
        'mix',
      );
      assert.notEqual(f?.convention, 'k_minus_1', f?.message);
      assert.notEqual(f?.convention, 'uniform', f?.message);
    });
  });

  describe('a decreasing function of p_y (GCE, truncated L_q)', () => {
    it('gathered with torch.unsqueeze(y, 1), the function form of y.unsqueeze(1), is a hard-label loss', () => {
      expectConvention(
        [
          'def gce(logits, targets, q=0.7):',
          '    p = F.softmax(logits, dim=1)',
          '    yg = torch.gather(p, 1, torch.unsqueeze(targets, 1))',
          '    return torch.mean((1 - yg ** q) / q)',
        ],
        'gce',
        'none',
      );
    });

    it('minus a number written with ** (k ** q) stays that loss', () => {
      expectConvention(
        [
          'def lq(logits, targets, q=0.7, k=0.5):',
          '    p = F.softmax(logits, dim=1)',
          '    yg = p.gather(1, targets.unsqueeze(1))',
          '    return torch.mean((1 - yg ** q) / q - (1 - k ** q) / q)',
        ],
        'lq',
        'none',
      );
    });

    it('weighted and shifted by rows of a table the module keeps (nn.Parameter of a fill) stays that loss', () => {
      expectConvention(
        [
          'class TruncatedLoss(nn.Module):',
          '    def __init__(self, q=0.7, k=0.5, trainset_size=50000):',
          '        super().__init__()',
          '        self.q = q',
          '        self.k = k',
          '        self.weight = torch.nn.Parameter(data=torch.ones(trainset_size, 1), requires_grad=False)',
          '',
          '    def forward(self, logits, targets, indexes):',
          '        p = F.softmax(logits, dim=1)',
          '        yg = torch.gather(p, 1, torch.unsqueeze(targets, 1))',
          '        w = self.weight[indexes]',
          '        loss = ((1 - (yg ** self.q)) / self.q) * w - ((1 - (self.k ** self.q)) / self.q) * w',
          '        return torch.mean(loss)',
        ],
        'TruncatedLoss',
        'none',
      );
    });
  });

  describe('a torch loss on logits changed inside the definition has no exact equivalent', () => {
    it('scaled, divided by a temperature, or given a margin on the true class (LDAM): closest only', () => {
      const source = (input: string) => [
        'def f(x, y, s=30.0, m=0.5):',
        '    index = torch.zeros_like(x, dtype=torch.uint8)',
        '    index.scatter_(1, y.data.view(-1, 1), 1)',
        `    return F.cross_entropy(${input}, y)`,
      ];
      for (const input of ['s * x', 'x / 0.07', 'torch.where(index, x - m, x)', 'x - F.one_hot(y, 10) * m']) {
        const f = definition(source(input), 'f');
        assert.equal(f?.convention, 'none', `${input}: ${f?.message}`);
        assert.equal(f?.torchEquivalent, null, `${input}: ${f?.torchEquivalent}`);
        assert.match(f?.message ?? '', /changed before the torch call/, input);
      }
      assert.equal(definition(source('x'), 'f')?.torchEquivalent, 'nn.CrossEntropyLoss()');
      assert.equal(definition(source('x.view(-1, 10)'), 'f')?.torchEquivalent, 'nn.CrossEntropyLoss()');
    });
  });

  describe('KL between the softmaxes of two inputs written by hand (distillation)', () => {
    const kls: [string, string[]][] = [
      [
        'p_T·(log p_T − log_softmax(s))',
        ['    pt = F.softmax(t, -1)', '    return (pt * (pt.log() - F.log_softmax(s, -1))).sum(-1).mean()'],
      ],
      [
        'p_T·log(p_T / p_S) of two softmaxes',
        [
          '    ps = F.softmax(s, -1)',
          '    pt = F.softmax(t, -1)',
          '    return (pt * (pt / ps).log()).sum(-1).mean()',
        ],
      ],
      [
        'in place, of logits shifted by a number: exp, then div_ by the row sums',
        [
          '    s.add_(1e-12)',
          '    t.add_(1e-12)',
          '    es = torch.exp(s)',
          '    et = torch.exp(t)',
          '    es.div_(es.sum(dim=-1).unsqueeze(dim=-1))',
          '    et.div_(et.sum(dim=-1).unsqueeze(dim=-1))',
          '    return (et * (et / es).log()).sum(dim=-1)',
        ],
      ],
    ];
    for (const [what, body] of kls) {
      it(what, () => expectConvention(['def kl(s, t):', ...body], 'kl', 'soft_target'));
    }
  });
});
