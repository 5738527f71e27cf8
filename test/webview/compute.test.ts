import { strict as assert } from 'node:assert';
import { computePlayground, curveAt, type PlaygroundResult } from '../../src/core/playground/compute';
import { modelAt } from '../../src/core/playground/model';
import { prepare } from '../../src/core/playground/prepare';
import { reduce } from '../../src/core/playground/reducer';
import type { SampleId } from '../../src/core/playground/samples';
import { DEFAULT_STATE, type PlaygroundState } from '../../src/core/playground/state';
import { headlineText, sampleHeader, sampleRows, toCsv } from '../../src/core/playground/table';
import { torchSnippet } from '../../src/core/playground/torchSnippet';

const sample = (id: SampleId, patch: Partial<PlaygroundState> = {}): PlaygroundState =>
  reduce(reduce(DEFAULT_STATE, { type: 'sample', id }), { type: 'patch', patch });

function ok(state: PlaygroundState): PlaygroundResult {
  const result = computePlayground(state);
  if (!result.ok) assert.fail(JSON.stringify(result.errors));
  return result;
}

const close = (actual: number, expected: number, tol: number) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} ≠ ${expected} ± ${tol}`);

describe('playground computation', () => {
  it('reproduces seed 000: uniform ε = 0.5 gives 1.4670', () => {
    const result = ok(sample('seed000'));
    assert.equal(headlineText('mean', result.exact.value, new Float64Array()), '1.4670');
  });

  it('reproduces seed 001: K−1 ε = 0.05 per row, sum and mean', () => {
    const state = sample('seed001');
    const result = ok(state);
    const rows = Array.from(modelAt(result.model, state.epsilon).perSample, (v) => v.toFixed(4));
    assert.deepEqual(rows, ['0.8229', '3.1199', '1.1403']);
    assert.equal(result.exact.value.toFixed(4), '1.6944');
    assert.equal(ok(sample('seed001', { reduction: 'sum' })).exact.value.toFixed(4), '5.0831');
  });

  it('reproduces seed 003: plain cross-entropy 1.4141', () => {
    assert.equal(ok(sample('seed003Ce')).exact.value.toFixed(4), '1.4141');
  });

  it("draws seed 003's α table for batch max+1 (its inputs are printed to 4 decimals, so within 3e-4)", () => {
    const result = ok(sample('seed003Bce'));
    const maxPlus1 = result.sweep.find((c) => c.convention === 'batch_max_plus_1')!;
    const printed = [1.8352, 1.764, 1.6927, 1.6215, 1.5503, 1.4791, 1.4079, 1.3367, 1.2655, 1.1943, 1.1231];
    printed.forEach((value, i) => {
      close(curveAt(maxPlus1, i / 10), value, 3e-4);
    });
  });

  it("puts seed 002's K = 3 optimal gap at a near-zero gradient", () => {
    const state = sample('seed002Gap');
    const grad = modelAt(ok(state).model, state.epsilon).rowGrad;
    for (const g of grad) close(g, 0, 1e-5);
  });

  it('gives the exact loss from the precomputed model at any ε (KL through its closed-form entropy part)', () => {
    for (const loss of ['cross_entropy', 'nll_loss', 'kl_div'] as const) {
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        for (const epsilon of [0.003, 0.05, 0.37, 0.9]) {
          const state = sample('seed001', { loss, epsilon, reduction, targetsText: '[1, -100, 3]' });
          const result = ok(state);
          close(modelAt(result.model, epsilon).value, result.exact.value, 1e-12);
          for (const curve of result.sweep) {
            const direct = ok({ ...state, convention: curve.convention }).exact.value;
            close(curveAt(curve, epsilon), direct, 1e-12);
          }
        }
      }
    }
  });

  it('samples soft-target KL on a grid, close to the exact value', () => {
    const state = sample('seed000', { loss: 'kl_div', reduction: 'batchmean', epsilon: 0.42 });
    const soft = ok({ ...state, targetsText: '[[0, 0, 1, 0, 0], [0, 0.5, 0, 0, 0.5], [1, 0, 0, 0, 0]]' });
    assert.equal(soft.model.epsilons.length, 21);
    close(modelAt(soft.model, 0.42).value, soft.exact.value, 1e-2);
  });

  it('gives the same cross-entropy from logits, probabilities and log-probabilities', () => {
    const probs = '[[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]';
    const logProbs = `[[${[0.7, 0.2, 0.1].map(Math.log).join(', ')}], [${[0.1, 0.1, 0.8].map(Math.log).join(', ')}]]`;
    const base = { targetsText: '[0, 2]', epsilon: 0.1, convention: 'uniform' as const };
    const fromProbs = ok(sample('seed000', { ...base, logitsText: probs, inputKind: 'probabilities' })).exact
      .value;
    const fromLogProbs = ok(
      sample('seed000', { ...base, logitsText: logProbs, inputKind: 'log_probabilities' }),
    ).exact.value;
    const nll = ok(
      sample('seed000', { ...base, logitsText: logProbs, inputKind: 'log_probabilities', loss: 'nll_loss' }),
    );
    close(fromProbs, fromLogProbs, 1e-12);
    close(nll.exact.value, fromProbs, 1e-12);
  });

  it('divides logits by the temperature', () => {
    const t2 = ok(sample('seed000', { temperature: 2 })).exact.value;
    const halved = ok(
      sample('seed000', {
        logitsText: '[[0, 0.1, 0.35, 0.05, 0], [0, 0.45, 0.1, 0.1, 0.5], [0.5, 0.1, 0.35, 0.45, 0.5]]',
      }),
    ).exact.value;
    close(t2, halved, 1e-12);
  });

  it('reports parse errors on their field with line and column', () => {
    const result = computePlayground(sample('seed000', { logitsText: '[[0, 1, 2],\n [3, x, 5]]' }));
    assert.ok(!result.ok);
    const [error] = result.errors;
    assert.equal(error!.field, 'logits');
    assert.equal(error!.line, 2);
    assert.ok(error!.column > 1);
  });

  it('reports shape and class errors on the targets field', () => {
    for (const targetsText of ['[0, 1]', '[0, 1, 7]']) {
      const result = computePlayground(sample('seed000', { targetsText }));
      assert.ok(!result.ok, targetsText);
      assert.equal(result.errors[0]!.field, 'targets', targetsText);
    }
  });

  it('honours ignore_index and class weights like torch', () => {
    const ignored = ok(sample('seed000', { targetsText: '[2, -100, 0]', epsilon: 0 })).exact.value;
    const twoRows = ok(
      sample('seed000', {
        targetsText: '[2, 0]',
        epsilon: 0,
        logitsText: '[[0, 0.2, 0.7, 0.1, 0], [1, 0.2, 0.7, 0.9, 1]]',
      }),
    );
    close(ignored, twoRows.exact.value, 1e-12);
    const weighted = ok(sample('seed000', { weightText: '[1, 1, 1, 1, 1]' })).exact.value;
    close(weighted, ok(sample('seed000')).exact.value, 1e-12);
  });

  it('computes every sample, including the binary one element by element', () => {
    for (const id of ['seed000', 'seed001', 'seed002Gap', 'seed003Ce', 'seed003Bce'] as const) ok(sample(id));
    const bce = ok(sample('seed003Bce'));
    assert.equal(bce.row.label, 'element');
    assert.equal(bce.row.probabilities.length, 6);
    // Reliability element by element: confidence max(p, 1 − p), correct when (p > 0.5) = target.
    const p = [0.429, 0.7201, 0.9481, 0.4797, 0.5414, 0.9906];
    const t = [1, 0, 0, 0, 1, 0];
    close(bce.calibration!.meanConfidence, p.reduce((s, x) => s + Math.max(x, 1 - x), 0) / 6, 1e-12);
    close(bce.calibration!.accuracy, p.filter((x, i) => Number(x > 0.5) === t[i]).length / 6, 1e-12);
  });
});

describe('playground exports', () => {
  it('writes a PyTorch script with the same call and data', () => {
    const state = sample('seed000');
    const ready = prepare(state);
    assert.ok(ready.ok);
    const script = torchSnippet(ready.prepared, state);
    assert.match(
      script,
      /F\.cross_entropy\(inp, target, ignore_index=-100, reduction='mean', label_smoothing=0\.5\)/,
    );
    assert.match(script, /target = torch\.tensor\(\[2, 1, 0\], dtype=torch\.long\)/);
    assert.doesNotMatch(script, /from math import/, 'no inf or nan in the data');
    const k1 = sample('seed001');
    const k1Ready = prepare(k1);
    assert.ok(k1Ready.ok);
    const k1Script = torchSnippet(k1Ready.prepared, k1);
    assert.match(
      k1Script,
      /F\.cross_entropy\(inp, target, ignore_index=-100, reduction='mean', label_smoothing=0\.\d+\) {2}# K−1/,
    );
    assert.doesNotMatch(k1Script, /q\[keep/, 'one exact label_smoothing line, no hand-built q');
    const weighted = { ...k1, weightText: `[${Array(k1Ready.prepared.cols).fill('1.5').join(', ')}]` };
    const weightedReady = prepare(weighted);
    assert.ok(weightedReady.ok);
    assert.match(
      torchSnippet(weightedReady.prepared, weighted),
      /q\[keep\.nonzero\(\)\.squeeze\(1\), target\[keep\]\] = 0\.95/,
    );
    const infinite = { ...state, logitsText: '[[0, inf, 0.7], [0, 0.9, 0.2], [1, 0.2, -inf]]' };
    const infReady = prepare(infinite);
    assert.ok(infReady.ok);
    assert.match(torchSnippet(infReady.prepared, infinite), /^from math import inf, nan$/m);
  });

  it('exports one CSV row per sample and a headline for unreduced losses', () => {
    const state = sample('seed001');
    const result = ok(state);
    const point = modelAt(result.model, state.epsilon);
    const csv = toCsv(sampleHeader(result), sampleRows(result, point)).trim().split('\n');
    assert.equal(csv.length, 4);
    assert.equal(csv[0], 'row,target,predicted,p(target),loss');
    assert.equal(headlineText('none', 0, point.perSample), '[0.8229, 3.1199, 1.1403]');
  });
});
