import * as assert from 'node:assert/strict';
import { analyzeFixture, definitionAt } from './helpers';

describe('analysis: library-style loss code, recognised by its math', () => {
  const findings = analyzeFixture('libraries.py');
  const cases: [number, string, string, string | null, number | null][] = [
    [8, 'label_smoothed_nll_loss', 'k_minus_1', 'epsilon', null],
    [28, 'LabelSmoothingCrossEntropy', 'uniform', 'smoothing', 0.1],
    [46, 'SoftTargetCrossEntropy', 'soft_target', null, null],
    [55, 'LabelSmoothingLoss', 'k_minus_2_padding', 'label_smoothing', null],
    [80, 'LabelSmoothing', 'k_minus_2_padding', 'smoothing', 0],
    [106, 'LabelSmoother', 'uniform', 'epsilon', 0.1],
    [127, 'smooth_binary_labels', 'binary', 'alpha', 0.1],
    [131, 'smooth_one_hot', 'k_minus_1', 'smoothing', 0],
    [142, 'BinaryCrossEntropySmoothed', 'binary', 'smoothing', 0.1],
    [152, 'OneHotSmoothedCE', 'uniform', 'alpha', 0.2],
    [164, 'WrongNormalisation', 'other', null, null],
    [176, 'PlainCE', 'none', null, null],
    [181, 'TorchSmoothed', 'uniform', 'ls', 0.2],
    [190, 'Confident', 'k_minus_1', 'confidence', 0.1],
  ];
  for (const [line, symbol, convention, param, epsilon] of cases) {
    it(`${symbol} (line ${line}) is ${convention}`, () => {
      const f = definitionAt(findings, line);
      assert.equal(f.symbol, symbol);
      assert.equal(f.convention, convention);
      assert.equal(f.epsilonParam, param);
      assert.equal(f.epsilon, epsilon);
    });
  }

  it('notes a parameter that holds the confidence', () => {
    assert.equal(definitionAt(findings, 190).details?.epsilonIsConfidence, true);
    assert.match(definitionAt(findings, 190).message, /confidence 1−ε/);
  });

  it('flags K−1 code documented as uniform', () => {
    const doc = findings.find((f) => f.rule === 'k-minus-1-documented-as-uniform');
    assert.equal(doc?.line, 191);
  });

  it('notes padding rows that still count in a mean is not claimed for sum reductions', () => {
    assert.equal(definitionAt(findings, 8).details?.maskedRowsInMean, undefined);
  });
});
