/**
 * The result in parts (core/playground/parts.ts): the loss part first, then each plot's; every part passes the
 * protocol's validator; the parts' typed arrays can be transferred (detached here) without breaking a later
 * computation from the same caches.
 */
import { strict as assert } from 'node:assert';
import {
  computeExact,
  computeParts,
  computePlayground,
  type PlaygroundResult,
} from '../../src/core/playground/compute';
import {
  buffersOf,
  forEachPart,
  isResultPart,
  type PartsOutcome,
  PLOT_PARTS,
  type ResultPart,
} from '../../src/core/playground/parts';
import { reduce } from '../../src/core/playground/reducer';
import type { SampleId } from '../../src/core/playground/samples';
import { DEFAULT_STATE, type PlaygroundState } from '../../src/core/playground/state';

const sample = (id: SampleId, patch: Partial<PlaygroundState> = {}): PlaygroundState =>
  reduce(reduce(DEFAULT_STATE, { type: 'sample', id }), { type: 'patch', patch });

/** One state per way through the computation: one pass (CE, KL), the general path, soft targets, a prior. */
const STATES: [string, PlaygroundState][] = [
  ['CE uniform, one pass', sample('seed000')],
  [
    'KL batchmean, one pass with the entropy part',
    sample('seed000', { loss: 'kl_div', reduction: 'batchmean' }),
  ],
  [
    'K−1 with class weights (torch differs)',
    sample('seed000', { convention: 'k_minus_1', weightText: '[1, 2, 3, 1, 2]' }),
  ],
  ['binary cross-entropy, general path', sample('seed003Bce')],
  ['prior from the labels, general path', sample('seed000', { convention: 'prior' })],
  [
    'soft targets, KL',
    sample('seed000', {
      loss: 'kl_div',
      targetsText: '[[0.2, 0.8, 0, 0, 0], [0, 0, 0.5, 0.5, 0]]',
      logitsText: '[[1, 2, 3, 4, 5], [5, 4, 3, 2, 1]]',
    }),
  ],
];

function partsOf(state: PlaygroundState, scope: 'full' | 'exact' = 'full') {
  const parts: ResultPart[] = [];
  const outcome = forEachPart(computeParts({ state, scope }), (part) => parts.push(part));
  return { parts, outcome };
}

/** The whole result from its parts, as the webview puts it together. */
function assembled(parts: ResultPart[], outcome: PartsOutcome): PlaygroundResult {
  assert.deepEqual(outcome, { ok: true });
  const result: Record<string, unknown> = { ok: true };
  for (const part of parts)
    Object.assign(result, part.name === 'loss' ? part.value : { [part.name]: part.value });
  return result as unknown as PlaygroundResult;
}

describe('playground result in parts', () => {
  for (const [label, state] of STATES)
    it(`${label}: the loss part first, then every plot part once, together the whole result`, () => {
      const whole = computePlayground(state);
      const { parts, outcome } = partsOf(state);
      assert.deepEqual(
        parts.map((p) => p.name),
        ['loss', ...PLOT_PARTS],
      );
      assert.deepEqual(assembled(parts, outcome), whole);
    });

  it('the exact scope is the loss part alone, with the torch-exact value', () => {
    for (const [label, state] of STATES) {
      const { parts, outcome } = partsOf({ ...state, epsilon: 0.3 }, 'exact');
      const exact = computeExact({ ...state, epsilon: 0.3 });
      assert.ok(exact.ok, label);
      assert.deepEqual(outcome, { ok: true });
      assert.equal(parts.length, 1, label);
      assert.ok(parts[0]!.name === 'loss', label);
      assert.deepEqual(parts[0]!.value.exact, exact.exact, label);
    }
  });

  it('a refusal ends the parts before any: no stale numbers to show', () => {
    const { parts, outcome } = partsOf(sample('seed000', { logitsText: '[[0, 1, 2],\n [3, x, 5]]' }));
    assert.deepEqual(parts, []);
    assert.ok(!outcome.ok && outcome.errors[0]!.field === 'logits');
  });

  it('every part passes the validator of the protocol', () => {
    for (const [label, state] of STATES)
      for (const part of partsOf(state).parts) assert.ok(isResultPart(part), `${label}: ${part.name}`);
  });

  for (const [label, state] of STATES)
    it(`${label}: transferring every part's buffers leaves the next computation from the caches intact`, () => {
      const whole = computePlayground(state);
      for (let run = 0; run < 2; run++) {
        const seen = new Set<ArrayBuffer>();
        const { parts, outcome } = partsOf(state);
        const received = parts.map((part) => {
          const buffers = buffersOf(part);
          for (const b of buffers) assert.ok(!seen.has(b), `${part.name}: a buffer shared with another part`);
          for (const b of buffers) seen.add(b);
          return structuredClone(part, { transfer: buffers });
        });
        for (const part of parts) for (const b of buffersOf(part)) assert.equal(b.byteLength, 0, 'detached');
        assert.deepEqual(assembled(received, outcome), whole, `run ${run}`);
      }
    });
});

describe('validation of result parts', () => {
  const [loss, model, sweep, heat, row, table, calibration] = partsOf(sample('seed000')).parts as [
    Extract<ResultPart, { name: 'loss' }>,
    Extract<ResultPart, { name: 'model' }>,
    Extract<ResultPart, { name: 'sweep' }>,
    Extract<ResultPart, { name: 'heat' }>,
    Extract<ResultPart, { name: 'row' }>,
    Extract<ResultPart, { name: 'table' }>,
    Extract<ResultPart, { name: 'calibration' }>,
  ];

  it('accepts each part as computed, and a calibration of null (every row ignored)', () => {
    for (const part of [loss, model, sweep, heat, row, table, calibration]) assert.ok(isResultPart(part));
    assert.ok(isResultPart({ name: 'calibration', value: null }));
  });

  it('rejects unknown names, extra keys, wrong fields and arrays that are not Float64Array', () => {
    const json = <T>(v: T): T => JSON.parse(JSON.stringify(v));
    for (const [what, bad] of [
      ['unknown name', { name: 'gradient', value: model.value }],
      ['extra key', { ...loss, job: 1 }],
      ['no value', { name: 'loss' }],
      ['loss with an extra field', { name: 'loss', value: { ...loss.value, model: model.value } }],
      ['loss without its exact value', { name: 'loss', value: { ...loss.value, exact: undefined } }],
      ['loss with a rows string', { name: 'loss', value: { ...loss.value, rows: '5' } }],
      ['loss with an unknown family', { name: 'loss', value: { ...loss.value, family: 'ordinal' } }],
      ['model through JSON', json(model)],
      ['sweep not a list', { name: 'sweep', value: {} }],
      ['heat without ε = 1', { name: 'heat', value: { ...heat.value, at1: undefined } }],
      ['row of plain arrays', { name: 'row', value: { ...row.value, probabilities: [0.5, 0.5] } }],
      ['table through JSON', json(table)],
      ['calibration without ECE', { name: 'calibration', value: { bins: [] } }],
      ['a loss value where the model goes', { name: 'model', value: loss.value }],
    ] as const)
      assert.equal(isResultPart(bad), false, what);
  });
});
