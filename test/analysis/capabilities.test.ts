// The general capabilities the analysis needs on code it has never seen (issue: paths, targets before claims,
// shapes, values from outside the file, structure, hand-written maths), each on a small snippet written for this
// test. Conventions were derived by hand; the corpus (test/analysis/corpus) checks the same on real code.
import { strict as assert } from 'node:assert';
import { analyzePython, type Convention, type Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function definition(source: string[], symbol: string): Finding | undefined {
  return definitionIn(HEAD, source, symbol);
}

function conventionOf(source: string[], symbol: string): Convention | null | 'nothing' {
  return definition(source, symbol)?.convention ?? 'nothing';
}

const UNIFORM_BODY = [
  '        logp = F.log_softmax(x, dim=-1)',
  '        nll = -logp.gather(-1, y.unsqueeze(-1)).squeeze(-1)',
  '        return ((1 - self.eps) * nll - self.eps * logp.mean(-1)).mean()',
];

function uniformClass(init: string[], guard: string[] = [], fallback: string[] = []): string[] {
  return [
    'class LS(nn.Module):',
    ...init,
    '    def forward(self, x, y):',
    ...guard,
    ...UNIFORM_BODY.map((l) => (guard.length ? `    ${l}` : l)),
    ...fallback,
  ];
}

const INIT = ['    def __init__(self, eps=0.1):', '        super().__init__()', '        self.eps = eps'];

describe('analysis capabilities on unseen code', () => {
  describe('paths', () => {
    const fallbacks: [string, string[], string[]][] = [
      [
        'if self.eps > 0 / else plain CE',
        ['        if self.eps > 0:'],
        ['        return F.cross_entropy(x, y)'],
      ],
      [
        'if self.training / eval-mode NLL',
        ['        if self.training:'],
        ['        return F.nll_loss(F.log_softmax(x, -1), y)'],
      ],
    ];
    for (const [name, guard, fallback] of fallbacks) {
      it(`a guard that only switches smoothing off keeps the convention (${name})`, () => {
        assert.equal(conventionOf(uniformClass(INIT, guard, fallback), 'LS'), 'uniform');
      });
    }

    it('`if eps is not None:` on a None-defaulted ε reads ε as a number inside the branch', () => {
      const source = [
        'def ls(x, y, eps=None):',
        '    if eps is not None:',
        '        k = x.size(-1)',
        '        q = F.one_hot(y, k).float() * (1 - eps) + eps / k',
        '        return -(q * F.log_softmax(x, -1)).sum(-1).mean()',
        '    return F.cross_entropy(x, y)',
      ];
      assert.equal(conventionOf(source, 'ls'), 'uniform');
    });

    it('a flag that sets ε to 0 does not turn the finding into none; different values make ε unknown', () => {
      const off = uniformClass([...INIT, '        self.eps = eps if eps > 0 else 0.0']);
      assert.equal(conventionOf(off, 'LS'), 'uniform');
      const two = uniformClass([
        '    def __init__(self, strong=False):',
        '        super().__init__()',
        '        if strong:',
        '            self.eps = 0.2',
        '        else:',
        '            self.eps = 0.1',
      ]);
      const f = definition(two, 'LS');
      assert.equal(f?.convention, 'uniform');
      assert.equal(f?.epsilon, null, 'ε is one of two values, not the last one');
    });

    it('ε chosen between two parameters on two paths has no exact torch call, and the message says so', () => {
      const source = [
        'class LS(nn.Module):',
        '    def __init__(self, eps=0.1, alpha=0.2):',
        '        super().__init__()',
        '        self.eps = eps',
        '        self.alpha = alpha',
        '    def forward(self, x, y):',
        '        if self.eps >= 0:',
        '            s = self.eps',
        '        else:',
        '            s = self.alpha',
        '        lp = F.log_softmax(x, -1)',
        '        q = torch.zeros_like(lp).fill_(s / (x.size(1) - 1)).scatter_(1, y[:, None], 1 - s)',
        '        return (-q * lp).sum(-1).mean()',
      ];
      const f = definition(source, 'LS');
      assert.equal(f?.convention, 'k_minus_1');
      assert.equal(f?.torchEquivalent, null, 'no call holds for both `eps` and `alpha`');
      assert.match(f?.message ?? '', /sets to different values on different paths/);
      assert.equal(f?.details?.closestTorch?.call, 'nn.CrossEntropyLoss(label_smoothing=s * K / (K - 1))');
    });

    it('of a mean and a sum of the same loss, the equivalent follows the flag’s default', () => {
      for (const size of [
        '        loss = loss / x.size(0) if self.size_average else loss',
        '        if self.size_average:\n            loss = loss / x.size(0)\n        else:\n            loss = loss',
      ]) {
        const source = [
          'class Naive(nn.Module):',
          '    def __init__(self, size_average=True):',
          '        super().__init__()',
          '        self.size_average = size_average',
          '    def forward(self, x, t):',
          '        loss = -torch.sum(F.log_softmax(x, -1) * t)',
          ...size.split('\n'),
          '        return loss',
        ];
        const f = definition(source, 'Naive');
        assert.equal(f?.convention, 'soft_target');
        assert.equal(f?.torchEquivalent, 'nn.CrossEntropyLoss()(logits, target_probs)', size);
      }
    });

    it('a path that may leave a variable unknown does not erase what is known of it', () => {
      const source = [
        'class Wrap(nn.Module):',
        '    def __init__(self, eps=0.1):',
        '        super().__init__()',
        '        self.eps = eps',
        '    def forward(self, outputs, y):',
        '        if not isinstance(outputs, torch.Tensor):',
        '            outputs, extra = outputs',
        '        logp = F.log_softmax(outputs, -1)',
        '        p = F.softmax(outputs, -1).detach()',
        '        return (1 - self.eps) * F.nll_loss(logp, y) - self.eps * (p * logp).sum(-1).mean()',
      ];
      // Soft bootstrapping on the model's own outputs (other), not a teacher's soft target.
      assert.equal(conventionOf(source, 'Wrap'), 'other');
    });

    it('a boolean flag’s default path is the finding’s, unless only the other path smooths', () => {
      const distill = (hard: string) => [
        'class Distill(nn.Module):',
        `    def __init__(self, T=2.0, alpha=0.5, hard=${hard}):`,
        '        super().__init__()',
        '        self.T, self.alpha, self.hard = T, alpha, hard',
        '    def forward(self, s, t, labels):',
        '        loss = F.cross_entropy(s, labels)',
        '        if not self.hard:',
        '            d = F.kl_div(F.log_softmax(s / self.T, -1), F.softmax(t / self.T, -1), reduction="batchmean")',
        '        else:',
        '            d = F.cross_entropy(s, t.argmax(-1))',
        '        return loss * (1 - self.alpha) + d * self.alpha',
      ];
      assert.equal(conventionOf(distill('False'), 'Distill'), 'soft_target');
      const switchedOn = [
        'class LS(nn.Module):',
        '    def __init__(self, eps=0.1, smooth=False):',
        '        super().__init__()',
        '        self.eps, self.smooth = eps, smooth',
        '    def forward(self, x, y):',
        '        logp = F.log_softmax(x, -1)',
        '        q = F.one_hot(y, x.size(-1)).float()',
        '        if self.smooth:',
        '            q = q * (1 - self.eps) + self.eps / x.size(-1)',
        '        return -(q * logp).sum(-1).mean()',
      ];
      assert.equal(conventionOf(switchedOn, 'LS'), 'uniform');
    });

    it('a string-default mode picks its branch (`mode="original"`)', () => {
      const source = [
        'class Modes(nn.Module):',
        '    def __init__(self, eps=0.1, mode="original"):',
        '        super().__init__()',
        '        self.eps, self.mode = eps, mode',
        '    def forward(self, x, y):',
        '        k = x.shape[-1]',
        '        oh = F.one_hot(y, k).float()',
        '        if self.mode == "original":',
        '            q = oh * (1 - self.eps) + self.eps / k',
        '        else:',
        '            q = oh * (1 - self.eps) + (1 - oh) * self.eps / (k - 1)',
        '        return -(q * F.log_softmax(x, -1)).sum(-1).mean()',
      ];
      assert.equal(conventionOf(source, 'Modes'), 'uniform');
    });
  });

  describe('targets before claims (no smoothing claim without a label-derived target in a loss)', () => {
    const negatives: [string, string[]][] = [
      ['pooling', ['class Pool(nn.Module):', '    def forward(self, x):', '        return x.mean(-1)']],
      [
        'residual + mask',
        [
          'class Block(nn.Module):',
          '    def forward(self, x, mask):',
          '        x = self.attn(x) + x',
          '        return x * (1 - mask)',
        ],
      ],
      ['input mixup', ['def mixup(x, lam):', '    return lam * x + (1 - lam) * x.flip(0)']],
      ['EMA', ['def ema(avg, p, decay=0.999):', '    return decay * avg + (1 - decay) * p']],
      ['lerp', ['def lerp(a, b, w):', '    return a + w * (b - a)']],
      [
        'margin logits',
        [
          'def arc(cos, label, m=0.5):',
          '    oh = F.one_hot(label, cos.size(1)).float()',
          '    return oh * (cos - m) + (1 - oh) * cos',
        ],
      ],
      [
        'CLIP labels with an offset',
        [
          'def clip(logits, rank=0):',
          '    labels = torch.arange(logits.shape[0]) + logits.shape[0] * rank',
          '    return F.cross_entropy(logits, labels)',
        ],
      ],
      [
        'SigLIP sign labels',
        [
          'def siglip(logits):',
          '    labels = 2 * torch.eye(logits.shape[0]) - 1',
          '    return -F.logsigmoid(labels * logits).sum()',
        ],
      ],
      [
        'smooth L1',
        [
          'def sl1(input, target, beta=1.0):',
          '    n = torch.abs(input - target)',
          '    return torch.where(n < beta, 0.5 * n ** 2 / beta, n - 0.5 * beta).mean()',
        ],
      ],
      [
        'drop path',
        [
          'def drop_path(x, drop_prob=None):',
          '    keep = 1 - drop_prob',
          '    return x.div(keep) * (keep + torch.rand(x.shape[0])).floor()',
        ],
      ],
      [
        'α-balanced sign-label focal',
        [
          'def fl(x, t, alpha=0.25):',
          '    loss = -F.logsigmoid(x * (2 * t - 1))',
          '    return (loss * (alpha * t + (1 - alpha) * (1 - t))).mean()',
        ],
      ],
    ];
    for (const [name, source] of negatives) {
      it(`${name}: no smoothing claim`, () => {
        const claims = analyzePython([...HEAD, ...source].join('\n')).filter(
          (f) =>
            f.kind === 'loss' && f.convention !== null && !['none', 'soft_target'].includes(f.convention),
        );
        assert.deepEqual(
          claims.map((f) => `${f.symbol}: ${f.convention}`),
          [],
        );
      });
    }

    it('a decreasing function of the true-class probability is a loss on hard labels; p_y itself is not', () => {
      const pY = '(F.one_hot(y, x.size(1)).float() * F.softmax(x, dim=1)).sum(dim=1)';
      for (const body of [`((1 - ${pY} ** 0.7) / 0.7).mean()`, `(1 - ${pY}).mean()`]) {
        const f = definition(['def robust(x, y):', `    return ${body}`], 'robust');
        assert.equal(f?.convention, 'none', body);
      }
      assert.equal(conventionOf(['def accuracy(x, y):', `    return ${pY}.mean()`], 'accuracy'), 'nothing');
    });

    it('gathering by an index computed from values (lengths, top-k) picks features, not a loss', () => {
      const lengths = [
        'def last_state(outputs, mask):',
        '    idx = (mask.sum(1) - 1).view(-1, 1, 1).expand(-1, 1, outputs.size(-1))',
        '    return outputs.gather(1, idx).squeeze(1)',
      ];
      assert.equal(conventionOf(lengths, 'last_state'), 'nothing');
      const topk = ['def top(x, k):', '    _, idx = x.topk(k, 1)', '    return x.gather(1, idx)'];
      assert.equal(conventionOf(topk, 'top'), 'nothing');
      const nll = ['def nll(lprobs, target):', '    return -lprobs.gather(1, target.unsqueeze(1)).mean()'];
      assert.equal(conventionOf(nll, 'nll'), 'none');
    });

    it('focal modulation is a weight on hard targets: none, saying so', () => {
      const source = [
        'def focal(x, y, gamma=2.0):',
        '    ce = F.cross_entropy(x, y, reduction="none")',
        '    return ((1 - torch.exp(-ce)) ** gamma * ce).mean()',
      ];
      const f = definition(source, 'focal');
      assert.equal(f?.convention, 'none');
      assert.match(f?.message ?? '', /re-weighted/);
    });

    it('mixup of two hard-label losses is a soft target, through torch or a given criterion', () => {
      const mixup = [
        'def mix_ce(pred, y_a, y_b, lam):',
        '    return lam * F.cross_entropy(pred, y_a) + (1 - lam) * F.cross_entropy(pred, y_b)',
        'def mix_crit(criterion, pred, y_a, y_b, lam):',
        '    return lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b)',
      ];
      assert.equal(conventionOf(mixup, 'mix_ce'), 'soft_target');
      const crit = definition(mixup, 'mix_crit');
      assert.equal(crit?.convention, 'soft_target');
      assert.equal(crit?.torchEquivalent, null);
    });

    it('distillation is a soft target; soft bootstrapping and an entropy bonus (confidence penalty) are other', () => {
      const kd = [
        'def kd(s, t, T=4.0):',
        '    return -(F.softmax(t / T, -1) * F.log_softmax(s / T, -1)).sum(-1).mean()',
      ];
      assert.equal(conventionOf(kd, 'kd'), 'soft_target');
      const boot = [
        'def boot(x, y, beta=0.95):',
        '    ce = beta * F.cross_entropy(x, y, reduction="none")',
        '    return (ce - (1 - beta) * (F.softmax(x, 1) * F.log_softmax(x, 1)).sum(1)).mean()',
      ];
      assert.equal(conventionOf(boot, 'boot'), 'other');
      const bonus = [
        'def bonus(x, y, beta=0.1):',
        '    h = -(F.softmax(x, 1) * F.log_softmax(x, 1)).sum(1)',
        '    return (F.cross_entropy(x, y, reduction="none") - beta * h).mean()',
      ];
      assert.equal(conventionOf(bonus, 'bonus'), 'other');
      assert.match(definition(bonus, 'bonus')?.message ?? '', /confidence penalty/);
    });

    it('a target mixing the labels with the model’s own probabilities is bootstrapping; a teacher’s, a soft target', () => {
      const mixed = (probs: string, loss: string) => [
        'def m(x, t, y, beta=0.8):',
        `    p = ${probs}`,
        '    q = beta * F.one_hot(y, x.size(1)).float() + (1 - beta) * p',
        `    return ${loss}`,
      ];
      const losses = [
        '-(q * F.log_softmax(x, 1)).sum(1).mean()',
        'F.cross_entropy(x, q)',
        'F.kl_div(F.log_softmax(x, 1), q, reduction="batchmean")',
      ];
      for (const loss of losses) {
        assert.equal(conventionOf(mixed('F.softmax(x, 1).detach()', loss), 'm'), 'other', loss);
        assert.equal(conventionOf(mixed('F.softmax(t / 2.0, 1)', loss), 'm'), 'soft_target', loss);
      }
    });
  });

  describe('shapes', () => {
    const counts = [
      'n, k = x.shape',
      'b, k = x.size()',
      '*_, k = x.shape',
      'k = x.size(dim=-1)',
      'k = x.shape[1]',
    ];
    for (const count of counts) {
      it(`the class count from \`${count}\``, () => {
        const source = [
          'def ls(x, y, eps=0.1):',
          `    ${count}`,
          '    q = torch.full_like(x, eps / (k - 1))',
          '    q.scatter_(1, y.unsqueeze(1), 1 - eps)',
          '    return -(q * F.log_softmax(x, -1)).sum(-1).mean()',
        ];
        assert.equal(conventionOf(source, 'ls'), 'k_minus_1');
      });
    }

    it('an (N, C, T) layout reduced over dim=1', () => {
      const source = [
        'def ls(x, y, eps=0.1):',
        '    b, t, v = x.size()',
        '    lp = x - x.logsumexp(-1, keepdim=True)',
        '    q = torch.zeros_like(lp)',
        '    q[torch.arange(b)[:, None], torch.arange(t)[None, :], y] = 1 - eps',
        '    q += eps / v',
        '    return -(q * lp).sum(-1).mean()',
      ];
      assert.equal(conventionOf(source, 'ls'), 'uniform');
    });
  });

  describe('values from outside the file', () => {
    for (const read of [
      'cfg.MODEL.LABEL_SMOOTHING',
      'cfg["eps"]',
      'args.label_smoothing',
      'getattr(args, "label_smoothing")',
      'getattr(opts, "loss.ce.label_smoothing", 0.1)',
      'cfg.get("eps", 0.1)',
    ]) {
      it(`ε = ${read} is unknown and the convention still known`, () => {
        const source = [
          'def ls(x, y, cfg, args):',
          `    eps = ${read}`,
          '    k = x.size(-1)',
          '    q = F.one_hot(y, k).float() * (1 - eps) + eps / k',
          '    return F.kl_div(F.log_softmax(x, -1), q, reduction="batchmean")',
        ];
        const f = definition(source, 'ls');
        assert.equal(f?.convention, 'uniform');
        assert.equal(f?.epsilon, null);
      });
    }

    it('label_smoothing = get_eps(cfg), the result of a call the analysis cannot follow, is ε all the same', () => {
      const source = ['def ce(x, y, cfg):', '    return F.cross_entropy(x, y, label_smoothing=get_eps(cfg))'];
      const f = definition(source, 'ce');
      assert.equal(f?.convention, 'uniform');
      assert.equal(f?.epsilonParam, 'get_eps(cfg)');
    });

    it('a criterion is found as it trains: ε unknown in training, 0 in eval mode, is smoothing with an eval mode', () => {
      const source = [
        'class Crit(nn.Module):',
        '    def __init__(self, cfg):',
        '        super().__init__()',
        '        self.ls = get_eps(cfg)',
        '    def forward(self, x, y):',
        '        if self.training:',
        '            v = self.ls',
        '        else:',
        '            v = 0.0',
        '        return F.cross_entropy(x, y, label_smoothing=v)',
      ];
      const f = definition(source, 'Crit');
      assert.equal(f?.convention, 'uniform');
      assert.deepEqual(f?.details?.modes, [{ when: 'eval mode', convention: 'none' }]);
    });

    for (const read of ['getattr(opts, "loss.ce.label_smoothing")', 'cfg.get("eps")']) {
      it(`label_smoothing = ${read}, a number the analysis cannot compute, is ε all the same, never 0`, () => {
        const source = [
          'class Crit(nn.Module):',
          '    def __init__(self, cfg, opts):',
          '        super().__init__()',
          `        self.ls = ${read}`,
          '    def forward(self, x, y):',
          '        v = self.ls if self.training else 0.0',
          '        return F.cross_entropy(x, y, label_smoothing=v)',
        ];
        const f = definition(source, 'Crit');
        assert.equal(f?.convention, 'uniform');
        assert.equal(f?.epsilonParam, read);
        assert.deepEqual(f?.details?.modes, [{ when: 'eval mode', convention: 'none' }]);
      });
    }

    it('a factory that builds a smoothing criterion, with a plain fallback for old torch, is the smoothing one', () => {
      const source = [
        'def make_loss(label_smoothing=0.0):',
        "    if check_version(torch.__version__, '1.10.0'):",
        '        return nn.CrossEntropyLoss(label_smoothing=label_smoothing)',
        '    return nn.CrossEntropyLoss()',
      ];
      const f = definition(source, 'make_loss');
      assert.equal(f?.convention, 'uniform');
      assert.equal(f?.epsilon, 0);
      assert.equal(f?.torchEquivalent, 'nn.CrossEntropyLoss(label_smoothing=label_smoothing)');
    });
  });

  describe('class weights', () => {
    it('class weights multiplied into the log-probabilities before the smoothed target are weights, not a soft target', () => {
      const source = [
        'def ce(x, y, weight, eps=0.1):',
        '    k = x.size(-1)',
        '    t = torch.full((y.size(0), k), eps / (k - 1)).scatter_(1, y.unsqueeze(1), 1.0 - eps)',
        '    lsm = F.log_softmax(x, -1)',
        '    lsm = lsm * weight',
        '    return -(t * lsm).sum(-1).mean()',
      ];
      const f = definition(source, 'ce');
      assert.equal(f?.convention, 'k_minus_1');
      assert.match(f?.message ?? '', /class weights are multiplied into the log-probabilities/);
    });

    it('a class weight on log p that feeds both the true-class term and the uniform term is a weight, however the weight is shaped', () => {
      for (const weight of ['weight', 'weight.unsqueeze(0)', 'weight[None]', 'weight.view(1, -1)']) {
        const source = [
          'def ce(x, y, weight, eps=0.1):',
          '    lsm = F.log_softmax(x, dim=-1)',
          `    lsm = lsm * ${weight}`,
          '    nll = lsm.gather(dim=-1, index=y.unsqueeze(-1)).squeeze(-1)',
          '    return -((1.0 - eps) * nll + eps * lsm.mean(-1)).mean()',
        ];
        const f = definition(source, 'ce');
        assert.equal(f?.convention, 'uniform', weight);
        assert.match(f?.message ?? '', /class weights are multiplied into the log-probabilities/, weight);
      }
    });

    it('a per-pixel weight map times the one-hot of the labels times log p is a weighted hard target, not a soft target', () => {
      const weights = [
        'w = weights',
        'w = weights.unsqueeze(1)',
        'w = weights.unsqueeze(1) * torch.ones_like(logp)',
        'w = cw.view(1, -1, 1, 1) * weights.unsqueeze(1)',
      ];
      for (const weight of weights) {
        const source = [
          'def pixel_ce(logits, target, weights, cw):',
          '    logp = F.log_softmax(logits, dim=1)',
          '    onehot = F.one_hot(target, logits.size(1)).permute(0, 3, 1, 2).float()',
          `    ${weight}`,
          '    return (-w * onehot * logp).mean()',
        ];
        assert.equal(definition(source, 'pixel_ce')?.convention, 'none', weight);
      }
    });

    it('a given tensor times log p summed over the classes, with no term on the labels, stays a soft target', () => {
      const source = [
        'def ce(x, q):',
        '    lsm = F.log_softmax(x, dim=-1) * q',
        '    return -lsm.sum(-1).mean()',
      ];
      assert.equal(definition(source, 'ce')?.convention, 'soft_target');
    });
  });

  describe('structure', () => {
    it('a loss function chosen by a flag into a variable (`fn = smoothed if ls else F.cross_entropy`) is the smoothing one', () => {
      const smoothed = [
        'def smoothed_ce(x, y, eps=0.1):',
        '    k = x.size(-1)',
        '    t = F.one_hot(y, k) * (1 - eps) + eps / k',
        '    return -(t * F.log_softmax(x, -1)).sum(-1).mean()',
      ];
      const choices = [
        ['    if use_ls:', '        fn = smoothed_ce', '    else:', '        fn = F.cross_entropy'],
        ['    fn = F.cross_entropy if not use_ls else smoothed_ce'],
        ['    fn = (lambda a, b: F.cross_entropy(a, b, label_smoothing=0.1)) if use_ls else F.cross_entropy'],
      ];
      for (const choice of choices) {
        const source = [...smoothed, 'def step(x, y, use_ls=False):', ...choice, '    return fn(x, y)'];
        assert.equal(conventionOf(source, 'step'), 'uniform', choice.join(' '));
      }
    });

    it("a model's loss method (`Model.loss`, Lightning's `training_step`) gets its own finding, beside the class's", () => {
      for (const method of ['loss(self, logits, y)', 'training_step(self, batch, batch_idx)']) {
        const body = method.startsWith('loss') ? [] : ['        x, y = batch', '        logits = self(x)'];
        const source = [
          'class Model(nn.Module):',
          '    def __init__(self, eps=0.1):',
          '        super().__init__()',
          '        self.eps = eps',
          '        self.fc = nn.Linear(8, 4)',
          '    def forward(self, x):',
          '        return self.fc(x)',
          `    def ${method}:`,
          ...body,
          '        return F.cross_entropy(logits, y, label_smoothing=self.eps)',
        ];
        const findings = analyzePython([...HEAD, ...source].join('\n'));
        const name = `Model.${method.slice(0, method.indexOf('('))}`;
        const own = findings.find((f) => f.kind === 'loss' && f.symbol === name);
        assert.equal(own?.convention, 'uniform', name);
        assert.equal(own?.line, HEAD.length + 8, name);
        assert.match(own?.message ?? '', /^Loss method with uniform label smoothing/);
        assert.equal(findings.find((f) => f.symbol === 'Model')?.convention, 'uniform');
      }
    });

    it("each loss method of a criterion with several gets its own finding (a distillation criterion's teacher and student terms)", () => {
      const source = [
        'class DualCriterion(nn.Module):',
        '    def __init__(self, eps=0.1, alpha=0.5):',
        '        super().__init__()',
        '        self.eps, self.alpha = eps, alpha',
        '    def forward(self, teacher_logits, student_logits, y):',
        '        t = self.teacher_loss(teacher_logits, y)',
        '        return t + self.student_loss(student_logits, teacher_logits, y)',
        '    def teacher_loss(self, logits, y):',
        '        return F.cross_entropy(logits, y, label_smoothing=self.eps)',
        '    def student_loss(self, logits, teacher_logits, y):',
        '        q = F.softmax(teacher_logits, dim=-1).detach()',
        '        return -(q * F.log_softmax(logits, dim=-1)).sum(-1).mean()',
        '    def extra_repr(self):',
        "        return f'eps={self.eps}'",
      ];
      const findings = analyzePython([...HEAD, ...source].join('\n')).filter((f) => f.kind === 'loss');
      const of = (symbol: string) => findings.find((f) => f.symbol === symbol);
      assert.equal(of('DualCriterion.teacher_loss')?.convention, 'uniform');
      assert.equal(of('DualCriterion.student_loss')?.convention, 'soft_target');
      assert.equal(of('DualCriterion.student_loss')?.line, HEAD.length + 10);
      assert.equal(of('DualCriterion.extra_repr'), undefined);
      assert.ok(of('DualCriterion'));
    });

    it("a loss method's finding lists its own modes, not the class's (a mode that picks another method)", () => {
      const source = [
        'class Criterion(nn.Module):',
        "    def __init__(self, eps=0.1, impl='torch'):",
        '        super().__init__()',
        '        self.eps, self.impl = eps, impl',
        '    def forward(self, x, y):',
        "        if self.impl == 'fairseq':",
        '            return self.k_minus_1(x, y)',
        '        return self.plain(x, y)',
        '    def plain(self, x, y):',
        '        return F.cross_entropy(x, y)',
        '    def k_minus_1(self, x, y):',
        '        k = x.size(-1)',
        '        t = torch.full_like(x, self.eps / (k - 1)).scatter_(1, y.unsqueeze(1), 1 - self.eps)',
        '        return -(t * F.log_softmax(x, dim=-1)).sum(-1).mean()',
      ];
      const findings = analyzePython([...HEAD, ...source].join('\n')).filter((f) => f.kind === 'loss');
      const of = (symbol: string) => findings.find((f) => f.symbol === symbol);
      assert.match(of('Criterion')?.message ?? '', /With `impl='fairseq'`: K−1 label smoothing/);
      assert.equal(of('Criterion.plain')?.convention, 'none');
      assert.doesNotMatch(of('Criterion.plain')?.message ?? '', /impl=/);
      assert.equal(of('Criterion.k_minus_1')?.convention, 'k_minus_1');
      assert.doesNotMatch(of('Criterion.k_minus_1')?.message ?? '', /impl=/);
    });

    it('keyword arguments spread from a dict literal (`**kwargs`) are the torch call’s, on each branch', () => {
      const source = [
        'def ce(logits, labels, alpha=0.0):',
        "    kwargs = {'weight': None, 'reduction': 'mean'}",
        '    if alpha > 0.0:',
        "        kwargs = {'weight': None, 'reduction': 'mean', 'label_smoothing': alpha}",
        '    return F.cross_entropy(logits, labels, **kwargs)',
        '',
        'def ce_sum(logits, labels, alpha=0.1):',
        "    kwargs = {'reduction': 'sum', 'label_smoothing': alpha}",
        '    return F.cross_entropy(logits, labels, **kwargs)',
      ];
      const findings = analyzePython([...HEAD, ...source].join('\n')).filter((f) => f.kind === 'loss');
      const of = (symbol: string) => findings.find((f) => f.symbol === symbol);
      assert.equal(of('ce')?.convention, 'uniform');
      assert.equal(of('ce_sum')?.convention, 'uniform');
      assert.equal(
        of('ce_sum')?.torchEquivalent,
        "nn.CrossEntropyLoss(reduction='sum', label_smoothing=0.1)",
      );
      // The call itself cannot see the mapping's keys: it says so rather than "no label smoothing".
      const calls = findings.filter((f) => f.symbol === 'F.cross_entropy');
      assert.equal(calls.length, 2);
      for (const call of calls) {
        assert.equal(call.convention, null);
        assert.match(call.message, /spread from a mapping/);
      }
    });

    it('a module-level criterion defined below the function that calls it is that criterion', () => {
      const source = [
        'def train_step(model, x, y):',
        '    return CRIT(model(x), y)',
        '',
        'class Step(nn.Module):',
        '    def forward(self, x, y):',
        '        return CRIT(x, y)',
        '',
        'CRIT = nn.CrossEntropyLoss(label_smoothing=0.1)',
      ];
      const calls = analyzePython([...HEAD, ...source].join('\n')).filter(
        (f) => f.kind === 'loss' && f.symbol === 'CRIT',
      );
      assert.deepEqual(
        calls.map((f) => [f.line, f.convention, f.epsilon]),
        [
          [6, 'uniform', 0.1],
          [10, 'uniform', 0.1],
        ],
      );
    });

    it('constructions of catalogued library losses are findings; ε passed from a config is unknown', () => {
      const source = [
        'from timm.loss import LabelSmoothingCrossEntropy, SoftTargetCrossEntropy',
        'def build(config):',
        '    if config.AUG.MIXUP > 0.:',
        '        return SoftTargetCrossEntropy()',
        '    return LabelSmoothingCrossEntropy(smoothing=config.MODEL.LABEL_SMOOTHING)',
        'CRIT = LabelSmoothingCrossEntropy(smoothing=0.2)',
      ];
      const calls = analyzePython([...HEAD, ...source].join('\n')).filter(
        (f) => f.kind === 'loss' && f.details?.definedAt !== undefined,
      );
      assert.deepEqual(
        calls.map((f) => [f.line, f.symbol, f.convention, f.epsilon]),
        [
          [8, 'SoftTargetCrossEntropy', 'soft_target', null],
          [9, 'LabelSmoothingCrossEntropy', 'uniform', null],
          [10, 'LabelSmoothingCrossEntropy', 'uniform', 0.2],
        ],
      );
    });

    it("segmentation_models_pytorch's soft CE / soft BCE / focal losses are catalogued; ε of the soft BCE is 2·smooth_factor", () => {
      const source = [
        'from segmentation_models_pytorch.losses import SoftCrossEntropyLoss, SoftBCEWithLogitsLoss, FocalLoss',
        'class SegLoss(nn.Module):',
        '    def __init__(self, smooth=0.1):',
        '        super().__init__()',
        '        self.ce = SoftCrossEntropyLoss(smooth_factor=smooth, ignore_index=255)',
        '    def forward(self, logits, mask):',
        '        return self.ce(logits, mask)',
        'BCE = SoftBCEWithLogitsLoss(smooth_factor=0.1)',
        'FOCAL = FocalLoss(mode="binary")',
      ];
      const findings = analyzePython([...HEAD, ...source].join('\n')).filter((f) => f.kind === 'loss');
      const at = (line: number) => findings.find((f) => f.line === line);
      assert.deepEqual([at(6)?.symbol, at(6)?.convention, at(6)?.epsilon], ['SegLoss', 'uniform', 0.1]);
      assert.deepEqual([at(12)?.convention, at(12)?.epsilon], ['binary', 0.2]);
      assert.equal(at(12)?.torchEquivalent, 'nn.BCEWithLogitsLoss()(logits, target * (1 - 0.2) + 0.2 / 2)');
      assert.equal(at(13)?.convention, 'none');
    });

    it("torchvision's sigmoid_focal_loss and kornia's focal losses are catalogued: the targets decide, focal weighting is no smoothing", () => {
      const source = [
        'import torchvision',
        'from torchvision.ops import sigmoid_focal_loss',
        'from kornia.losses import FocalLoss as KFocal',
        'def det_cls(logits, labels, num_classes, eps=0.1):',
        '    t = F.one_hot(labels, num_classes).float() * (1 - eps) + eps / 2',
        '    return sigmoid_focal_loss(logits, t, alpha=0.25, gamma=2.0, reduction="sum")',
        'def det_plain(logits, labels, num_classes):',
        '    return torchvision.ops.sigmoid_focal_loss(logits, F.one_hot(labels, num_classes).float())',
        'class Seg(nn.Module):',
        '    def __init__(self):',
        '        super().__init__()',
        '        self.focal = KFocal(alpha=0.5, gamma=2.0, reduction="mean")',
        '    def forward(self, x, y):',
        '        return self.focal(x, y)',
      ];
      const text = [...HEAD, ...source].join('\n');
      const definitions = analyzePython(text).filter((f) => f.kind === 'loss' && !f.details?.definedAt);
      assert.deepEqual(
        definitions.map((f) => [f.symbol, f.convention]),
        [
          ['det_cls', 'binary'],
          ['det_plain', 'none'],
          ['Seg', 'none'],
        ],
      );
      const call = analyzePython(text).find((f) => f.symbol === 'sigmoid_focal_loss');
      assert.match(call?.message ?? '', /^Calls `torchvision\.ops\.sigmoid_focal_loss`, a loss function/);
    });

    it("timm's BinaryCrossEntropy (uniform targets under BCE) and MMSegmentation's CrossEntropyLoss are catalogued", () => {
      const source = [
        'from timm.loss import BinaryCrossEntropy',
        'from mmseg.models.losses import CrossEntropyLoss',
        'class Train(nn.Module):',
        '    def __init__(self, smoothing=0.1):',
        '        super().__init__()',
        '        self.crit = BinaryCrossEntropy(smoothing=smoothing)',
        '        self.seg = CrossEntropyLoss(use_sigmoid=False)',
        '    def forward(self, x, y):',
        '        return self.crit(x, y)',
        'class Seg(nn.Module):',
        '    def __init__(self):',
        '        super().__init__()',
        '        self.ce = CrossEntropyLoss(loss_weight=1.0)',
        '    def forward(self, x, y):',
        '        return self.ce(x, y)',
      ];
      const definitions = analyzePython([...HEAD, ...source].join('\n')).filter(
        (f) => f.kind === 'loss' && !f.details?.definedAt,
      );
      assert.deepEqual(
        definitions.map((f) => [f.symbol, f.convention, f.epsilon]),
        [
          ['Train', 'uniform', 0.1],
          ['Seg', 'none', null],
        ],
      );
      // A BCE per class over uniform targets is not nn.CrossEntropyLoss(label_smoothing=ε); a softmax CE is.
      assert.doesNotMatch(definitions[0].message, /CrossEntropyLoss/);
      const ce = analyzePython(
        [...HEAD, 'def ls(x, y, eps=0.1):', '    return F.cross_entropy(x, y, label_smoothing=eps)'].join(
          '\n',
        ),
      ).find((f) => f.symbol === 'ls');
      assert.match(ce?.message ?? '', /as nn\.CrossEntropyLoss\(label_smoothing=ε\)/);
    });

    it("nnU-Net's cross-entropy losses are catalogued; constructed without smoothing (its default 0) they claim none", () => {
      const source = [
        'from nnunetv2.training.loss.robust_ce_loss import RobustCrossEntropyLoss, TopKLoss',
        'class Compound(nn.Module):',
        '    def __init__(self, ce_kwargs, weight_ce=1):',
        '        super().__init__()',
        '        self.ce = RobustCrossEntropyLoss(**ce_kwargs)',
        '        self.weight_ce = weight_ce',
        '    def forward(self, out, target):',
        '        return self.weight_ce * self.ce(out, target[:, 0])',
        'HARD = TopKLoss(k=20)',
        'SMOOTH = RobustCrossEntropyLoss(label_smoothing=0.1)',
      ];
      const findings = analyzePython([...HEAD, ...source].join('\n')).filter((f) => f.kind === 'loss');
      assert.deepEqual(
        findings.map((f) => [f.line, f.symbol, f.convention]),
        [
          [6, 'Compound', 'none'],
          [9, 'RobustCrossEntropyLoss', 'none'],
          [12, 'self.ce', 'none'],
          [13, 'TopKLoss', 'none'],
          [14, 'RobustCrossEntropyLoss', 'uniform'],
        ],
      );
      assert.equal(findings.at(-1)?.epsilon, 0.1);
    });

    it('an injected criterion plus an auxiliary binary term (an alignment loss) is still delegated', () => {
      const source = [
        'class Compute(nn.Module):',
        '    def __init__(self, criterion, lambda_align=0.0):',
        '        super().__init__()',
        '        self.criterion = criterion',
        '        self.lambda_align = lambda_align',
        '    def forward(self, out, target, align, ref):',
        '        loss = self.criterion(out, target)',
        '        if self.lambda_align != 0.0:',
        '            loss += -align.clamp(min=1e-18).log().mul(ref).sum()',
        '        return loss',
      ];
      const f = definition(source, 'Compute');
      assert.equal(f?.convention, null);
      assert.match(f?.message ?? '', /delegated to `self\.criterion`/);
    });

    it('a criterion a registry builds from a config given to the constructor is delegated (build_loss, MODELS.build)', () => {
      const source = [
        'from mmdet.models.builder import build_loss',
        'from mmengine.registry import MODELS',
        '',
        'class Head(nn.Module):',
        "    def __init__(self, num_classes, loss_cls=dict(type='CrossEntropyLoss', loss_weight=1.0)):",
        '        super().__init__()',
        '        self.loss_cls = build_loss(loss_cls)',
        '    def loss(self, cls_scores, gt_labels):',
        '        return dict(loss_cls=self.loss_cls(cls_scores, gt_labels))',
        '',
        'class Recognizer(nn.Module):',
        '    def __init__(self, loss_module):',
        '        super().__init__()',
        '        self.loss_module = MODELS.build(loss_module)',
        '    def forward(self, outputs, targets):',
        '        return self.loss_module(outputs, targets)',
        '',
        'def build(cfg):',
        '    return nn.CrossEntropyLoss(label_smoothing=cfg)',
        '',
        'class Local(nn.Module):',
        '    def __init__(self, eps):',
        '        super().__init__()',
        '        self.crit = build(eps)',
        '    def forward(self, x, y):',
        '        return self.crit(x, y)',
      ];
      for (const [name, criterion] of [
        ['Head', 'self.loss_cls'],
        ['Recognizer', 'self.loss_module'],
      ]) {
        const f = definition(source, name);
        assert.equal(f?.convention, null);
        assert.match(f?.message ?? '', new RegExp(`delegated to \`${criterion.replace('.', '\\.')}\``));
      }
      assert.equal(definition(source, 'Local')?.convention, 'uniform');
    });

    it('a parameter named like a module-level criterion is the caller’s, not the module’s', () => {
      const source = [
        'def mixup_criterion(criterion, pred, y_a, y_b, lam):',
        '    return lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b)',
        'criterion = nn.CrossEntropyLoss(label_smoothing=0.1)',
      ];
      const found = analyzePython([...HEAD, ...source].join('\n')).filter((f) => f.kind === 'loss');
      assert.deepEqual(
        found.map((f) => [f.line, f.symbol, f.convention]),
        [
          [5, 'mixup_criterion', 'soft_target'],
          [7, 'nn.CrossEntropyLoss', 'uniform'],
        ],
      );
    });

    it('a factory returning a lambda or a nested function is the loss that closure computes', () => {
      const lambda = [
        'def mixup_criterion(y_a, y_b, lam):',
        '    return lambda criterion, pred: lam * criterion(pred, y_a) + (1 - lam) * criterion(pred, y_b)',
      ];
      assert.equal(conventionOf(lambda, 'mixup_criterion'), 'soft_target');
      const nested = [
        'def make_loss(eps=0.1):',
        '    def loss_fn(x, y):',
        '        k = x.size(-1)',
        '        q = F.one_hot(y, k).float() * (1 - eps) + eps / k',
        '        return -(q * F.log_softmax(x, -1)).sum(-1).mean()',
        '    return loss_fn',
      ];
      const f = definition(nested, 'make_loss');
      assert.equal(f?.convention, 'uniform');
      assert.equal(f?.epsilon, 0.1);
    });

    it('a factory returning a torch loss module is the loss that module computes', () => {
      const source = [
        'def build_criterion(config):',
        "    return nn.CrossEntropyLoss(label_smoothing=config['label_smoothing'])",
        'def plain_criterion():',
        '    return nn.CrossEntropyLoss(ignore_index=255)',
      ];
      assert.equal(conventionOf(source, 'build_criterion'), 'uniform');
      assert.equal(conventionOf(source, 'plain_criterion'), 'none');
    });

    it('a for loop binds its items: chunks of a tensor, enumerate and zip', () => {
      const source = [
        'def multi_crop(student, teacher, temp=0.1):',
        '    t_views = F.softmax(teacher / temp, dim=-1).detach().chunk(2)',
        '    s_views = student.chunk(4)',
        '    total = 0',
        '    for iq, q in enumerate(t_views):',
        '        for v, s in zip(range(4), s_views):',
        '            total += torch.sum(-q * F.log_softmax(s, dim=-1), dim=-1).mean()',
        '    return total / 6',
      ];
      assert.equal(conventionOf(source, 'multi_crop'), 'soft_target');
    });

    it('a torch loss on a target built in the function claims nothing of its own; on the labels, none', () => {
      const source = [
        'def f(x, y, eps=0.1):',
        '    q = F.one_hot(y, 10).float() * (1 - eps) + eps / 10',
        '    return F.cross_entropy(x, q)',
        'def g(x, y):',
        '    y = y.view(-1)',
        '    return F.cross_entropy(x, y)',
      ];
      const calls = analyzePython([...HEAD, ...source].join('\n')).filter(
        (f) => f.kind === 'loss' && f.symbol === 'F.cross_entropy',
      );
      assert.deepEqual(
        calls.map((f) => [f.line, f.convention]),
        [
          [7, null],
          [10, 'none'],
        ],
      );
      assert.equal(definition(source, 'f')?.convention, 'uniform');
    });

    it('a nested helper builds the target', () => {
      const source = [
        'def ls(x, y, eps=0.1):',
        '    def target(y, k):',
        '        return F.one_hot(y, k).float() * (1 - eps) + eps / k',
        '    return -(target(y, x.size(-1)) * F.log_softmax(x, -1)).sum(-1).mean()',
      ];
      assert.equal(conventionOf(source, 'ls'), 'uniform');
    });

    it('a loss class of the same file used as an attribute runs with its constructor arguments', () => {
      const source = [
        ...uniformClass(INIT),
        'class Head(nn.Module):',
        '    def __init__(self, smoothing=0.3):',
        '        super().__init__()',
        '        self.crit = LS(eps=smoothing)',
        '    def forward(self, x, y):',
        '        return self.crit(x, y)',
      ];
      const f = definition(source, 'Head');
      assert.equal(f?.convention, 'uniform');
      assert.equal(f?.epsilon, 0.3);
    });

    it('well-known library losses imported by name are known (fairseq is K−1, toolbelt is uniform)', () => {
      const call = (from: string) => [
        `from ${from} import label_smoothed_nll_loss`,
        'def crit(x, y, eps=0.1):',
        '    loss, nll = label_smoothed_nll_loss(F.log_softmax(x, -1), y.unsqueeze(-1), eps)',
        '    return loss',
      ];
      assert.equal(
        conventionOf(call('fairseq.criterions.label_smoothed_cross_entropy'), 'crit'),
        'k_minus_1',
      );
      const toolbelt = [
        'from pytorch_toolbelt.losses.functional import label_smoothed_nll_loss',
        'def crit(x, y, eps=0.1):',
        '    return label_smoothed_nll_loss(F.log_softmax(x, -1), y, eps)',
      ];
      assert.equal(conventionOf(toolbelt, 'crit'), 'uniform');
    });

    it('the catalogue knows ESPnet, OpenNMT, AllenNLP, transformers, NeMo and MMPretrain smoothing losses', () => {
      const uses: [string, string, string[], string][] = [
        [
          'espnet.nets.pytorch_backend.transformer.label_smoothing_loss',
          'LabelSmoothingLoss',
          ['        self.c = LabelSmoothingLoss(odim, ignore_id, lsm)', '        return self.c(x, y)'],
          'k_minus_1',
        ],
        [
          'onmt.utils.loss',
          'LabelSmoothingLoss',
          ['        self.c = LabelSmoothingLoss(lsm, 100, ignore_index=1)', '        return self.c(x, y)'],
          'k_minus_2_padding',
        ],
        [
          'allennlp.nn.util',
          'sequence_cross_entropy_with_logits',
          ['        return sequence_cross_entropy_with_logits(x, y, y > 0, label_smoothing=lsm)'],
          'uniform',
        ],
        [
          'transformers.trainer_pt_utils',
          'LabelSmoother',
          ['        self.c = LabelSmoother(epsilon=lsm)', '        return self.c({"logits": x}, y)'],
          'uniform',
        ],
        [
          'nemo.collections.common.losses',
          'SmoothedCrossEntropyLoss',
          [
            '        self.c = SmoothedCrossEntropyLoss(pad_id=0, label_smoothing=lsm)',
            '        return self.c(x, y)',
          ],
          'k_minus_1',
        ],
        [
          'mmpretrain.models.losses',
          'LabelSmoothLoss',
          ['        self.c = LabelSmoothLoss(label_smooth_val=lsm)', '        return self.c(x, y)'],
          'uniform',
        ],
      ];
      for (const [from, name, body, convention] of uses) {
        const source = [
          `from ${from} import ${name}`,
          'class Crit(nn.Module):',
          '    def forward(self, x, y, odim=10, ignore_id=-1, lsm=0.1):',
          ...body,
        ];
        assert.equal(conventionOf(source, 'Crit'), convention, name);
      }
    });

    it('a transformers Trainer subclass calling `self.label_smoother` smooths uniformly; one using the model’s loss does not', () => {
      const trainer = (body: string[]) => [
        'from transformers import Trainer',
        'class T(Trainer):',
        '    def compute_loss(self, model, inputs, return_outputs=False):',
        ...body,
      ];
      const smoother = [
        '        labels = inputs.pop("labels")',
        '        return self.label_smoother(model(**inputs), labels)',
      ];
      assert.equal(conventionOf(trainer(smoother), 'T'), 'uniform');
      assert.equal(conventionOf(trainer(['        return model(**inputs).loss']), 'T'), 'nothing');
    });

    it('`super().forward` of a base class of the file runs the base’s forward; `self.crit.forward(x, y)` calls it', () => {
      const source = [
        'class Base(nn.Module):',
        '    def __init__(self, eps=0.1):',
        '        super().__init__()',
        '        self.eps = eps',
        '    def forward(self, x, y):',
        '        return F.cross_entropy(x, y, label_smoothing=self.eps)',
        'class Aux(Base):',
        '    def forward(self, x, aux, y):',
        '        return super(Aux, self).forward(x, y) + 0.4 * super().forward(aux, y)',
        'class Wrapped(nn.Module):',
        '    def __init__(self, eps=0.1):',
        '        super().__init__()',
        '        self.crit = Base(eps)',
        '    def forward(self, x, y):',
        '        return self.crit.forward(x, y)',
      ];
      assert.equal(conventionOf(source, 'Aux'), 'uniform');
      assert.equal(conventionOf(source, 'Wrapped'), 'uniform');
    });

    it('a lambda or a functools.partial held in an attribute is called with its bound arguments', () => {
      const helper = [
        'import functools',
        'def smooth_ce(x, y, eps=0.1):',
        '    k = x.size(-1)',
        '    q = F.one_hot(y, k).float() * (1 - eps) + eps / k',
        '    return -(q * F.log_softmax(x, -1)).sum(-1).mean()',
      ];
      const holders = [
        '        self.loss_fn = functools.partial(smooth_ce, eps=eps)',
        '        self.loss_fn = lambda x, y: F.cross_entropy(x, y, label_smoothing=eps)',
      ];
      for (const holder of holders) {
        const source = [
          ...helper,
          'class A(nn.Module):',
          '    def __init__(self, eps=0.2):',
          '        super().__init__()',
          holder,
          '    def forward(self, x, y):',
          '        return self.loss_fn(x, y)',
        ];
        const f = definition(source, 'A');
        assert.equal(f?.convention, 'uniform', holder);
        assert.equal(f?.epsilon, 0.2, holder);
      }
    });

    it('a subclass of a catalogued library class inherits its methods (fairseq criterion compute_loss)', () => {
      const source = [
        'from fairseq.criterions.label_smoothed_cross_entropy import LabelSmoothedCrossEntropyCriterion',
        'class MyCrit(LabelSmoothedCrossEntropyCriterion):',
        '    def __init__(self, task, sentence_avg, label_smoothing, extra=0.1):',
        '        super().__init__(task, sentence_avg, label_smoothing)',
        '    def forward(self, model, sample, reduce=True):',
        '        net_output = model(**sample["net_input"])',
        '        loss, nll_loss = self.compute_loss(model, net_output, sample, reduce=reduce)',
        '        return loss, sample["ntokens"], {}',
      ];
      const f = definition(source, 'MyCrit');
      assert.equal(f?.convention, 'k_minus_1');
      assert.equal(f?.epsilonParam, 'label_smoothing');
    });

    it('a criterion given to the constructor is delegated: no convention of its own, never none', () => {
      const source = [
        'class Focal(nn.Module):',
        '    def __init__(self, loss_fcn, gamma=1.5):',
        '        super().__init__()',
        '        self.loss_fcn = loss_fcn',
        '        self.gamma = gamma',
        '    def forward(self, pred, true):',
        '        loss = self.loss_fcn(pred, true)',
        '        p = torch.sigmoid(pred)',
        '        return (loss * (1 - p) ** self.gamma).mean()',
      ];
      const f = definition(source, 'Focal');
      assert.equal(f?.convention, null);
      assert.match(f?.message ?? '', /delegated to `self\.loss_fcn`/);
    });

    it('a criterion chosen in a branch of __init__, a base class of the file, a factory and dict returns', () => {
      const source = [
        ...uniformClass(INIT),
        'class Base(nn.Module):',
        '    def forward(self, x, y):',
        '        return {"loss": self.compute(x, y), "n": y.numel()}',
        '    def compute(self, x, y):',
        '        return self.criterion(x, y)',
        'class Picked(Base):',
        '    def __init__(self, eps=0.1):',
        '        super().__init__()',
        '        if eps > 0:',
        '            self.criterion = LS(eps=eps)',
        '        else:',
        '            self.criterion = nn.CrossEntropyLoss()',
        'def build(eps=0.2):',
        '    crit = Picked(eps=eps)',
        '    crit.to("cuda")',
        '    return crit',
      ];
      assert.equal(conventionOf(source, 'Picked'), 'uniform');
      assert.equal(conventionOf(source, 'build'), 'uniform');
    });

    it('a torch loss subclass reads the reduction its base stored', () => {
      const source = [
        'class S(nn.modules.loss._WeightedLoss):',
        '    def __init__(self, weight=None, red="sum", eps=0.1):',
        '        super().__init__(weight=weight, reduction=red)',
        '        self.eps = eps',
        '    def forward(self, x, y):',
        '        k = x.size(-1)',
        '        q = torch.where(F.one_hot(y, k).bool(), 1 - self.eps + self.eps / k, self.eps / k)',
        '        loss = -(q * F.log_softmax(x, -1)).sum(-1)',
        '        if self.reduction == "sum":',
        '            return loss.sum()',
        '        return loss.mean()',
      ];
      const f = definition(source, 'S');
      assert.equal(f?.convention, 'uniform');
      assert.equal(f?.torchEquivalent, "nn.CrossEntropyLoss(reduction='sum', label_smoothing=eps)");
    });
  });

  describe('hand-written maths', () => {
    const logSoftmax = [
      'x - x.logsumexp(-1, keepdim=True)',
      'torch.log(torch.softmax(x, -1))',
      'x.log_softmax(dim=-1)',
    ];
    for (const lp of logSoftmax) {
      it(`log-softmax as \`${lp}\``, () => {
        const source = [
          'def ls(x, y, eps=0.1):',
          `    lp = ${lp}`,
          '    q = torch.full_like(lp, eps / x.size(-1))',
          '    q[torch.arange(x.size(0)), y] = 1 - eps + eps / x.size(-1)',
          '    return -(q * lp).sum(-1).mean()',
        ];
        assert.equal(conventionOf(source, 'ls'), 'uniform');
      });
    }

    it('KL written as q·(log q − log p) or with xlogy is the same convention, with no exact CE equivalent', () => {
      for (const kl of [
        '(q * (q.log() - lp)).sum(-1).mean()',
        '(torch.xlogy(q, q) - q * lp).sum(-1).mean()',
        '(q * (q + 1e-10).log() - q * lp).sum(-1).mean()',
      ]) {
        const source = [
          'def ls(x, y, eps=0.1):',
          '    lp = F.log_softmax(x, -1)',
          '    k = x.size(-1)',
          '    q = F.one_hot(y, k).float() * (1 - eps) + eps / k',
          `    return ${kl}`,
        ];
        const f = definition(source, 'ls');
        assert.equal(f?.convention, 'uniform', kl);
        assert.equal(f?.torchEquivalent, null, kl);
      }
    });

    it('a bi-tempered loss: tempered log and softmax helpers, K−1 target, terms in t or p alone', () => {
      const source = [
        'def log_t(u, t):',
        '    if t == 1.0:',
        '        return u.log()',
        '    return (u.pow(1.0 - t) - 1.0) / (1.0 - t)',
        'def tempered_softmax(x, t):',
        '    if t == 1.0:',
        '        return x.softmax(dim=-1)',
        '    return exp_t(x - normalization(x, t), t)',
        'def bi_tempered(x, y, t1, t2, smoothing=0.1):',
        '    q = torch.zeros_like(x).scatter_(1, y[..., None], 1)',
        '    k = q.shape[-1]',
        '    q = (1 - smoothing * k / (k - 1)) * q + smoothing / (k - 1)',
        '    p = tempered_softmax(x, t2)',
        '    loss = (q * log_t(q + 1e-10, t1) - q * log_t(p, t1)',
        '            - q.pow(2.0 - t1) / (2.0 - t1) + p.pow(2.0 - t1) / (2.0 - t1))',
        '    return loss.sum(dim=-1).mean()',
      ];
      const f = definition(source, 'bi_tempered');
      assert.equal(f?.convention, 'k_minus_1');
      assert.equal(f?.epsilon, 0.1);
      assert.equal(f?.torchEquivalent, null);
    });

    it('an einsum that sums the class axis of a target and log-probabilities is their cross-entropy', () => {
      const smoothed = [
        'def ls(x, y, eps=0.1):',
        '    k = x.size(-1)',
        '    q = F.one_hot(y, k).float() * (1 - eps) + eps / k',
        "    return -torch.einsum('nc,nc->n', q, F.log_softmax(x, -1)).mean()",
      ];
      assert.equal(conventionOf(smoothed, 'ls'), 'uniform');
      const views = [
        'def dino(s, t, temp=0.04):',
        "    return -torch.einsum('tbd,sbd->ts', F.softmax(t / temp, -1), F.log_softmax(s, -1)).mean()",
      ];
      assert.equal(conventionOf(views, 'dino'), 'soft_target');
      assert.equal(
        conventionOf(['def sim(a, b):', "    return torch.einsum('nd,md->nm', a, b)"], 'sim'),
        'nothing',
      );
    });

    it('`torch.max(t) + 1` and `t.max() + 1` are the batch class count; scalar-first products', () => {
      for (const max of ['torch.max(t) + 1', 't.max() + 1']) {
        const source = [
          'def b(x, t, a=0.1):',
          `    return F.binary_cross_entropy_with_logits(x, (1 - a) * t + a / (${max}))`,
        ];
        assert.equal(conventionOf(source, 'b'), 'batch_max_plus_1', max);
      }
    });

    it('labels == arange(K) and eye(K)[labels] are one-hots', () => {
      for (const oh of ['(y[:, None] == torch.arange(k)).float()', 'torch.eye(k)[y]']) {
        const source = [
          'def ls(x, y, eps=0.1):',
          '    k = x.size(-1)',
          `    q = ${oh} * (1 - eps) + eps / k`,
          '    return -(q * F.log_softmax(x, -1)).sum(-1).mean()',
        ];
        assert.equal(conventionOf(source, 'ls'), 'uniform', oh);
      }
    });

    it('softmax by hand (exp, its class sum, the log of that, x − max) and logits[arange(n), y]', () => {
      const picks = ['x.gather(-1, y.unsqueeze(-1)).squeeze(-1)', 'x[torch.arange(x.size(0)), y]'];
      for (const pick of picks) {
        const plain = [
          'def ce(x, y):',
          '    x = x - torch.max(x, dim=-1)[0].unsqueeze(-1)',
          '    e = torch.exp(x)',
          '    z = e.sum(dim=-1)',
          `    return (torch.log(z) - ${pick}).mean()`,
        ];
        assert.equal(conventionOf(plain, 'ce'), 'none', pick);
        const km1 = [
          'def ls(x, y, eps=0.1):',
          '    e = x.exp()',
          '    z = e.sum(-1, keepdim=True)',
          `    nll = torch.log(z).squeeze(-1) - ${pick}`,
          '    e.div_(z)',
          '    k = x.size(-1)',
          '    s = eps * k / (k - 1)',
          '    return ((1 - s) * nll - s * torch.log(e).mean(-1)).mean()',
        ];
        assert.equal(conventionOf(km1, 'ls'), 'k_minus_1', pick);
      }
    });

    it('binary cross-entropy with logits by hand: softplus(x) − x·t and relu(x) − x·t + log(1 + exp(−|x|))', () => {
      const forms = [
        'F.softplus(x) - x * t',
        'x.clamp(min=0) - x * t + torch.log1p(torch.exp(-x.abs()))',
        'F.relu(x) - x * t + torch.log(1 + torch.exp(-torch.abs(x)))',
      ];
      for (const form of forms) {
        const smoothed = [
          'def b(x, t, a=0.1):',
          '    t = t * (1 - a) + a / 2',
          `    return (${form}).mean()`,
        ];
        assert.equal(conventionOf(smoothed, 'b'), 'binary', form);
        assert.equal(conventionOf(['def b(x, t):', `    return (${form}).mean()`], 'b'), 'none', form);
      }
    });

    it('the log of a tensor not known to be σ(x) gives no exact BCE equivalent, saying why', () => {
      const source = [
        'def focal(x, t, gamma=2.0):',
        '    pt = (t * F.softmax(x, dim=1)).sum(dim=1)',
        '    pt = torch.as_tensor(pt)',
        '    return (-(1 - pt) ** gamma * pt.log()).mean()',
      ];
      const f = definition(source, 'focal');
      assert.equal(f?.torchEquivalent ?? null, null);
      assert.match(f?.details?.closestTorch?.why ?? '', /cannot identify as σ\(x\)/);
    });

    it('K−1 targets through einops, masked_fill of the true class, and a clamped one-hot', () => {
      const targets = [
        "    q = rearrange(F.one_hot(y, k + 2), 'a ... b -> a b ...')[:, :k]\n    q = q * (1 - eps) + (1 - q) * eps / (k - 1)",
        '    t = F.one_hot(y, k).float()\n    q = t.mul(1 - eps).add(eps / (k - 1)).masked_fill(t.bool(), 1 - eps)',
        '    q = torch.clamp(F.one_hot(y, k).float(), eps / (k - 1), 1 - eps)',
      ];
      for (const target of targets) {
        const source = [
          'from einops import rearrange',
          'def ls(x, y, eps=0.1):',
          '    k = x.size(1)',
          ...target.split('\n'),
          '    return -(q * F.log_softmax(x, 1)).sum(1).mean()',
        ];
        assert.equal(conventionOf(source, 'ls'), 'k_minus_1', target);
      }
    });

    it('a confidence penalty (CE minus β·entropy, with p = exp(log p)) is other: the labels minus β·p', () => {
      const source = [
        'def cp(x, y, beta=0.2):',
        '    logp = F.log_softmax(x, -1)',
        '    ent = -(logp.exp() * logp).sum(-1)',
        '    return (F.nll_loss(logp, y, reduction="none") - beta * ent).mean()',
      ];
      assert.equal(conventionOf(source, 'cp'), 'other');
    });

    it('binary targets (1 − ε)·t + ε are not symmetric (other); a weight on the loss keeps t·(1 − ε) + ε/2 binary', () => {
      const lifted = [
        'def b(x, t, eps=0.1):',
        '    return F.binary_cross_entropy_with_logits(x, (1 - eps) * t + eps)',
      ];
      const f = definition(lifted, 'b');
      assert.equal(f?.convention, 'other');
      assert.match(f?.message ?? '', /do not add up to 1/);
      const weighted = [
        'def b(x, t, w, eps=0.1):',
        '    return w * F.binary_cross_entropy_with_logits(x, t * (1 - eps) + eps / 2)',
      ];
      assert.equal(conventionOf(weighted, 'b'), 'binary');
    });

    it('binary targets from a test of the labels or a clamp: where(t == 1, 1 − ε, ε), t.clamp(ε/2, 1 − ε/2)', () => {
      const where = [
        'def b(x, t, eps=0.1):',
        '    t = torch.where(t == 1, 1 - eps, eps)',
        '    return F.binary_cross_entropy_with_logits(x, t)',
      ];
      const f = definition(where, 'b');
      assert.equal(f?.convention, 'binary');
      assert.equal(f?.epsilon, 0.2);
      const clamp = [
        'def b(p, t, eps=0.1):',
        '    return F.binary_cross_entropy(p, t.clamp(eps / 2, 1 - eps / 2))',
      ];
      assert.equal(conventionOf(clamp, 'b'), 'binary');
      // A numerical-safety clamp of probabilities is no target.
      const safety = [
        'def b(p, t, eps=1e-7):',
        '    return F.binary_cross_entropy(p.clamp(eps, 1 - eps), t)',
      ];
      assert.equal(conventionOf(safety, 'b'), 'none');
    });
  });

  describe('structure: autograd Functions and other classes', () => {
    it('`Fn.apply(x, y, ε)` runs the static forward; `Helper.f(...)` runs another class’s staticmethod', () => {
      const source = [
        'class Helper:',
        '    @staticmethod',
        '    def logp(x):',
        '        return F.log_softmax(x, dim=-1)',
        '',
        'class LSFn(torch.autograd.Function):',
        '    @staticmethod',
        '    def forward(ctx, x, y, smoothing=0.1):',
        '        lp = Helper.logp(x)',
        '        nll = -lp.gather(-1, y.unsqueeze(-1)).squeeze(-1)',
        '        ctx.save_for_backward(x)',
        '        return ((1 - smoothing) * nll - smoothing * lp.mean(-1)).mean()',
        '',
        '    @staticmethod',
        '    def backward(ctx, g):',
        '        return g, None, None',
        '',
        'def ls_loss(x, y, smoothing=0.1):',
        '    return LSFn.apply(x, y, smoothing)',
      ];
      assert.equal(conventionOf(source, 'LSFn'), 'uniform');
      const f = definition(source, 'ls_loss');
      assert.equal(f?.convention, 'uniform');
      assert.equal(f?.epsilonParam, 'smoothing');
    });

    it('a torch reduction held in an attribute (`self.reduce = torch.sum`) reduces where it is called', () => {
      const source = [
        'class LS(nn.Module):',
        '    def __init__(self, k, eps=0.1, reduction="sum"):',
        '        super().__init__()',
        '        self.k, self.eps = k, eps',
        '        self.reduce = torch.sum if reduction == "sum" else torch.mean',
        '    def forward(self, lp, y):',
        '        q = torch.full_like(lp, self.eps / (self.k - 1)).scatter_(1, y.unsqueeze(1), 1 - self.eps)',
        '        return self.reduce(-q * lp) + torch.zeros(1)',
      ];
      assert.equal(conventionOf(source, 'LS'), 'k_minus_1');
    });

    it('a CE target of constant class indices (`torch.ones(n, dtype=torch.long)`) is no smoothed target', () => {
      const source = [
        'def itm(logits, n):',
        '    labels = torch.cat([torch.ones(n, dtype=torch.long), torch.zeros(2 * n, dtype=torch.long)])',
        '    return F.cross_entropy(logits, labels)',
      ];
      assert.notEqual(conventionOf(source, 'itm'), 'other');
      assert.ok(!['uniform', 'other', 'k_minus_1'].includes(String(conventionOf(source, 'itm'))));
    });
  });
});
