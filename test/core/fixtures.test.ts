import assert from 'node:assert/strict';
import {
  decodeNumber,
  type EvaluatedTensor,
  evaluateCase,
  type FixtureTensor,
} from '../support/evaluate-case';
import { loadTorchFixtures } from '../support/fixtures';

const RELATIVE_TOLERANCE = 1e-9;

/** The first mismatch as a message, or undefined: |got - want| <= 1e-9·max(1, |want|), non-finite exactly. */
function mismatch(got: EvaluatedTensor, want: FixtureTensor): string | undefined {
  if (got.shape.join() !== want.shape.join()) return `shape [${got.shape}] != [${want.shape}]`;
  for (let i = 0; i < want.data.length; i++) {
    const w = decodeNumber(want.data[i]!);
    const g = got.data[i]!;
    const close = Number.isFinite(w)
      ? Math.abs(g - w) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(w))
      : Object.is(g, w) || (Number.isNaN(g) && Number.isNaN(w));
    if (!close) return `element ${i}: got ${g}, want ${w}`;
  }
  return undefined;
}

describe('torch fixtures', () => {
  const { cases } = loadTorchFixtures();

  it('holds the expected number of cases', () => {
    assert.equal(cases.length, 365);
  });

  for (const c of cases) {
    it(`${c.id}${c.note ? ` (${c.note})` : ''}`, () => {
      const got = evaluateCase(c);
      assert.equal(mismatch(got.output, c.expected.output), undefined, 'output');
      if (c.expected.gradInput) {
        assert.ok(got.gradInput, 'gradInput missing');
        assert.equal(mismatch(got.gradInput, c.expected.gradInput), undefined, 'gradInput');
      }
    });
  }
});
