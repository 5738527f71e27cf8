// Detection losses add terms over different targets: an objectness map set to 1 at the matched cells beside the class
// targets set at the matched classes. The hard objectness term is no part of the class target's convention.
import * as assert from 'node:assert/strict';
import { analyzePython, type Finding } from '../../src/core/analysis';
import { definitionAt } from './helpers';

const py = (lines: string[]): string => `${lines.join('\n')}\n`;
const HEADER = ['import torch', 'import torch.nn as nn', ''];
const at = (source: string[], line: number): Finding =>
  definitionAt(analyzePython(py([...HEADER, ...source])), line);

const yolo = (classTarget: string[]): string[] => [
  'class YoloLoss(nn.Module):',
  '    def __init__(self, hyp, eps=0.0):',
  '        super().__init__()',
  '        self.hyp = hyp',
  '        self.cp, self.cn = 1.0 - 0.5 * eps, 0.5 * eps',
  '        self.BCEcls = nn.BCEWithLogitsLoss()',
  '        self.BCEobj = nn.BCEWithLogitsLoss()',
  '',
  '    def forward(self, preds, tcls, indices):',
  '        lcls = torch.zeros(1)',
  '        lobj = torch.zeros(1)',
  '        for i, pi in enumerate(preds):',
  '            b, a, gj, gi = indices[i]',
  '            tobj = torch.zeros_like(pi[..., 0])',
  '            n = len(b)',
  '            if n:',
  '                ps = pi[b, a, gj, gi]',
  '                tobj[b, a, gj, gi] = 1',
  ...classTarget,
  '                lcls += self.BCEcls(ps[:, 5:], t)',
  '            lobj += self.BCEobj(pi[..., 4], tobj)',
  "        lobj *= self.hyp['obj']",
  "        lcls *= self.hyp['cls']",
  '        return lobj + lcls',
];

describe('analysis: detection losses with an objectness term', () => {
  it('smoothed class targets beside a hard objectness map keep the class targets’ convention', () => {
    const smoothed = yolo([
      '                t = torch.full_like(ps[:, 5:], self.cn)',
      '                t[range(n), tcls[i]] = self.cp',
    ]);
    const f = at(smoothed, 4);
    assert.equal(f.convention, 'binary');
    assert.equal(f.epsilonParam, 'eps');
  });

  it('the objectness term does not dilute the class targets’ ε (unweighted sum, literal targets)', () => {
    const literal = yolo([
      '                t = torch.full_like(ps[:, 5:], 0.05)',
      '                t[range(n), tcls[i]] = 0.95',
    ]).filter((line) => !line.includes('*='));
    const f = at(literal, 4);
    assert.equal(f.convention, 'binary');
    assert.equal(f.epsilon, 0.1);
  });

  it('hard class targets beside the objectness map stay plain BCE', () => {
    const hard = yolo([
      '                t = torch.zeros_like(ps[:, 5:])',
      '                t[range(n), tcls[i]] = 1',
    ]);
    assert.equal(at(hard, 4).convention, 'none');
  });

  it('two smoothed terms at the same labels still add into one target', () => {
    const source = [
      'def two_heads(x1, x2, y, eps):',
      '    t1 = torch.full_like(x1, eps / 2)',
      '    t1[range(len(y)), y] = 1 - eps / 2',
      '    t2 = torch.zeros_like(x2)',
      '    t2[range(len(y)), y] = 1',
      '    bce = nn.BCEWithLogitsLoss()',
      '    return 0.3 * bce(x1, t1) + 0.7 * bce(x2, t2)',
    ];
    assert.equal(at(source, 4).convention, 'binary');
  });

  it('a binary term against a target tensor the caller built (angle bins) does not dilute the class targets’ ε', () => {
    const source = [
      'def smooth_BCE(eps=0.1):',
      '    return 1.0 - 0.5 * eps, 0.5 * eps',
      '',
      'def head_loss(ps, tcls, t_theta, eps=0.1):',
      '    cp, cn = smooth_BCE(eps)',
      '    bce = nn.BCEWithLogitsLoss()',
      '    t = torch.full_like(ps[:, 5:10], cn)',
      '    t[range(ps.shape[0]), tcls] = cp',
      '    return bce(ps[:, 5:10], t) + bce(ps[:, 10:], t_theta)',
    ];
    const f = at(source, 7);
    assert.equal(f.convention, 'binary');
    assert.equal(f.epsilon, 0.1);
  });

  it('an objectness term against a map of zeros added first keeps the class targets placed beside the angle bins', () => {
    const source = [
      'def smooth_BCE(eps=0.1):',
      '    return 1.0 - 0.5 * eps, 0.5 * eps',
      '',
      'def head_loss(pi, ps, tcls, t_theta, eps=0.1):',
      '    cp, cn = smooth_BCE(eps)',
      '    bce = nn.BCEWithLogitsLoss()',
      '    tobj = torch.zeros_like(pi[..., 0])',
      '    t = torch.full_like(ps[:, 5:10], cn)',
      '    t[range(ps.shape[0]), tcls] = cp',
      '    return bce(pi[..., 4], tobj) + bce(ps[:, 5:10], t) + bce(ps[:, 10:], t_theta)',
    ];
    const f = at(source, 7);
    assert.equal(f.convention, 'binary');
    assert.equal(f.epsilon, 0.1);
  });
});
