import { strict as assert } from 'node:assert';
import { DEFAULT_STATE, restorable } from '../../src/core/playground/state';
import {
  isSavedState,
  STORED_TEXT_LENGTH,
  savedState,
  storedTextsOf,
  type TextRef,
  withStoredTexts,
} from '../../src/core/playground/storedTexts';
import { RestoreState, StateChanged } from '../../src/core/protocol';

const long = `[${'0.25, '.repeat(STORED_TEXT_LENGTH / 6)}1]`;
const ref: TextRef = { hash: 'a'.repeat(64), length: long.length };
const refOf = (text: string) => (text === long ? ref : undefined);

describe('a saved playground state leaves long texts to the host (version 3)', () => {
  it('empties the field of each stored text and names it; short texts stay', () => {
    const state = { ...DEFAULT_STATE, logitsText: long, targetsText: '[0]' };
    const saved = savedState(state, refOf);
    assert.equal(saved.logitsText, '');
    assert.equal(saved.targetsText, '[0]');
    assert.deepEqual(saved.storedTexts, { logitsText: ref });
    assert.ok(JSON.stringify(saved).length < 1000);
    assert.ok(isSavedState(saved) && StateChanged.isParams(saved) && RestoreState.isParams(saved));
    assert.deepEqual(savedState(DEFAULT_STATE, refOf), { ...DEFAULT_STATE, storedTexts: {} });
  });

  it('restores with the text read back, every other field as saved', () => {
    const state = { ...DEFAULT_STATE, logitsText: long, epsilon: 0.2, loss: 'kl_div' as const };
    const saved: unknown = JSON.parse(JSON.stringify(savedState(state, refOf)));
    assert.deepEqual(restorable(withStoredTexts(saved, new Map([[ref.hash, long]]))), state);
  });

  it('keeps every other field when a stored text cannot be read back (gone, or not its length)', () => {
    const saved = savedState({ ...DEFAULT_STATE, logitsText: long, epsilon: 0.2 }, refOf);
    for (const read of [new Map<string, string>(), new Map([[ref.hash, long.slice(1)]])]) {
      const restored = restorable(withStoredTexts(saved, read));
      assert.equal(restored?.logitsText, '');
      assert.equal(restored?.epsilon, 0.2);
    }
  });

  it('reads only good references of a damaged or older state, each of an empty field', () => {
    const good = { ...DEFAULT_STATE, logitsText: '', targetsText: '' };
    assert.deepEqual(storedTextsOf({ ...good, storedTexts: { logitsText: ref } }), { logitsText: ref });
    for (const storedTexts of [
      { logitsText: { ...ref, hash: 'A'.repeat(64) } },
      { logitsText: { ...ref, length: 10 } },
      { logitsText: { ...ref, extra: 1 } },
      { rowText: ref },
      'refs',
      null,
    ])
      assert.deepEqual(storedTextsOf({ ...good, storedTexts }), {}, JSON.stringify(storedTexts));
    assert.deepEqual(storedTextsOf({ ...good, logitsText: '[[1]]', storedTexts: { logitsText: ref } }), {});
    assert.deepEqual(storedTextsOf({ ...DEFAULT_STATE, version: 2 }), {}, 'a version 2 state names none');
    assert.equal(isSavedState({ ...good, logitsText: 'x', storedTexts: { logitsText: ref } }), false);
    assert.equal(isSavedState(DEFAULT_STATE), false, 'the protocol wants the references, even none');
  });

  it('restores a version 2 state with its long text inline as before', () => {
    const v2 = { ...DEFAULT_STATE, version: 2, logitsText: long };
    assert.deepEqual(restorable(withStoredTexts(v2, new Map())), { ...DEFAULT_STATE, logitsText: long });
  });
});
