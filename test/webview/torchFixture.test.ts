/**
 * The playground against real PyTorch without Python: test/fixtures/playground-torch.json holds torch 1.13's value
 * (or its refusal) for every sample × loss × convention × reduction × ε and a few weight / ignore-index / temperature
 * variants. Regenerate with `/usr/bin/python3 scripts/gen-playground-torch.py`.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTensor } from '../../src/core/parse';
import { computeExact, computePlayground } from '../../src/core/playground/compute';
import { modelAt } from '../../src/core/playground/model';
import { findSample } from '../../src/core/playground/samples';
import { DEFAULT_STATE, normaliseState, type PlaygroundState } from '../../src/core/playground/state';

interface FixtureCase {
  sample: string;
  patch: Partial<PlaygroundState>;
  torch?: number | string;
  torchError?: string;
}

interface Fixture {
  torch: string;
  samples: Record<string, { inputKind: string; input: unknown; target: unknown }>;
  cases: FixtureCase[];
}

const fixture: Fixture = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/playground-torch.json'), 'utf8'),
);

function stateOf(c: FixtureCase): PlaygroundState {
  const sample = findSample(c.sample);
  assert.ok(sample, `no sample ${c.sample}`);
  const state = { ...DEFAULT_STATE, ...sample.patch, ...c.patch };
  assert.deepEqual(normaliseState(state), state, 'the fixture only holds combos the form can select');
  return state;
}

const nameOf = (c: FixtureCase) =>
  `${c.sample} ${Object.entries(c.patch)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ')}`;

const near = (actual: number, expected: number) =>
  Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));

function flat(nested: unknown): number[] {
  return Array.isArray(nested) ? nested.flatMap(flat) : [Number(nested)];
}

describe(`playground vs PyTorch ${fixture.torch} (recorded fixture)`, () => {
  it('the fixture still describes the samples the playground ships', () => {
    for (const [id, recorded] of Object.entries(fixture.samples)) {
      const patch = findSample(id)?.patch;
      assert.ok(patch, id);
      assert.equal(patch.inputKind, recorded.inputKind, id);
      for (const [text, want] of [
        [patch.logitsText, recorded.input],
        [patch.targetsText, recorded.target],
      ] as const) {
        const parsed = parseTensor(text ?? '');
        assert.ok(parsed.ok, `${id}: ${text}`);
        assert.deepEqual(Array.from(parsed.tensor.data), flat(want), id);
      }
    }
  });

  it('covers values and refusals', () => {
    assert.ok(fixture.cases.filter((c) => c.torch !== undefined).length >= 300);
    assert.ok(fixture.cases.filter((c) => c.torchError !== undefined).length >= 100);
    const prior = fixture.cases.filter((c) => c.patch.convention === 'prior' && c.torch !== undefined);
    assert.ok(prior.length >= 50, `${prior.length} prior-smoothing cases`);
    for (const source of ['frequencies', 'vector', 'counts'] as const)
      assert.ok(
        prior.some((c) => c.patch.priorSource === source && c.patch.weightText !== undefined),
        source,
      );
  });

  it('shows torch’s number to 1e-9, exactly and on the slider’s fast path', () => {
    const wrong: string[] = [];
    for (const c of fixture.cases.filter((k) => k.torch !== undefined)) {
      const state = stateOf(c);
      const expected = Number(c.torch);
      const exact = computeExact(state);
      const full = computePlayground(state);
      if (!exact.ok || !full.ok) {
        wrong.push(`${nameOf(c)}: refused (${JSON.stringify(exact.ok ? full : exact)}), torch ${expected}`);
        continue;
      }
      const fast = modelAt(full.model, state.epsilon).value;
      if (!near(exact.exact.value, expected) || !near(fast, expected))
        wrong.push(`${nameOf(c)}: exact ${exact.exact.value}, slider ${fast}, torch ${expected}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('refuses what torch refuses, with a message on a field', () => {
    const wrong: string[] = [];
    for (const c of fixture.cases.filter((k) => k.torchError !== undefined)) {
      const outcome = computePlayground(stateOf(c));
      if (outcome.ok) wrong.push(`${nameOf(c)}: ${outcome.exact.value}, torch: ${c.torchError}`);
      else if (!outcome.errors.every((e) => /\w{3}.*\w{3}/.test(e.message) && !/^\w+:/.test(e.message)))
        wrong.push(`${nameOf(c)}: unclear message ${JSON.stringify(outcome.errors)}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('says which field is wrong and what to choose instead', () => {
    const refusal = (id: string, patch: Partial<PlaygroundState>) => {
      const outcome = computePlayground({ ...DEFAULT_STATE, ...findSample(id)?.patch, ...patch });
      assert.ok(!outcome.ok, `${id} ${JSON.stringify(patch)} is refused`);
      return outcome.errors[0]!;
    };
    const nll = refusal('seed003Bce', { loss: 'nll_loss', convention: 'uniform' });
    assert.equal(nll.field, 'targets');
    assert.match(nll.message, /nll_loss takes class indices.*choose cross-entropy/);
    const kl = refusal('seed000', { loss: 'kl_div', weightText: '[1, 1, 1, 1, 2]' });
    assert.equal(kl.field, 'weights');
    assert.match(kl.message, /kl_div takes no class weights/);
    const bce = refusal('seed000', { loss: 'binary_cross_entropy', convention: 'binary' });
    assert.equal(bce.field, 'targets');
    assert.match(bce.message, /one target per input value: expected 15, got 3.*cross-entropy/);
    const family = refusal('seed003Bce', { convention: 'uniform' });
    assert.equal(family.field, 'options');
    assert.match(family.message, /uniform ε\/K smoothing is for cross-entropy, NLL and KL; choose binary/);
  });
});
