/**
 * The one-pass plots (class indices, no weights, CE or KL on logits) against the general path that evaluates the
 * loss at each grid ε: the same loss, per-row losses, gradient, sweeps, heatmap, row, table and calibration.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { lcg } from '../../bench/support';
import { computeGeneral, computePlayground, type PlaygroundResult } from '../../src/core/playground/compute';
import { DEFAULT_STATE, type PlaygroundState } from '../../src/core/playground/state';
import { fuzz } from '../support/fuzz';

function near(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number') {
    const a = actual as number;
    const ok = Number.isFinite(expected)
      ? Math.abs(a - expected) <= 1e-11 * Math.max(1, Math.abs(expected))
      : Object.is(a, expected);
    assert.ok(ok, `${path}: ${a} ≠ ${expected}`);
    return;
  }
  if (expected instanceof Float64Array || Array.isArray(expected)) {
    const list = actual as ArrayLike<unknown>;
    assert.equal(list.length, expected.length, `${path}: length`);
    for (let i = 0; i < expected.length; i++) near(list[i], expected[i], `${path}[${i}]`);
    return;
  }
  if (expected && typeof expected === 'object') {
    assert.deepEqual(Object.keys(actual as object).sort(), Object.keys(expected).sort(), `${path}: keys`);
    for (const [k, v] of Object.entries(expected))
      near((actual as Record<string, unknown>)[k], v, `${path}.${k}`);
    return;
  }
  assert.equal(actual, expected, path);
}

const cases = fc
  .record({ rows: fc.integer({ min: 1, max: 7 }), cols: fc.integer({ min: 2, max: 9 }) })
  .chain(({ rows, cols }) =>
    fc.record({
      logits: fc.array(
        fc.array(
          fc.integer({ min: -1200, max: 1200 }).map((v) => v / 100),
          { minLength: cols, maxLength: cols },
        ),
        {
          minLength: rows,
          maxLength: rows,
        },
      ),
      targets: fc.array(fc.oneof(fc.integer({ min: 0, max: cols - 1 }), fc.constant(-100)), {
        minLength: rows,
        maxLength: rows,
      }),
      loss: fc.constantFrom('cross_entropy' as const, 'kl_div' as const),
      convention: fc.constantFrom('uniform' as const, 'k_minus_1' as const),
      reduction: fc.constantFrom('mean' as const, 'sum' as const, 'none' as const, 'batchmean' as const),
      epsilon: fc.double({ min: 0, max: 1, noNaN: true }),
      row: fc.integer({ min: 0, max: rows - 1 }),
      temperature: fc.constantFrom(1, 2.5),
      bins: fc.integer({ min: 1, max: 12 }),
      weights: fc.option(
        fc.array(
          fc.integer({ min: 0, max: 400 }).map((v) => v / 100),
          { minLength: cols, maxLength: cols },
        ),
      ),
    }),
  );

describe('one-pass playground plots', () => {
  it('equal the general path on class-index cross-entropy (class weights too) and KL, every reduction and convention', () => {
    fc.assert(
      fc.property(cases, (c) => {
        const reduction = c.loss === 'cross_entropy' && c.reduction === 'batchmean' ? 'mean' : c.reduction;
        const state: PlaygroundState = {
          ...DEFAULT_STATE,
          logitsText: JSON.stringify(c.logits),
          targetsText: JSON.stringify(c.targets),
          weightText: c.weights && c.loss === 'cross_entropy' ? JSON.stringify(c.weights) : '',
          synthetic: null,
          inputKind: 'logits',
          loss: c.loss,
          convention: c.convention,
          reduction,
          epsilon: c.epsilon,
          row: c.row,
          temperature: c.temperature,
          bins: c.bins,
        };
        const fast = computePlayground(state) as PlaygroundResult;
        const general = computeGeneral(state) as PlaygroundResult;
        assert.ok(fast.ok && general.ok);
        near(fast, general, 'result');
      }),
      fuzz(150),
    );
  });

  it('equal the general path on rows spread past the kernel’s shift range and on batches of many blocks', () => {
    // ±400: some rows spread wider than FIRST_VALUE_SPREAD (300) and are redone from their max; 1200 rows of up to
    // 14 classes take more than one of softmaxRowBlocks's blocks.
    const spread = fc.record({
      rows: fc.constantFrom(3, 1200),
      cols: fc.integer({ min: 2, max: 14 }),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
      wide: fc.constantFrom(12, 400),
      loss: fc.constantFrom('cross_entropy' as const, 'kl_div' as const),
      convention: fc.constantFrom('uniform' as const, 'k_minus_1' as const),
      reduction: fc.constantFrom('mean' as const, 'sum' as const),
      epsilon: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(spread, (c) => {
        const next = lcg(c.seed);
        const logits = Array.from({ length: c.rows }, () =>
          Array.from({ length: c.cols }, () => Math.round((2 * next() - 1) * c.wide * 100) / 100),
        );
        const targets = Array.from({ length: c.rows }, () =>
          next() < 0.1 ? -100 : Math.floor(next() * c.cols),
        );
        const state: PlaygroundState = {
          ...DEFAULT_STATE,
          logitsText: JSON.stringify(logits),
          targetsText: JSON.stringify(targets),
          weightText: '',
          synthetic: null,
          inputKind: 'logits',
          loss: c.loss,
          convention: c.convention,
          reduction: c.reduction,
          epsilon: c.epsilon,
          row: c.rows - 1,
          temperature: 1,
        };
        const fast = computePlayground(state) as PlaygroundResult;
        const general = computeGeneral(state) as PlaygroundResult;
        assert.ok(fast.ok && general.ok);
        near(fast, general, 'result');
      }),
      fuzz(24),
    );
  });

  it('leaves rows holding -inf (nan, inf) to the general path, which keeps torch’s special values', () => {
    const state: PlaygroundState = {
      ...DEFAULT_STATE,
      logitsText: 'tensor([[0., 1., -inf], [1., 2., 3.]])',
      targetsText: 'tensor([0, 2])',
      weightText: '',
      synthetic: null,
    };
    const fast = computePlayground(state) as PlaygroundResult;
    const general = computeGeneral(state) as PlaygroundResult;
    assert.ok(fast.ok && general.ok);
    assert.equal(general.exact.value, Number.POSITIVE_INFINITY, 'ε·(−log 0) is inf in torch');
    near(fast, general, 'result');
  });
});
