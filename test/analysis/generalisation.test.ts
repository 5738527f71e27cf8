// Capabilities that let the analysis generalise to unseen library code, each on code written for these tests
// (test/fixtures/python/generalisation/), in spellings unlike the held-out corpus.
import * as assert from 'node:assert/strict';
import type { Finding } from '../../src/core/analysis';
import { analyzeFixture, definitionAt, pitfalls } from './helpers';

const load = (name: string): Finding[] => analyzeFixture(`generalisation/${name}`);
const conventionAt = (findings: Finding[], line: number) => {
  const f = definitionAt(findings, line);
  return [f.symbol, f.convention, f.epsilonParam];
};

describe('analysis: generalisation capabilities', () => {
  it('a criterion calling an opaque model, then a helper through a method returning tuples, takes the helper maths', () => {
    const f = load('criterion.py');
    assert.deepEqual(conventionAt(f, 5), ['smoothed_nll', 'k_minus_1', 'alpha']);
    assert.deepEqual(conventionAt(f, 12), ['SeqCriterion', 'k_minus_1', 'ls']);
  });

  it('a (positive, negative) scalar pair summing to 1 is a binary smoothed target; other pairs are not', () => {
    const f = load('pairs.py');
    assert.deepEqual(conventionAt(f, 1), ['bce_targets', 'binary', 'smoothing']);
    assert.equal(f.filter((x) => x.symbol === 'offsets').length, 0);
  });

  it('a loss module given as a default argument is resolved', () => {
    assert.deepEqual(conventionAt(load('defaults.py'), 5), ['SmoothKL', 'k_minus_1', 'alpha']);
  });

  it('a method held in an attribute, a string-default branch and an unknown soft-target consumer', () => {
    assert.deepEqual(conventionAt(load('selected.py'), 5), ['SelectedSmoothing', 'uniform', 'eps']);
  });

  it('a scalar normaliser applied after the sum keeps the convention', () => {
    assert.deepEqual(conventionAt(load('normaliser.py'), 4), ['per_sentence_smoothing', 'uniform', 'eps']);
  });

  it('if/else branches are alternatives (smoothed branch wins); Optional[float] = None is a scalar', () => {
    assert.deepEqual(conventionAt(load('branches.py'), 6), ['seq_loss', 'uniform', 'smoothing']);
  });

  it('self.x read but never assigned resolves to the __init__ parameter x', () => {
    assert.deepEqual(conventionAt(load('stored.py'), 8), ['StoredSmoothing', 'uniform', 'smoothing']);
  });

  describe('pitfalls', () => {
    const f = load('pitfalls_variants.py');
    const lines = (rule: string) => pitfalls(f, rule).map((x) => x.line);

    it('legacy size_average/reduce map to their reduction: only the mean warns for KLDivLoss', () => {
      assert.deepEqual(lines('kl-div-mean-reduction'), [29]);
      assert.deepEqual(lines('deprecated-size-average-reduce'), [27, 28, 29]);
    });

    it('BCELoss on a model: not when its class has a sigmoid, yes when it ends linearly', () => {
      assert.deepEqual(lines('bce-on-logits'), [34]);
    });

    it('softmax followed through a slice and a reshape into cross_entropy, without an unsafe fix', () => {
      const hit = pitfalls(f, 'softmax-into-cross-entropy');
      assert.deepEqual(
        hit.map((x) => x.line),
        [37],
      );
      assert.equal(hit[0].fix, undefined);
    });

    it('padding rows zeroed with masked_fill and then averaged are reported', () => {
      assert.equal(definitionAt(f, 41).details?.maskedRowsInMean, true);
    });
  });

  describe('real-world-style variants', () => {
    const f = load('variants.py');
    const cases: [number, string, string | null][] = [
      [5, 'k_minus_1', 'eps'],
      [12, 'uniform', 'eps'],
      [17, 'uniform', 'eps'],
      [24, 'uniform', 'smoothing'],
      [31, 'uniform', 'epsilon'],
    ];
    for (const [line, convention, eps] of cases) {
      it(`line ${line}: ${convention}`, () => {
        const d = definitionAt(f, line);
        assert.deepEqual([d.convention, d.epsilonParam], [convention, eps]);
      });
    }

    it('KL to a smoothed target with batchmean raises no mean-reduction warning', () => {
      assert.equal(pitfalls(f, 'kl-div-mean-reduction').length, 0);
    });
  });
});
