/**
 * Any playground state gives a loss or a refusal on a field at a position in that field's text, never an internal
 * error (the class of issue 9's item 1: a NaN confidence broke the reliability bins for ~8% of random states).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  type ComputeOutcome,
  computeExact,
  computePlayground,
  torchScript,
} from '../../src/core/playground/compute';
import { modelAt } from '../../src/core/playground/model';
import type { FieldError } from '../../src/core/playground/prepare';
import type { PlaygroundState } from '../../src/core/playground/state';
import { FUZZ_LONG, fuzz } from '../support/fuzz';
import { playgroundState } from './playgroundArbitraries';

const FULL = fuzz(2_000);
const EXACT = fuzz(20_000);

const TEXT_OF = {
  logits: 'logitsText',
  targets: 'targetsText',
  weights: 'weightText',
  prior: 'priorText',
} as const;

/** Within the field's text (a position one past its end is allowed: "missing value" at the end). */
function assertPositioned(state: PlaygroundState, e: FieldError): void {
  assert.ok(
    e.message.length > 0 && !/internal error|undefined|is not a function|Invalid typed array/.test(e.message),
    e.message,
  );
  assert.ok(
    Number.isInteger(e.line) && e.line >= 1 && Number.isInteger(e.column) && e.column >= 1,
    JSON.stringify(e),
  );
  if (e.field === 'options') return;
  const lines = state[TEXT_OF[e.field]].split(/\r\n|\r|\n/);
  assert.ok(e.line <= lines.length, `${e.field} line ${e.line} of ${lines.length}`);
  assert.ok(e.column <= lines[e.line - 1]!.length + 1, `${e.field} ${e.line}:${e.column}: ${e.message}`);
}

function assertOutcome(
  state: PlaygroundState,
  outcome: Pick<ComputeOutcome, 'ok'> & { errors?: FieldError[] },
): void {
  if (outcome.ok) return;
  assert.ok(outcome.errors!.length > 0);
  for (const e of outcome.errors!) assertPositioned(state, e);
}

describe('robustness: any playground state gives a loss or a positioned refusal', function () {
  // Sized by runs, not time: a busy machine only makes them slower (FUZZ=long runs 20× as many).
  this.timeout(FUZZ_LONG ? 0 : 300_000);

  it(`the full result: plots, model and the torch-exact value, or a refusal (${FULL.numRuns} states)`, () => {
    fc.assert(
      fc.property(playgroundState, (state) => {
        const full = computePlayground(state);
        assertOutcome(state, full);
        const exact = computeExact(state);
        assert.equal(exact.ok, full.ok, 'the headline and the plots agree on refusing');
        if (full.ok) {
          assert.ok(typeof modelAt(full.model, state.epsilon).value === 'number');
          assert.ok(torchScript(state).ok, 'a state that computes can be copied as PyTorch');
        }
      }),
      FULL,
    );
  });

  it(`the torch-exact headline alone, the slider’s path (${EXACT.numRuns} states)`, () => {
    fc.assert(
      fc.property(playgroundState, (state) => assertOutcome(state, computeExact(state))),
      EXACT,
    );
  });
});
