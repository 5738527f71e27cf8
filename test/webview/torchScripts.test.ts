/**
 * Every kind of "Copy as PyTorch" script runs in torch and prints the playground's number: torch 1.13 ran the scripts
 * for the states of test/support/scriptCases.ts and test/fixtures/playground-scripts.json holds what it made of each.
 * Regenerate with `/usr/bin/python3 scripts/gen-playground-torch.py` whenever a script changes (this test says so).
 */
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeExact, torchScript } from '../../src/core/playground/compute';
import { SCRIPT_SAMPLES, type ScriptCase, scriptCases, stateOf } from '../support/scriptCases';

interface Recorded extends ScriptCase {
  sha256?: string;
  torch?: number | string;
  torchError?: string;
}

const fixture: { torch: string; samples: unknown; cases: Recorded[] } = JSON.parse(
  readFileSync(join(__dirname, '../fixtures/playground-scripts.json'), 'utf8'),
);

const REGENERATE = 'regenerate with /usr/bin/python3 scripts/gen-playground-torch.py';
const name = (c: ScriptCase) => Object.values(c).join(' ');

/** Python's str() of a non-finite float. */
const PYTHON_FLOATS: Record<string, number> = { inf: Infinity, '-inf': -Infinity, nan: Number.NaN };

function same(actual: number, expected: number | string): boolean {
  const e = typeof expected === 'number' ? expected : PYTHON_FLOATS[expected]!;
  if (Number.isNaN(e) || !Number.isFinite(e)) return Object.is(actual, e);
  return Math.abs(actual - e) <= 1e-9 * Math.max(1, Math.abs(e));
}

describe(`Copy as PyTorch: every script kind run in PyTorch ${fixture.torch} (recorded fixture)`, () => {
  it('the fixture holds the current states', () => {
    assert.deepEqual(fixture.samples, SCRIPT_SAMPLES, REGENERATE);
    const recorded = fixture.cases.map(({ sha256, torch, torchError, ...c }) => c);
    assert.deepEqual(recorded, scriptCases(), REGENERATE);
  });

  it('covers every loss, input kind, convention and reduction with a script', () => {
    const scripted = fixture.cases.filter((c) => c.sha256);
    assert.ok(scripted.length >= 1500, `${scripted.length} scripts`);
    const kinds = new Set(scripted.map((c) => `${c.loss} ${c.inputKind} ${c.convention} ${c.reduction}`));
    // CE, NLL, both BCEs: 3 input kinds × 2 conventions × 3 reductions; KL also 'batchmean'.
    assert.equal(kinds.size, 4 * 3 * 2 * 3 + 3 * 2 * 4, 'every combination the form allows');
  });

  it('writes a script exactly for the states it computes, and each runs in torch with the number shown', () => {
    const wrong: string[] = [];
    for (const c of fixture.cases) {
      const state = stateOf(c);
      const script = torchScript(state);
      const exact = computeExact(state);
      assert.equal(script.ok, exact.ok, name(c));
      if (!script.ok) {
        if (c.sha256) wrong.push(`${name(c)}: refused now, scripted when recorded; ${REGENERATE}`);
        continue;
      }
      const sha = createHash('sha256').update(script.script).digest('hex');
      if (sha !== c.sha256) wrong.push(`${name(c)}: the script changed; ${REGENERATE}`);
      else if (c.torchError !== undefined) wrong.push(`${name(c)}: fails in torch: ${c.torchError}`);
      else if (exact.ok && !same(exact.exact.value, c.torch!))
        wrong.push(`${name(c)}: playground ${exact.exact.value}, torch ${c.torch}`);
    }
    assert.deepEqual(wrong, []);
  });
});
