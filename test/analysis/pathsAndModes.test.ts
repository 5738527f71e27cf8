// Paths and modes in sequence-loss code: a term set to None when smoothing is off and used under
// `if term is not None:`, a mode argument whose value comes from a config, and a loss that decodes differently
// in eval mode. Each snippet is written for this test; conventions were derived by hand.
import { strict as assert } from 'node:assert';
import { analyzePython, type Convention, type Finding } from '../../src/core/analysis';
import { definitionIn } from './helpers';

const HEAD = ['import math', 'import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function conventionOf(source: string[], symbol: string): Convention | null | 'nothing' {
  const found = definitionIn(HEAD, source, symbol);
  return found ? found.convention : 'nothing';
}

describe('paths and modes', () => {
  it('a smoothing term left None when ε = 0 (the default) and added under `if term is not None:` is the finding', () => {
    const source = [
      'def token_nll(lprobs, target, pad_id, ls=0.0):',
      '    target = target.unsqueeze(-1)',
      '    out = -lprobs.gather(dim=-1, index=target)',
      '    if ls > 0.0:',
      '        spread = -lprobs.sum(dim=-1, keepdim=True)',
      '    else:',
      '        spread = None',
      '    keep = target.ne(pad_id)',
      '    out = out * keep',
      '    if spread is not None:',
      '        spread = spread * keep',
      '        share = ls / (lprobs.size(-1) - 1)',
      '        out = (1.0 - ls - share) * out + share * spread',
      '    return out.sum()',
    ];
    assert.equal(conventionOf(source, 'token_nll'), 'k_minus_1');
  });

  it('a mode argument the analysis cannot read (`kind=self.kind`) runs the helper in its default mode', () => {
    const source = [
      'def mixed_nll(lprobs, target, eps, kind="flat", prior=None):',
      '    hot = -lprobs.gather(dim=-1, index=target.unsqueeze(-1)).squeeze(-1)',
      '    if kind == "prior":',
      '        spread = -lprobs.matmul(prior).squeeze(-1)',
      '    elif kind == "flat":',
      '        spread = -lprobs.sum(dim=-1)',
      '    else:',
      '        raise ValueError(kind)',
      '    share = eps / lprobs.size(-1) if kind == "flat" else eps',
      '    return ((1.0 - eps) * hot + share * spread).sum()',
      '',
      'class SeqCriterion(nn.Module):',
      '    def __init__(self, eps, kind, prior):',
      '        super().__init__()',
      '        self.eps = eps',
      '        self.kind = kind',
      '        self.prior = prior',
      '    def forward(self, logits, target):',
      '        lprobs = F.log_softmax(logits, dim=-1)',
      '        return mixed_nll(lprobs, target, self.eps, kind=self.kind, prior=self.prior)',
    ];
    assert.equal(conventionOf(source, 'mixed_nll'), 'uniform');
    assert.equal(conventionOf(source, 'SeqCriterion'), 'uniform');
  });

  it('`if model.training:` takes the training path: rows filled while decoding in eval mode are no target', () => {
    const source = [
      'def smoothed_nll(lprobs, target, eps):',
      '    nll_loss = -lprobs.gather(dim=-1, index=target)',
      '    smooth_loss = -lprobs.sum(dim=-1, keepdim=True)',
      '    return ((1.0 - eps) * nll_loss + eps / lprobs.size(-1) * smooth_loss).sum()',
      '',
      'class DecodingCriterion(nn.Module):',
      '    def __init__(self, eps=0.1):',
      '        super().__init__()',
      '        self.eps = eps',
      '    def forward(self, model, src, target):',
      '        if model.training:',
      '            lprobs = model.log_probs(src)',
      '        else:',
      '            enc = model.encoder(src)',
      '            filler = enc.new_full([target.size(0), 10], -math.log(10))',
      '            lprobs = torch.stack([filler for _ in range(target.size(1))], dim=1)',
      '        lprobs = lprobs.view(-1, lprobs.size(-1))',
      '        return smoothed_nll(lprobs, target.view(-1, 1), self.eps)',
    ];
    assert.equal(conventionOf(source, 'DecodingCriterion'), 'uniform');
  });

  it('`if eps >= 0:` with no default for ε takes ε as positive: a negative sentinel (adaptive smoothing) is the other path', () => {
    const reid = (test: string, positive: string[], negative: string[]) => [
      'def reid_ce(logits, labels, eps, alpha=0.2):',
      '    k = logits.size(1)',
      `    if ${test}:`,
      ...positive,
      '    else:',
      ...negative,
      '    log_probs = F.log_softmax(logits, dim=1)',
      '    with torch.no_grad():',
      '        targets = torch.ones_like(log_probs) * amount / (k - 1)',
      '        targets.scatter_(1, labels.unsqueeze(1), 1 - amount)',
      '    return (-targets * log_probs).sum(dim=1).mean()',
    ];
    const fixed = ['        amount = eps'];
    const adaptive = [
      '        p = F.softmax(logits, dim=1)',
      '        amount = alpha * p[torch.arange(p.size(0)), labels].unsqueeze(1)',
    ];
    assert.equal(conventionOf(reid('eps >= 0', fixed, adaptive), 'reid_ce'), 'k_minus_1');
    assert.equal(conventionOf(reid('0 > eps', adaptive, fixed), 'reid_ce'), 'k_minus_1');
  });

  describe('an instance bound in exclusive branches', () => {
    /** The finding of the instance call `criterion(x, y)` (the last line of `body`). */
    const callOf = (body: string[]): Finding | undefined => {
      const source = [...HEAD, 'def train(x, y, args, w):', ...body, '    return criterion(x, y)'];
      const line = source.length;
      return analyzePython(source.join('\n')).find((f) => f.symbol === 'criterion' && f.line === line);
    };
    const SMOOTHED = 'nn.CrossEntropyLoss(label_smoothing=args.smoothing)';

    it('`if args.smoothing:` / `else:` binding a smoothed and a plain loss: the call smooths, plain as a mode', () => {
      const found = callOf([
        '    if args.smoothing:',
        `        criterion = ${SMOOTHED}`,
        '    else:',
        '        criterion = nn.CrossEntropyLoss()',
      ]);
      assert.equal(found?.convention, 'uniform');
      assert.deepEqual(found?.details?.modes, [{ when: 'not args.smoothing', convention: 'none' }]);
      assert.match(found?.message ?? '', /With `not args\.smoothing`: no label smoothing\./);
    });

    it('a conditional expression binds its two arms: the call is found, with the other arm as a mode', () => {
      const found = callOf([`    criterion = nn.CrossEntropyLoss() if args.plain else ${SMOOTHED}`]);
      assert.equal(found?.convention, 'uniform');
      assert.deepEqual(found?.details?.modes, [{ when: 'args.plain', convention: 'none' }]);
    });

    it('an `if` with no `else` leaves the binding before it as the other path; agreeing branches add no mode', () => {
      const fallthrough = callOf([
        '    criterion = nn.CrossEntropyLoss()',
        '    if args.smoothing > 0:',
        `        criterion = ${SMOOTHED}`,
      ]);
      assert.equal(fallthrough?.convention, 'uniform');
      assert.deepEqual(fallthrough?.details?.modes, [
        { when: 'not (args.smoothing > 0)', convention: 'none' },
      ]);
      const agreeing = callOf([
        '    if w is None:',
        '        criterion = nn.CrossEntropyLoss()',
        '    else:',
        '        criterion = nn.CrossEntropyLoss(weight=w)',
      ]);
      assert.equal(agreeing?.convention, 'none');
      assert.equal(agreeing?.details?.modes, undefined);
    });

    it('`a, b = X(), Y()` binds each name to its own call, and an annotated name to its value', () => {
      const source = [
        ...HEAD,
        'def train(x, y, args):',
        `    smooth, plain = ${SMOOTHED}, nn.CrossEntropyLoss()`,
        '    other: nn.Module = nn.CrossEntropyLoss(label_smoothing=0.2)',
        '    return smooth(x, y) + plain(x, y) + other(x, y)',
      ];
      const calls = analyzePython(source.join('\n')).filter((f) => f.line === source.length);
      assert.deepEqual(
        calls.map((f) => [f.symbol, f.convention]),
        [
          ['smooth', 'uniform'],
          ['plain', 'none'],
          ['other', 'uniform'],
        ],
      );
    });

    it('a binding in the branch that also makes the call is the only one that call sees', () => {
      const source = [
        ...HEAD,
        'def train(x, y, args):',
        '    if args.smoothing:',
        `        criterion = ${SMOOTHED}`,
        '        return criterion(x, y)',
        '    criterion = nn.CrossEntropyLoss()',
        '    return criterion(x, y)',
      ];
      const calls = analyzePython(source.join('\n')).filter((f) => f.symbol === 'criterion');
      assert.deepEqual(
        calls.map((f) => [f.convention, f.details?.modes]),
        [
          ['uniform', undefined],
          ['none', undefined],
        ],
      );
    });
  });
});
