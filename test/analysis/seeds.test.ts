import * as assert from 'node:assert/strict';
import { analyzeFixture, definitionAt } from './helpers';

type Expected = [
  line: number,
  symbol: string,
  convention: string,
  epsilonParam: string | null,
  epsilon: number | null,
];

const CASES: Record<string, Expected[]> = {
  'seed000_linear_combination.py': [[9, 'LabelSmoothingLoss', 'uniform', 'epsilon', 0.1]],
  'seed001_k_minus_1.py': [[6, 'LabelSmoothCrossEntropyLoss', 'k_minus_1', 'smoothing', 0]],
  'seed002_fastai.py': [
    [9, 'LabelSmoothingCrossEntropy', 'uniform', 'eps', 0.1],
    [22, 'LabelSmoothingLoss', 'uniform', 'epsilon', 0.1],
  ],
  'seed003_bce_batch_max.py': [[34, 'BCELossWithLabelSmoothing', 'batch_max_plus_1', 'alpha', null]],
  'seed004_four_implementations.py': [
    [9, 'LabelSmoothingLoss', 'k_minus_1', 'smoothing', 0],
    [35, 'SmoothCrossEntropyLoss', 'k_minus_1', 'smoothing', 0],
    [83, 'LabelSmoothingLoss', 'uniform', 'smoothing', 0.1],
    [113, 'LabelSmoothing', 'uniform', 'smoothing', 0],
  ],
};

describe('analysis: every loss implementation in the seeds', () => {
  for (const [file, expected] of Object.entries(CASES)) {
    for (const [line, symbol, convention, epsilonParam, epsilon] of expected) {
      it(`${file}:${line} ${symbol} is ${convention}`, () => {
        const f = definitionAt(analyzeFixture(file), line);
        assert.equal(f.symbol, symbol);
        assert.equal(f.convention, convention);
        assert.equal(f.epsilonParam, epsilonParam);
        assert.equal(f.epsilon, epsilon);
        assert.equal(f.column, 1);
      });
    }
  }

  it('seed 004: the two LabelSmoothingLoss classes get different conventions, and constructions link to the right one', () => {
    const findings = analyzeFixture('seed004_four_implementations.py');
    const devin = findings.find((f) => f.line === 68 && f.symbol === 'LabelSmoothingLoss');
    const wanglei = findings.find((f) => f.line === 136 && f.symbol === 'LabelSmoothingLoss');
    assert.equal(devin?.convention, 'k_minus_1');
    assert.equal(devin?.epsilon, 0.5);
    assert.equal(devin?.torchEquivalent, 'nn.CrossEntropyLoss(label_smoothing=0.625)');
    assert.equal(wanglei?.convention, 'uniform');
    assert.equal(wanglei?.epsilon, 0.3);
  });

  it('seed 000: the instance call links to its construction', () => {
    const call = analyzeFixture('seed000_linear_combination.py').find((f) => f.symbol === 'loss_criterion');
    assert.equal(call?.convention, 'uniform');
    assert.equal(call?.epsilon, 0.5);
    assert.deepEqual(call?.details?.definedAt, { line: 42, column: 18 });
  });

  it('seed 003: the class count from the batch is reported', () => {
    const findings = analyzeFixture('seed003_bce_batch_max.py');
    const rules = findings.filter((f) => f.rule === 'batch-max-class-count').map((f) => f.line);
    assert.deepEqual(rules, [41, 72]);
  });
});
