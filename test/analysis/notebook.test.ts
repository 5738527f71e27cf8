// Notebook cells analysed the way Jupyter runs them: after the code of the cells before them.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { AnalysisSession, cellSource, type Finding, type PythonParse } from '../../src/core/analysis';
import { editBetween, inCell } from '../../src/core/analysis/results';
import { fuzz } from '../support/fuzz';

const IMPORTS = `import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd import Variable
%matplotlib inline
!pip install timm
NUM_CLASSES = 10
EPS = 0.1`;

const LOSS_CLASS = `class SmoothedLoss(nn.Module):
    def __init__(self, epsilon=0.1):
        super().__init__()
        self.epsilon = epsilon

    def forward(self, preds, target):
        log_preds = F.log_softmax(preds, dim=-1)
        nll = F.nll_loss(log_preds, target)
        return (1 - self.epsilon) * nll + self.epsilon * (-log_preds.mean(dim=-1)).mean()
`;

const SMOOTH_FN = `def smooth_ce(logits, y):
    t = F.one_hot(y, NUM_CLASSES) * (1 - EPS) + EPS / NUM_CLASSES
    return -(t * F.log_softmax(logits, -1)).sum(-1).mean()
`;

const USE = `criterion = SmoothedLoss(epsilon=0.5)
x = Variable(torch.randn(3, NUM_CLASSES))
print(criterion(x, target))
`;

const losses = (fs: Finding[]) => fs.filter((f) => f.kind === 'loss');
const brief = (fs: Finding[]) =>
  fs.map((f) => [f.line, f.column, f.kind, f.convention, f.epsilon, f.message]);

describe('notebook cells see the cells before them', () => {
  const cells = [IMPORTS, LOSS_CLASS, USE];

  it('a class of an earlier cell, constructed and called in a later one, is the loss it defines', () => {
    const alone = new AnalysisSession().analyzeCell(USE, []);
    assert.deepEqual(losses(alone), [], 'the cell alone knows no SmoothedLoss');
    const found = new AnalysisSession().analyzeCell(USE, cells.slice(0, 2));
    const construct = found.find((f) => f.kind === 'loss' && f.line === 1);
    assert.ok(construct, JSON.stringify(brief(found)));
    assert.deepEqual([construct.column, construct.convention, construct.epsilon], [13, 'uniform', 0.5]);
    const call = found.find((f) => f.kind === 'loss' && f.line === 3);
    assert.deepEqual([call?.column, call?.convention, call?.epsilon], [7, 'uniform', 0.5]);
    // The construction points back at the class, in the cell before (lines there are 0 or less).
    assert.equal(construct.details?.definedAt?.line, 1 - 9);
  });

  it('an import of an earlier cell resolves names in a later one (Variable from torch.autograd)', () => {
    const found = new AnalysisSession().analyzeCell(USE, cells.slice(0, 2));
    const variable = found.find((f) => f.kind === 'pitfall' && /Variable is deprecated/.test(f.message));
    assert.deepEqual([variable?.line, variable?.column], [2, 5]);
    const alone = new AnalysisSession().analyzeCell(USE, []);
    assert.ok(!alone.some((f) => /Variable is deprecated/.test(f.message)));
  });

  it("constants of an earlier cell are the numbers a later cell's definition reads", () => {
    const [loss] = losses(new AnalysisSession().analyzeCell(SMOOTH_FN, [IMPORTS]));
    assert.deepEqual(
      [loss?.line, loss?.convention, loss?.epsilon, loss?.details?.classes],
      [1, 'uniform', 0.1, 10],
    );
  });

  it('findings stay in their own cell: none from earlier cells, positions as in the cell', () => {
    const found = new AnalysisSession().analyzeCell(USE, cells.slice(0, 2));
    const lines = USE.split('\n').length;
    for (const f of found) assert.ok(f.line >= 1 && f.endLine <= lines, JSON.stringify(brief([f])));
    const torchCall = 'loss = nn.CrossEntropyLoss(label_smoothing=0.2)(x, y)\n';
    assert.deepEqual(
      new AnalysisSession().analyzeCell(torchCall, cells),
      new AnalysisSession().analyzeCell(torchCall, []),
    );
  });

  it('an edit in an earlier cell changes a later cell through a session that caches, as computed afresh', () => {
    const cached = new AnalysisSession();
    const epsOf = (session: AnalysisSession, eps: string) =>
      losses(session.analyzeCell(SMOOTH_FN, [IMPORTS.replace('EPS = 0.1', `EPS = ${eps}`)]))[0]?.epsilon;
    assert.equal(epsOf(cached, '0.1'), 0.1);
    assert.equal(epsOf(cached, '0.25'), 0.25);
    assert.equal(epsOf(cached, '0.1'), 0.1);
    const hits = cached.stats().definitions.hits;
    assert.ok(hits > 0, 'the unchanged definitions of the earlier cell come from the cache');
    assert.equal(epsOf(new AnalysisSession({ cache: false }), '0.25'), 0.25);
  });

  it('places the cell after its prelude, magics left out', () => {
    const source = cellSource(['import torch\n%matplotlib inline', 'x = 1\n'], 'y = x\n');
    assert.equal(source.text, 'import torch\n\nx = 1\ny = x\n');
    assert.equal(source.start, 'import torch\n\nx = 1\n'.length);
    assert.equal(source.firstLine, 4);
  });
});

/** Cells a notebook's cells are drawn from, each also with a small edit of its own. */
const CELL_POOL = [
  IMPORTS,
  IMPORTS.replace('EPS = 0.1', 'EPS = 0.3'),
  IMPORTS.replace('from torch.autograd import Variable\n', ''),
  LOSS_CLASS,
  LOSS_CLASS.replace('(1 - self.epsilon) * nll + ', ''),
  SMOOTH_FN,
  SMOOTH_FN.replace('NUM_CLASSES)', 'NUM_CLASSES - 1)'),
  USE,
  USE.replace('epsilon=0.5', 'epsilon=0.2'),
  'probs = F.softmax(x, dim=-1)\nprint(nn.CrossEntropyLoss()(probs, target))\n',
  'def broken(:\n',
];

const ROUNDS = 25;

describe('notebook cells: incremental reparsing and caching after edits of any cell', () => {
  it('a caching session reparsing from the previous text finds what a fresh one does, cell and hover alike', () => {
    const cell = fc.nat(CELL_POOL.length - 1).map((i) => CELL_POOL[i]);
    const notebook = fc.array(cell, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(
        fc.array(notebook, { minLength: 2, maxLength: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (versions, where) => {
          const cached = new AnalysisSession();
          let previous: PythonParse | undefined;
          for (const cells of versions) {
            const source = cellSource(cells.slice(0, -1), cells[cells.length - 1]);
            const parse = previous
              ? cached.parsePython(source.text, previous, editBetween(previous.text, source.text))
              : cached.parsePython(source.text);
            previous = parse;
            assert.equal(parse.text, source.text);
            const steps = cached.analyzeSteps(parse, source.start);
            let step = steps.next();
            while (!step.done) step = steps.next();
            const incremental = inCell(step.value, source);
            const fresh = new AnalysisSession({ cache: false }).analyzeCell(
              cells[cells.length - 1],
              cells.slice(0, -1),
            );
            assert.deepEqual(incremental, fresh);
            const offset = source.start + Math.floor(where * (source.text.length - source.start));
            const { line, column } = positionIn(source.text, offset, source.firstLine);
            const hover = inCell(cached.analyzeAt(parse, offset), source);
            assert.deepEqual(
              hover,
              fresh.filter((f) => contains(f, line, column)),
            );
          }
        },
      ),
      fuzz(ROUNDS),
    );
  });
});

/** Line (counted in the cell) and column, 1-based, of `offset` in `text`. */
function positionIn(text: string, offset: number, firstLine: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - firstLine + 1, column: before[before.length - 1].length + 1 };
}

function contains(f: Finding, line: number, column: number): boolean {
  const afterStart = line > f.line || (line === f.line && column >= f.column);
  const beforeEnd = line < f.endLine || (line === f.endLine && column <= f.endColumn);
  return afterStart && beforeEnd;
}
