/** Issue 9, item 16: messages in the right number, at the bad value, with invisible characters made visible. */
import { strict as assert } from 'node:assert';
import { parseTensor, positionOfValue } from '../../src/core/parse';
import { computePlayground } from '../../src/core/playground/compute';
import { DEFAULT_STATE, type PlaygroundState } from '../../src/core/playground/state';
import { fromNested } from '../../src/core/tensor';

function refusal(patch: Partial<PlaygroundState>) {
  const outcome = computePlayground({ ...DEFAULT_STATE, ...patch });
  assert.ok(!outcome.ok, JSON.stringify(patch));
  return outcome.errors[0]!;
}

describe('robustness (issue 9): messages', () => {
  it('"1 value", not "1 values", in tables, nested lists and tensors', () => {
    for (const text of ['1,2\n3', '1 2\n3', '[[1, 2], [3]]']) {
      const parsed = parseTensor(text);
      assert.ok(!parsed.ok);
      assert.match(parsed.error.message, /has 1 value, expected 2/, text);
    }
    assert.throws(() => fromNested([[1, 2], [3]]), /row 2 has 1 value, expected 2/);
    const repr = parseTensor('tensor([1.], size=(2,))');
    assert.ok(!repr.ok && /does not match the 1 value shown/.test(repr.error.message));
  });

  it('an out-of-range target is refused at its line and column, naming it and its row', () => {
    const e = refusal({ logitsText: '[[1, 0, 1],\n [0, 1, 2]]', targetsText: '[0,\n 7]' });
    assert.deepEqual([e.field, e.line, e.column], ['targets', 2, 2]);
    assert.match(e.message, /^target 7 \(row 2\) is not a class index: expected an integer in \[0, 3\)/);
    const negative = refusal({ logitsText: '[[1, 0, 1], [0, 1, 2]]', targetsText: '[0,\n-1]' });
    assert.deepEqual([negative.line, negative.column], [2, 1]);
  });

  it('a non-integer target names the value and its row: [2.5, 1, 0]', () => {
    const e = refusal({ logitsText: '[[1, 0, 1], [0, 1, 2], [0, 0, 0]]', targetsText: '[2.5, 1, 0]' });
    assert.deepEqual([e.field, e.line, e.column], ['targets', 1, 2]);
    assert.match(e.message, /^target 2\.5 \(row 1\) is not a class index/);
    const later = refusal({ logitsText: '[[1, 0, 1], [0, 1, 2], [0, 0, 0]]', targetsText: '[2, 1, 0.5]' });
    assert.deepEqual([later.column], [8]);
    assert.match(later.message, /^target 0\.5 \(row 3\)/);
  });

  it('a BCE input outside [0, 1] is refused at the value', () => {
    const e = refusal({
      loss: 'binary_cross_entropy',
      convention: 'binary',
      inputKind: 'probabilities',
      logitsText: '0.5\n0.2\n1.5',
      targetsText: '1\n0\n1',
    });
    assert.deepEqual([e.field, e.line, e.column], ['logits', 3, 1]);
    assert.match(e.message, /value 3 gives 1\.5/);
  });

  it('shows a non-breaking space (and other invisible characters) by its code point', () => {
    const nbsp = parseTensor('[1,\u00a02]');
    assert.ok(!nbsp.ok);
    assert.equal(nbsp.error.message, "'<U+00A0>2' is not a number");
    const zeroWidth = parseTensor('[1, 2\u200b]');
    assert.ok(!zeroWidth.ok);
    assert.match(zeroWidth.error.message, /<U\+200B>/);
    const plain = parseTensor('[1, x]');
    assert.ok(!plain.ok && plain.error.message === "'x' is not a number");
  });

  it('positionOfValue finds the n-th value of any format', () => {
    assert.deepEqual(positionOfValue('a,b\n1,2\n3,4', 3), { line: 3, column: 3 });
    assert.deepEqual(positionOfValue('tensor([[1., 2.],\n        [3., 4.]])', 2), { line: 2, column: 10 });
    assert.equal(positionOfValue('[1, 2]', 2), undefined);
  });
});
