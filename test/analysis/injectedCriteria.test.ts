// A loss that delegates to a criterion it is given (YOLO's `FocalLoss(loss_fcn, gamma)`, a class-balanced wrapper,
// a function handed `criterion`) takes the convention of the criteria the file visibly passes it: every
// construction showing one of the same convention; otherwise it stays delegated (no convention of its own).
import * as assert from 'node:assert/strict';
import {
  AnalysisSession,
  analyzeAt,
  analyzeParsed,
  analyzePython,
  type Finding,
  importCandidates,
  parsePython,
  resolveImports,
} from '../../src/core/analysis';
import { explainFinding } from '../../src/core/explain';
import { definitionAt } from './helpers';

const HEADER = ['import torch', 'import torch.nn as nn', ''];
const py = (lines: string[]): string => `${[...HEADER, ...lines].join('\n')}\n`;

/** Lines 4–15: YOLO's focal wrapper around the criterion it is given. */
const FOCAL = [
  'class FocalLoss(nn.Module):',
  '    def __init__(self, loss_fcn, gamma=1.5, alpha=0.25):',
  '        super(FocalLoss, self).__init__()',
  '        self.loss_fcn = loss_fcn',
  '        self.gamma = gamma',
  "        self.loss_fcn.reduction = 'none'",
  '',
  '    def forward(self, pred, true):',
  '        loss = self.loss_fcn(pred, true)',
  '        p = torch.sigmoid(pred)',
  '        p_t = true * p + (1 - true) * (1 - p)',
  '        return (loss * (1.0 - p_t) ** self.gamma).mean()',
  '',
];
const FOCAL_LINE = 4;

const focal = (caller: string[]): Finding =>
  definitionAt(analyzePython(py([...FOCAL, ...caller])), FOCAL_LINE);

const callAt = (findings: Finding[], line: number): Finding | undefined =>
  findings.find((f) => f.kind === 'loss' && f.line === line && f.details?.lossKind === 'custom' && f.symbol);

describe('analysis: a criterion given to a loss takes the convention the file passes in', () => {
  it('a construction passing a torch criterion: the wrapper has its convention, and says where it is built', () => {
    const findings = analyzePython(
      py([
        ...FOCAL,
        'def compute(p, t):',
        '    crit = FocalLoss(nn.BCEWithLogitsLoss(), 2.0)',
        '    return crit(p, t)',
      ]),
    );
    const f = definitionAt(findings, FOCAL_LINE);
    assert.equal(f.convention, 'none');
    assert.deepEqual(
      f.details?.wraps?.map((w) => [w.criterion, w.line]),
      [['nn.BCEWithLogitsLoss', 18]],
    );
    assert.match(f.message, /focal-style modulation/);
    assert.equal(callAt(findings, 18)?.convention, 'none');
    assert.match(explainFinding(f, { detail: 'full', defaultEpsilon: 0.1 }), /as built at line 18/);
  });

  it('YOLO: a name rebound to the wrapper in the same statement still names the criterion built (and moved) before', () => {
    const f = focal([
      'def compute_loss(p, t, h):',
      '    BCEcls = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([h["cls_pw"]])).to(p.device)',
      '    BCEobj = nn.BCEWithLogitsLoss(pos_weight=torch.tensor([h["obj_pw"]]))',
      '    g = h["fl_gamma"]',
      '    if g > 0:',
      '        BCEcls, BCEobj = FocalLoss(BCEcls, g), FocalLoss(BCEobj, g)',
      '    return BCEcls(p, t) + BCEobj(p, t)',
    ]);
    assert.equal(f.convention, 'none');
    assert.deepEqual(
      f.details?.wraps?.map((w) => w.line),
      [18, 19],
    );
  });

  it('a wrapper around a smoothing criterion has that criterion’s convention and ε', () => {
    const f = focal(['def make():', '    return FocalLoss(nn.CrossEntropyLoss(label_smoothing=0.1))']);
    assert.equal(f.convention, 'uniform');
    assert.equal(f.epsilon, 0.1);
  });

  it('criteria of different conventions: no convention (never the last one)', () => {
    const f = focal([
      'def make(smooth):',
      '    if smooth:',
      '        return FocalLoss(nn.CrossEntropyLoss(label_smoothing=0.1))',
      '    return FocalLoss(nn.CrossEntropyLoss())',
    ]);
    assert.equal(f.convention, null);
    assert.match(f.message, /different conventions/);
  });

  it('stays delegated with no construction, or one whose criterion the file does not show', () => {
    assert.equal(focal([]).convention, null);
    const given = focal([
      'def make(criterion):',
      '    a = FocalLoss(nn.CrossEntropyLoss(label_smoothing=0.1))',
      '    return FocalLoss(criterion)',
    ]);
    assert.equal(given.convention, null);
    const asValue = focal([
      'def make(builder):',
      '    a = FocalLoss(nn.CrossEntropyLoss(label_smoothing=0.1))',
      '    return builder(FocalLoss)',
    ]);
    assert.equal(asValue.convention, null);
  });

  it('a name bound twice, changed after it is built, or rebound later in a loop shows no one criterion', () => {
    const cases = [
      [
        '    crit = nn.CrossEntropyLoss(label_smoothing=0.1)',
        '    crit = build(cfg)',
        '    return FocalLoss(crit)',
      ],
      ['    crit = nn.CrossEntropyLoss()', '    crit.label_smoothing = 0.1', '    return FocalLoss(crit)'],
      [
        '    crit = nn.CrossEntropyLoss()',
        '    for eps in (0.0, 0.1):',
        '        w = FocalLoss(crit)',
        '        crit = nn.CrossEntropyLoss(label_smoothing=0.1)',
      ],
    ];
    for (const body of cases) {
      const f = focal(['def make(cfg):', ...body]);
      assert.equal(f.convention, null, body.join('\n'));
    }
  });

  it('a function handed the criterion, called with one the file builds', () => {
    const findings = analyzePython(
      py([
        'def apply_loss(criterion, x, y):',
        '    return criterion(x, y).mean()',
        '',
        'def train(x, y):',
        '    ce = nn.CrossEntropyLoss(label_smoothing=0.2)',
        '    return apply_loss(ce, x, y)',
      ]),
    );
    const f = definitionAt(findings, 4);
    assert.equal(f.convention, 'uniform');
    assert.equal(f.epsilon, 0.2);
    assert.match(f.message, /every call in this file/);
  });

  it('a criterion passed for a parameter with a default criterion: the construction runs the class with it', () => {
    const findings = analyzePython(
      py([
        'class Head(nn.Module):',
        '    def __init__(self, criterion=None):',
        '        super().__init__()',
        '        self.criterion = criterion if criterion is not None else nn.CrossEntropyLoss(label_smoothing=0.1)',
        '',
        '    def forward(self, x, y):',
        '        return self.criterion(x, y)',
        '',
        'def make():',
        '    return Head(), Head(nn.CrossEntropyLoss())',
      ]),
    );
    assert.equal(definitionAt(findings, 4).convention, 'uniform');
    const [plain, given] = findings.filter((f) => f.line === 13 && f.symbol === 'Head');
    assert.equal(plain.convention, 'uniform');
    assert.equal(given.convention, 'none');
    assert.match(given.message, /with `nn\.CrossEntropyLoss` given as its criterion/);
  });

  it('a wrapper imported from another file of the workspace, constructed here with a criterion built here', async () => {
    const files = {
      candidates: importCandidates,
      read: async (path: string) => (path === '/ws/losses.py' ? py(FOCAL) : null),
    };
    const text = py([
      'from losses import FocalLoss',
      'def step(p, t):',
      '    crit = FocalLoss(nn.CrossEntropyLoss(label_smoothing=0.1), 2.0)',
      '    return crit(p, t)',
    ]);
    const resolved = await resolveImports('/ws/train.py', text, files, true);
    const built = new AnalysisSession().analyzePython(text, resolved.source).find((f) => f.line === 6);
    assert.equal(built?.symbol, 'FocalLoss');
    assert.equal(built?.convention, 'uniform');
    assert.deepEqual(built?.details?.wraps, [{ criterion: 'nn.CrossEntropyLoss', line: 6, column: 22 }]);
  });

  it('follows an edit of the construction (incremental analysis)', () => {
    const text = py([...FOCAL, 'def make():', '    return FocalLoss(nn.CrossEntropyLoss())']);
    const first = parsePython(text);
    assert.equal(definitionAt(analyzeParsed(first), FOCAL_LINE).convention, 'none');
    const from = text.indexOf('nn.CrossEntropyLoss()') + 'nn.CrossEntropyLoss('.length;
    const inserted = 'label_smoothing=0.1';
    const after = text.slice(0, from) + inserted + text.slice(from);
    const second = parsePython(after, first, [
      { fromA: from, toA: from, fromB: from, toB: from + inserted.length },
    ]);
    assert.equal(definitionAt(analyzeParsed(second), FOCAL_LINE).convention, 'uniform');
    const hovered = analyzeAt(second, after.indexOf('class FocalLoss') + 1);
    assert.equal(definitionAt(hovered, FOCAL_LINE).convention, 'uniform');
  });
});
