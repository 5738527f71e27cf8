/** Issue 9, item 4: a table's first row is a header only when it is clearly names; a typo there is refused. */
import { strict as assert } from 'node:assert';
import { parseTensor } from '../../src/core/parse';
import { computePlayground } from '../../src/core/playground/compute';
import { DEFAULT_STATE } from '../../src/core/playground/state';

describe('robustness (issue 9): table headers', () => {
  for (const [typo, token] of [
    ['1.0.0', "'1.0.0'"],
    ['\u00a01', "'<U+00A0>1'"],
    ['"1"', `'"1"'`],
    ['1e', "'1e'"],
    ['..', "'..'"],
  ] as const) {
    it(`a first row starting ${JSON.stringify(typo)} is data with a typo: refused at 1:1, no row dropped`, () => {
      const parsed = parseTensor(`${typo},2\n3,4`);
      assert.ok(!parsed.ok, JSON.stringify(parsed));
      assert.deepEqual([parsed.error.line, parsed.error.column], [1, 1]);
      assert.equal(parsed.error.message, `${token} is not a number`);
    });
  }

  it('reads the Unicode minus (U+2212) as a minus, anywhere a number starts', () => {
    for (const text of ['\u22121,2\n3,4', '[[\u22121, 2], [3, 4]]', 'tensor([[\u22121., 2.], [3., 4.]])']) {
      const parsed = parseTensor(text);
      assert.ok(parsed.ok, text);
      assert.deepEqual([...parsed.tensor.shape], [2, 2]);
      assert.deepEqual(Array.from(parsed.tensor.data), [-1, 2, 3, 4]);
    }
    const words = parseTensor('[\u2212inf, 1]');
    assert.ok(words.ok && words.tensor.data[0] === Number.NEGATIVE_INFINITY);
  });

  it('takes a row of names as the header and says so in the playground', () => {
    const parsed = parseTensor('cat,dog,bird\n1,2,3\n4,5,6\n');
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.columns, ['cat', 'dog', 'bird']);
    assert.deepEqual([...parsed.tensor.shape], [2, 3]);
    const result = computePlayground({
      ...DEFAULT_STATE,
      logitsText: 'cat,dog,bird\n1,2,3\n4,5,6\n',
      targetsText: '[0, 2]',
    });
    assert.ok(result.ok);
    assert.deepEqual(result.notes, [
      { field: 'logits', message: 'first line read as column names, not values: cat, dog, bird' },
    ]);
  });

  it('a row mixing names and numbers, or number words, is not a header', () => {
    for (const [text, column] of [
      ['a,1\n2,3', 1],
      ['nan,b\n2,3', 5],
      ['a,inf\n2,3', 1],
    ] as const) {
      const parsed = parseTensor(text);
      assert.ok(!parsed.ok, text);
      assert.deepEqual([parsed.error.line, parsed.error.column], [1, column]);
    }
  });

  it('pandas to_csv() output: the unnamed index column is row labels, left out and said', () => {
    const csv = ',p0,p1,p2\n0,0.1,0.7,0.2\n1,0.5,0.25,0.25\nrow-x,1,2,3\n';
    const parsed = parseTensor(csv);
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.deepEqual([...parsed.tensor.shape], [3, 3]);
    assert.deepEqual(Array.from(parsed.tensor.data), [0.1, 0.7, 0.2, 0.5, 0.25, 0.25, 1, 2, 3]);
    assert.deepEqual(parsed.columns, ['p0', 'p1', 'p2']);
    assert.equal(parsed.indexColumn, true);
    const result = computePlayground({ ...DEFAULT_STATE, logitsText: csv, targetsText: '[1, 0, 2]' });
    assert.ok(result.ok);
    assert.deepEqual(
      result.notes.map((n) => n.message),
      [
        'first line read as column names, not values: p0, p1, p2',
        'first column read as row labels (pandas index), not values',
      ],
    );
  });

  it('the same from to_csv(sep="\\t"), whose header starts with a tab', () => {
    const parsed = parseTensor('\tp0\tp1\n0\t0.1\t0.9\n1\t0.4\t0.6\n');
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.deepEqual([...parsed.tensor.shape], [2, 2]);
    assert.deepEqual(Array.from(parsed.tensor.data), [0.1, 0.9, 0.4, 0.6]);
    assert.equal(parsed.indexColumn, true);
  });

  it('an index row without its label is refused where the value is missing', () => {
    const parsed = parseTensor(',a,b\n0,1,2\n3\n');
    assert.ok(!parsed.ok);
    assert.deepEqual([parsed.error.line, parsed.error.message], [3, 'missing value']);
  });
});
