// A loss multiplied by a factor computed from the predictions ((1−p_t)^γ, a blur factor from σ(x)−t) is re-weighted
// per sample: not plain cross-entropy, but its targets are unchanged, so the targets' convention (`none` on hard
// targets) with the reason and no torch equivalent. Code written for these tests
// (test/fixtures/python/modulation/focal.py), in several spellings, with look-alikes that must keep their convention.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/analysis';
import { analyzeFixture } from './helpers';

const REASON = 'the per-sample loss is re-weighted by a factor computed from the predictions';

function definition(findings: Finding[], symbol: string): Finding | undefined {
  return findings.find(
    (f) =>
      f.kind === 'loss' && f.symbol === symbol && f.details?.lossKind === 'custom' && !f.details.definedAt,
  );
}

function conventionOf(findings: Finding[], symbol: string): Finding['convention'] {
  const f = definition(findings, symbol);
  assert.ok(f, `no definition finding for ${symbol}`);
  return f.convention;
}

describe('analysis: losses modulated by a factor computed from the predictions', () => {
  let findings: Finding[] = [];
  before(() => {
    findings = analyzeFixture('modulation/focal.py');
  });

  const focal: [string, string][] = [
    ['focal_pow', 'torch.pow(1 − p_t, γ) with p_t = exp(gathered log-probability)'],
    ['ExpFocal', '(1 − exp(−CE)) ** γ · CE with an nn.CrossEntropyLoss attribute'],
    ['binary_focal', 'α-balanced (1 − p_t).pow(γ) · BCE-with-logits, p_t from sigmoid'],
    ['focal_nll', 'nll_loss((1 − p) ** γ · log p) on log-probabilities'],
    ['logsigmoid_focal', 'hand-written binary focal on logsigmoid terms'],
    ['BlurBCE', 'BCE times 1 − exp((σ(x) − t − 1)/α)'],
  ];
  for (const [symbol, spelling] of focal) {
    it(`${symbol}: ${spelling} is none (hard targets), saying why`, () => {
      const f = definition(findings, symbol);
      assert.ok(f, `no definition finding for ${symbol}`);
      assert.equal(f.convention, 'none');
      assert.ok(f.message.includes(REASON), f.message);
      assert.equal(f.torchEquivalent, null);
    });
  }

  it('a focal factor on a label-smoothed CE keeps the targets’ convention and ε, saying it is re-weighted', () => {
    const f = definition(findings, 'smoothed_focal');
    assert.ok(f);
    assert.equal(f.convention, 'uniform');
    assert.ok(f.message.includes(REASON), f.message);
    assert.equal(f.epsilonParam, 'eps');
  });

  it('a focal factor is not reported as a weight multiplied into log-probabilities', () => {
    assert.equal(findings.filter((f) => f.kind === 'pitfall').length, 0);
  });

  it('a scalar weight, a target mask and a normaliser keep plain CE', () => {
    assert.equal(conventionOf(findings, 'weighted_ce'), 'none');
    assert.equal(conventionOf(findings, 'masked_ce'), 'none');
  });

  it('(1 − ε)·nll + ε·smooth divided by the batch size stays uniform smoothing', () => {
    assert.equal(conventionOf(findings, 'smoothed_nll'), 'uniform');
  });

  it('teacher probabilities times log-probabilities and an entropy term added to CE are not modulation', () => {
    assert.ok(!definition(findings, 'distill')?.message.includes(REASON));
    assert.ok(!definition(findings, 'entropy_regularised')?.message.includes(REASON));
    assert.equal(conventionOf(findings, 'entropy_regularised'), 'other');
  });
});
