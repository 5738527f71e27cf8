/** Issue 9, items 1–3: results that failed or were wrong, each with torch 1.13's own answer. */
import { strict as assert } from 'node:assert';
import { crossEntropy } from '../../src/core/losses';
import { computeExact, computePlayground, torchScript } from '../../src/core/playground/compute';
import { modelAt } from '../../src/core/playground/model';
import { unbinnedNote } from '../../src/core/playground/reliability';
import { DEFAULT_STATE, type PlaygroundState } from '../../src/core/playground/state';
import { calibration } from '../../src/core/smoothing';
import { fromNested, tensor } from '../../src/core/tensor';

const state = (patch: Partial<PlaygroundState>): PlaygroundState => ({ ...DEFAULT_STATE, ...patch });

function loss(patch: Partial<PlaygroundState>): number {
  const full = computePlayground(state(patch));
  assert.ok(full.ok, JSON.stringify(full));
  const exact = computeExact(state(patch));
  assert.ok(exact.ok);
  assert.ok(Object.is(exact.exact.value, full.exact.value));
  return full.exact.value;
}

describe('robustness (issue 9): a NaN confidence no longer hides the loss', () => {
  it('BCE on probabilities of exactly 0 and 1 shows torch’s clamped 66.8977', () => {
    const patch: Partial<PlaygroundState> = {
      loss: 'binary_cross_entropy',
      convention: 'binary',
      inputKind: 'probabilities',
      logitsText: '[0, 1, 0.5]',
      targetsText: '[1, 0, 1]',
      epsilon: 0,
    };
    assert.ok(Math.abs(loss(patch) - 66.89771572685332) < 1e-9);
    const result = computePlayground(state(patch));
    assert.ok(result.ok && result.calibration);
    assert.equal(result.calibration.unbinned, 1, 'p = 1 has log-odds +inf: no finite confidence');
    assert.equal(
      result.calibration.bins.reduce((n, b) => n + b.count, 0),
      2,
    );
  });

  for (const [what, patch] of [
    ['an inf logit', { logitsText: '[[inf, 0, 1], [0, 1, 2]]', targetsText: '[0, 1]' }],
    ['a nan logit', { logitsText: '[[nan, 0, 1], [0, 1, 2]]', targetsText: '[0, 1]' }],
    [
      'an all-zero probability row',
      { inputKind: 'probabilities', logitsText: '[[0, 0, 0], [0.2, 0.3, 0.5]]', targetsText: '[0, 1]' },
    ],
    [
      'logits ÷ T overflowing',
      { logitsText: '[[1e308, 0, 1], [0, 1, 2]]', targetsText: '[0, 1]', temperature: 1e-3 },
    ],
  ] as const) {
    it(`${what}: the loss is torch’s nan, and the row is in no reliability bin`, () => {
      assert.ok(Number.isNaN(loss({ ...patch, epsilon: 0 })));
      const result = computePlayground(state(patch));
      assert.ok(result.ok && result.calibration);
      assert.equal(result.calibration.unbinned, 1);
      assert.equal(
        result.calibration.bins.reduce((n, b) => n + b.count, 0),
        1,
      );
    });
  }

  it('the public calibration() bins only finite confidences and counts the rest', () => {
    const result = calibration(
      fromNested([
        [Number.NaN, 0],
        [Number.POSITIVE_INFINITY, 0],
        [2, 0],
      ]),
      tensor([3], [0, 0, 0]),
    );
    assert.equal(result.unbinned, 2);
    assert.deepEqual(
      result.bins.map((b) => b.count),
      [0, 0, 0, 0, 0, 0, 0, 0, 1, 0],
    );
    assert.ok(Math.abs(result.meanConfidence - 1 / (1 + Math.exp(-2))) < 1e-15);
    assert.equal(result.accuracy, 1);
    const none = calibration(fromNested([[Number.NaN, 0]]), tensor([1], [0]));
    assert.ok(none.unbinned === 1 && Number.isNaN(none.ece), 'no binned row: no ECE, not a perfect 0');
  });

  it('the plot says how many predictions are in no bin', () => {
    assert.equal(unbinnedNote(0, false), '');
    assert.match(unbinnedNote(1, false), /^1 row with a non-finite confidence .* in no bin/);
    assert.match(unbinnedNote(3, true), /^3 elements with a non-finite confidence/);
  });
});

describe('robustness (issue 9): a weighted mean over a zero weight total is nan, as in torch', () => {
  const zero = { logitsText: '[[1, 0, 1], [0, 1, 2]]', targetsText: '[0, 1]', weightText: '[0, 0, 1]' };
  for (const epsilon of [0, 0.1, 1]) {
    it(`weight=[0, 0, 1], targets [0, 1], ε = ${epsilon}: nan, exactly and on the slider`, () => {
      assert.ok(Number.isNaN(loss({ ...zero, epsilon })));
      const full = computePlayground(state({ ...zero, epsilon }));
      assert.ok(full.ok && Number.isNaN(modelAt(full.model, epsilon).value));
    });
  }

  it('in the core too, also when the weights cancel (torch: nan with smoothing)', () => {
    const x = fromNested([
      [1, 0, 1],
      [0, 1, 2],
    ]);
    const y = tensor([2], [0, 1]);
    for (const [weight, epsilon] of [
      [[0, 0, 1], 0.1],
      [[0, 0, 1], 1],
      [[1, -1, 1], 0.1],
    ] as const) {
      const out = crossEntropy(x, y, { weight: tensor([3], weight), labelSmoothing: epsilon }).output
        .data[0]!;
      assert.ok(Number.isNaN(out), `${weight} ε=${epsilon}: ${out}`);
    }
  });
});

describe('robustness (issue 9): probability targets with an ignore index are refused, as torch does', () => {
  const soft = {
    logitsText: '[[1, 0, 1], [0, 1, 2]]',
    targetsText: '[[1, 0, 0], [0, 1, 0]]',
    ignoreIndex: 1,
  };
  for (const convention of ['uniform', 'k_minus_1'] as const) {
    it(`cross-entropy, ${convention}: refused on the options, and no script to copy`, () => {
      const outcome = computePlayground(state({ ...soft, convention }));
      assert.ok(!outcome.ok);
      assert.equal(outcome.errors[0]!.field, 'options');
      assert.match(
        outcome.errors[0]!.message,
        /ignore_index is not supported for floating point target.*-100/,
      );
      assert.ok(!torchScript(state({ ...soft, convention })).ok);
    });
  }

  it('computes with the default -100, and the core refuses like torch', () => {
    assert.ok(Number.isFinite(loss({ ...soft, ignoreIndex: -100 })));
    const x = fromNested([[1, 0, 1]]);
    assert.throws(
      () => crossEntropy(x, fromNested([[1, 0, 0]]), { ignoreIndex: 1 }),
      /ignore_index is not supported/,
    );
  });
});
