import { strict as assert } from 'node:assert';
import {
  formatTensor,
  MAX_DEPTH,
  MAX_ELEMENTS,
  type ParseResult,
  type ParseSuccess,
  parseTensor,
} from '../../src/core/parse';
import { tensor } from '../../src/core/tensor';

function parsed(text: string): ParseSuccess {
  const result = parseTensor(text);
  if (!result.ok) assert.fail(`${result.error.line}:${result.error.column} ${result.error.message}`);
  return result;
}

function values(text: string): { shape: readonly number[]; data: number[] } {
  const { tensor: t } = parsed(text);
  return { shape: t.shape, data: Array.from(t.data) };
}

function failure(text: string, options?: Parameters<typeof parseTensor>[1]): [number, number, string] {
  const result: ParseResult = parseTensor(text, options);
  if (result.ok) assert.fail(`expected an error, parsed shape [${result.tensor.shape}]`);
  return [result.error.line, result.error.column, result.error.message];
}

describe('parseTensor: PyTorch reprs', () => {
  it('reads a multi-line repr with dtype, device and grad_fn', () => {
    const text = [
      'tensor([[ 0.1234, -1.2345,  2.0000],',
      "        [-0.5000,  1.0000e-03,  3.5000]], dtype=torch.float64, device='cuda:0',",
      '       grad_fn=<NllLossBackward0>)',
    ].join('\n');
    const r = parsed(text);
    assert.equal(r.format, 'torch');
    assert.equal(r.dtype, 'torch.float64');
    assert.equal(r.requiresGrad, true);
    assert.deepEqual(r.tensor.shape, [2, 3]);
    assert.deepEqual(Array.from(r.tensor.data), [0.1234, -1.2345, 2, -0.5, 0.001, 3.5]);
  });

  it('reads scalars, with or without a grad_fn', () => {
    assert.deepEqual(values('tensor(1.4670)'), { shape: [], data: [1.467] });
    const r = parsed('tensor(1.4670, grad_fn=<NllLossBackward0>)');
    assert.equal(r.requiresGrad, true);
    assert.deepEqual(Array.from(r.tensor.data), [1.467]);
  });

  it('reads requires_grad, integer and bool tensors and torch.tensor(...) calls', () => {
    const r = parsed('tensor([1., 2.], requires_grad=True)');
    assert.equal(r.requiresGrad, true);
    assert.equal(r.dtype, undefined);
    assert.deepEqual(values('tensor([3, 0, 1])').data, [3, 0, 1]);
    assert.deepEqual(values('tensor([True, False, True])').data, [1, 0, 1]);
    assert.deepEqual(values('torch.tensor([[1, 2], [3, 4]], dtype=torch.float32)').shape, [2, 2]);
  });

  it('reads 3-D reprs with blank lines between blocks', () => {
    const text = 'tensor([[[1., 2.],\n         [3., 4.]],\n\n        [[5., 6.],\n         [7., 8.]]])';
    assert.deepEqual(values(text), { shape: [2, 2, 2], data: [1, 2, 3, 4, 5, 6, 7, 8] });
  });

  it('reads nan, inf and -inf as torch prints them', () => {
    const { data } = values('tensor([nan, inf, -inf, 0.5000])');
    assert.ok(Number.isNaN(data[0]));
    assert.deepEqual(data.slice(1), [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0.5]);
  });

  it("takes an empty tensor's shape from size=", () => {
    assert.deepEqual(values('tensor([], size=(2, 0))').shape, [2, 0]);
    assert.deepEqual(values('tensor([])').shape, [0]);
  });

  it('skips the "Parameter containing:" line of nn.Parameter', () => {
    const r = parsed('Parameter containing:\ntensor([0.1000, 0.2000], requires_grad=True)');
    assert.equal(r.requiresGrad, true);
    assert.deepEqual(Array.from(r.tensor.data), [0.1, 0.2]);
  });

  it('rejects elided reprs, pointing at the dots', () => {
    const text =
      'tensor([[ 0.1234, -1.2345,  ...,  0.5000],\n        ...,\n        [ 1.0000,  2.0000,  ...,  3.0000]])';
    assert.deepEqual(failure(text), [
      1,
      29,
      "this repr is elided with '...'; print with torch.set_printoptions(profile='full')",
    ]);
  });

  it('rejects other calls and text after the closing parenthesis', () => {
    assert.deepEqual(failure('torch.zeros(3)'), [
      1,
      1,
      "'torch.zeros(...)' is not a tensor: paste tensor(...), array(...), a list or a table",
    ]);
    assert.deepEqual(failure('tensor([1.]) + 1'), [1, 14, "unexpected '+' after the tensor"]);
    assert.deepEqual(failure('tensor([1.], dtype)'), [1, 19, "expected '=' after 'dtype'"]);
    assert.deepEqual(failure('tensor([1.]'), [1, 7, "'(' is never closed"]);
    assert.deepEqual(failure('tensor([1., 2.], size=(3,))'), [
      1,
      23,
      'size=(3,) does not match the 2 values shown',
    ]);
  });
});

describe('parseTensor: NumPy', () => {
  it('reads array reprs with dtype', () => {
    const r = parsed('array([[0.1, 0.2],\n       [0.3, 0.4]], dtype=float32)');
    assert.equal(r.format, 'numpy');
    assert.equal(r.dtype, 'float32');
    assert.deepEqual(Array.from(r.tensor.data), [0.1, 0.2, 0.3, 0.4]);
  });

  it('reads print() output, whose values are separated by spaces', () => {
    const r = parsed('[[ 1.   2.5 -3. ]\n [ 4.   5.   6. ]]');
    assert.equal(r.format, 'numpy');
    assert.deepEqual(values('[[ 1.   2.5 -3. ]\n [ 4.   5.   6. ]]'), {
      shape: [2, 3],
      data: [1, 2.5, -3, 4, 5, 6],
    });
  });

  it('reads 0-d arrays, np.array calls and shape= for empty arrays', () => {
    assert.deepEqual(values('array(1.5)'), { shape: [], data: [1.5] });
    assert.deepEqual(values('np.array([1, 2])').data, [1, 2]);
    assert.deepEqual(values('array([], shape=(3, 0), dtype=float64)').shape, [3, 0]);
  });

  it('rejects elided arrays with numpy advice and mixed separators', () => {
    assert.deepEqual(failure('array([0., 1., ..., 8., 9.])'), [
      1,
      16,
      "this repr is elided with '...'; print with numpy.set_printoptions(threshold=sys.maxsize)",
    ]);
    assert.deepEqual(failure('[1 2, 3]'), [1, 5, "unexpected ',': earlier values are separated by spaces"]);
    assert.deepEqual(failure('[1, 2 3]'), [1, 7, "expected ',' or ']'"]);
  });
});

describe('parseTensor: JSON and Python lists', () => {
  it('reads strict JSON as json, with Python json.dumps spellings of non-finite values', () => {
    const r = parsed('[[1, 2.5e-3], [-Infinity, NaN]]');
    assert.equal(r.format, 'json');
    assert.deepEqual(r.tensor.shape, [2, 2]);
    assert.deepEqual(Array.from(r.tensor.data).slice(0, 3), [1, 0.0025, Number.NEGATIVE_INFINITY]);
  });

  it('reads trailing commas, tuples, True/False and nan/inf as python', () => {
    for (const text of [
      '[[1, 2,], [3, 4,],]',
      '((1, 2), (3, 4))',
      '[[True, False], [1, 0]]',
      '[[nan, inf], [1, 2]]',
    ]) {
      const r = parsed(text);
      assert.equal(r.format, 'python', text);
      assert.deepEqual(r.tensor.shape, [2, 2], text);
    }
    assert.deepEqual(values('[(1,), (2,)]'), { shape: [2, 1], data: [1, 2] });
  });

  it('reads empty lists and 1-D lists', () => {
    assert.deepEqual(values('[]').shape, [0]);
    assert.deepEqual(values('[[], []]').shape, [2, 0]);
    assert.deepEqual(values(' [1, 2, 3] \n'), { shape: [3], data: [1, 2, 3] });
  });

  it('reports ragged rows at the row that differs', () => {
    const text = '[[1, 2, 3, 4, 5],\n [1, 2, 3, 4, 5],\n [1, 2, 3, 4]]';
    assert.deepEqual(failure(text), [3, 2, 'row 3 has 4 values, expected 5']);
    assert.deepEqual(failure('[[[1, 2], [3, 4]], [[5, 6], [7]]]'), [
      1,
      29,
      'row 2 of block 2 has 1 value, expected 2',
    ]);
    assert.deepEqual(failure('[[[1], [2]], [[3]]]'), [1, 14, 'block 2 has 1 row, expected 2']);
  });

  it('reports inconsistent nesting, unbalanced and mismatched brackets', () => {
    assert.deepEqual(failure('[[1], 2]'), [1, 7, "expected '[' here: the other rows are nested deeper"]);
    assert.deepEqual(failure('[1, [2]]'), [1, 5, 'expected a number here, like the other rows']);
    assert.deepEqual(failure('[[1, 2],\n [3, 4]'), [1, 1, "'[' is never closed"]);
    assert.deepEqual(failure('[1, 2]]'), [1, 7, "unexpected ']' after the tensor"]);
    assert.deepEqual(failure('[1, 2)'), [1, 6, "expected ']', found ')'"]);
    assert.deepEqual(failure('[1,, 2]'), [1, 4, "unexpected ',': a value is missing"]);
  });

  it('reports bad number tokens', () => {
    assert.deepEqual(failure('[1, 2.3.4]'), [1, 5, "'2.3.4' is not a number"]);
    assert.deepEqual(failure('[1e, 2]'), [1, 2, "'1e' is not a number"]);
    assert.deepEqual(failure('[None, 2]'), [1, 2, "'None' is not a number"]);
    assert.deepEqual(failure('[-True]'), [1, 2, "'-True' is not a number"]);
    assert.deepEqual(failure("['1', 2]"), [1, 2, "''1'' is not a number"]);
  });

  it(`refuses nesting deeper than ${MAX_DEPTH}`, () => {
    const deep = `${'['.repeat(MAX_DEPTH + 1)}1${']'.repeat(MAX_DEPTH + 1)}`;
    assert.deepEqual(failure(deep), [1, MAX_DEPTH + 1, `nested deeper than ${MAX_DEPTH} levels`]);
    assert.equal(values(`${'['.repeat(MAX_DEPTH)}1${']'.repeat(MAX_DEPTH)}`).shape.length, MAX_DEPTH);
  });
});

describe('parseTensor: tables', () => {
  it('reads CSV, TSV and whitespace tables, one row per line', () => {
    assert.equal(parsed('1,2\n3,4').format, 'csv');
    assert.equal(parsed('1\t2\n3\t4').format, 'tsv');
    assert.equal(parsed('1 2\n3 4').format, 'whitespace');
    for (const text of ['1, 2\r\n3 , 4\r\n', '1\t2\n\n3\t4\n', '  1   2\n  3   4']) {
      assert.deepEqual(values(text), { shape: [2, 2], data: [1, 2, 3, 4] }, JSON.stringify(text));
    }
  });

  it('skips a header row whose first cell is not a number, and returns its names', () => {
    const r = parsed('logit_0,logit_1,"class 2"\n0.1,0.2,0.7\n1.5,-2,3e-2\n');
    assert.deepEqual(r.columns, ['logit_0', 'logit_1', 'class 2']);
    assert.deepEqual(r.tensor.shape, [2, 3]);
    assert.deepEqual(failure('a,b,c\n1,2\n'), [2, 4, 'row 1 has 2 values, expected 3']);
  });

  it("skips blank lines and '#' comments (numpy.savetxt headers)", () => {
    assert.deepEqual(values('# logits\n1 2\n\n# more\n3 4\n').data, [1, 2, 3, 4]);
  });

  it('reads one line as 1-D and a lone number as a scalar', () => {
    assert.deepEqual(values('0 2 1 1'), { shape: [4], data: [0, 2, 1, 1] });
    assert.deepEqual(values('1.4670\n'), { shape: [], data: [1.467] });
    assert.deepEqual(values('1\n2\n3'), { shape: [3, 1], data: [1, 2, 3] });
  });

  it('reads every spelling of special values', () => {
    const { data } = values('nan NaN -inf inf Infinity -Infinity True False true false 1e-3 1.5E+2');
    assert.ok(Number.isNaN(data[0]) && Number.isNaN(data[1]));
    assert.deepEqual(data.slice(2), [
      Number.NEGATIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      1,
      0,
      1,
      0,
      0.001,
      150,
    ]);
  });

  it('reports ragged rows, missing cells and bad tokens where they are', () => {
    assert.deepEqual(failure('1,2,3,4,5\n1,2,3,4,5\n1,2,3,4\n'), [3, 8, 'row 3 has 4 values, expected 5']);
    assert.deepEqual(failure('1 2\n3 4 5\n'), [2, 5, 'row 2 has 3 values, expected 2']);
    assert.deepEqual(failure('1,,2'), [1, 3, 'missing value']);
    assert.deepEqual(failure('1,2,\n'), [1, 5, 'missing value']);
    assert.deepEqual(failure('1,2\n3,x'), [2, 3, "'x' is not a number"]);
    assert.deepEqual(failure('1\t2 3'), [1, 5, "expected '\\t' between values"]);
    assert.deepEqual(failure('hello world'), [1, 1, "'hello' is not a number"]);
    assert.deepEqual(failure('# only a comment\n'), [2, 1, 'no values, only comments']);
  });
});

describe('parseTensor: limits and positions', () => {
  it('reports empty input', () => {
    assert.deepEqual(failure(''), [1, 1, 'empty input']);
    assert.deepEqual(failure(' \n\t\n'), [3, 1, 'empty input']);
  });

  it('refuses more values than the limit at the first value past it', () => {
    assert.deepEqual(failure('[1, 2,\n 3]', { maxElements: 2 }), [
      2,
      2,
      'more than 2 values: too large to load',
    ]);
    assert.deepEqual(failure('1 2 3', { maxElements: 2 }), [1, 5, 'more than 2 values: too large to load']);
    assert.deepEqual(values('[1, 2]').data, [1, 2]);
    assert.equal(MAX_ELEMENTS, 16_777_216);
  });

  // A quadratic scan of these megabyte inputs would not finish within the test timeout; no clock is read here.
  it('stays linear on large malformed input', () => {
    assert.equal(failure('['.repeat(1_000_000))[2], `nested deeper than ${MAX_DEPTH} levels`);
    assert.equal(failure(`[${'1, '.repeat(300_000)}`)[2], "'[' is never closed");
    assert.equal(failure(`${'x'.repeat(1_000_000)},1`)[2], `'${'x'.repeat(24)}…' is not a number`);
    assert.equal(failure(`tensor([1.], dtype='${'a'.repeat(1_000_000)}`)[2], "''' is never closed");
  });

  it('counts \\r\\n, \\n and a lone \\r as one line break and columns in UTF-16 units', () => {
    assert.deepEqual(failure('[1,\r\n2,\rx]').slice(0, 2), [3, 1]);
    assert.deepEqual(failure('[1, "é😀", 2]').slice(0, 2), [1, 5]);
    assert.deepEqual(failure('\uFEFF[1, x]').slice(0, 2), [1, 6]);
  });
});

describe('parseTensor: numbers', () => {
  const tokens = [
    '0.1',
    '-0',
    '-0.0',
    '0.30000000000000004',
    '123456789012345678',
    '9007199254740993',
    '1e22',
    '1e23',
    '1.7976931348623157e308',
    '1e309',
    '5e-324',
    '2.2250738585072011e-308',
    '4.9406564584124654e-324',
    '.5',
    '+1',
    '1.',
    '007',
    '1E+2',
    '1.5e-7',
    '-12.5e1',
    '0.000001',
    '1e-400',
    '123.456e-300',
  ];

  it('gives exactly what Number() gives, sign of zero included', () => {
    for (const token of tokens) {
      const { data } = values(`[${token}]`);
      assert.ok(Object.is(data[0], Number(token)), `${token}: ${data[0]} vs ${Number(token)}`);
    }
  });

  it('marks Python-only number syntax as python', () => {
    for (const token of ['.5', '+1', '1.', '007']) assert.equal(parsed(`[${token}]`).format, 'python', token);
    for (const token of ['0.5', '-1', '1e5', '-0']) assert.equal(parsed(`[${token}]`).format, 'json', token);
  });
});

describe('formatTensor', () => {
  const t = tensor([2, 2], [1, -0.5, Number.NaN, Number.NEGATIVE_INFINITY]);

  it('writes each format', () => {
    assert.equal(formatTensor(t, 'torch'), 'tensor([[1., -0.5],\n        [nan, -inf]], dtype=torch.float64)');
    assert.equal(formatTensor(t, 'numpy'), 'array([[1., -0.5],\n       [nan, -inf]])');
    assert.equal(formatTensor(t, 'json'), '[[1,-0.5],[NaN,-Infinity]]');
    assert.equal(formatTensor(t, 'python'), '[[1.0, -0.5], [nan, -inf]]');
    assert.equal(formatTensor(t, 'csv'), '1,-0.5\nnan,-inf\n');
    assert.equal(formatTensor(t, 'tsv'), '1\t-0.5\nnan\t-inf\n');
    assert.equal(formatTensor(t, 'whitespace'), '1 -0.5\nnan -inf\n');
  });

  it('writes scalars, empty tensors and the sign of zero', () => {
    assert.equal(formatTensor(tensor([], [-0]), 'torch'), 'tensor(-0., dtype=torch.float64)');
    assert.equal(formatTensor(tensor([2, 0], []), 'torch'), 'tensor([], size=(2, 0), dtype=torch.float64)');
    assert.equal(formatTensor(tensor([0], []), 'numpy'), 'array([], dtype=float64)');
    assert.equal(formatTensor(tensor([], [2]), 'json'), '2');
    assert.equal(formatTensor(tensor([0], []), 'csv'), '');
  });

  it('keeps the last dimension as columns when a table gets more than two dimensions', () => {
    assert.equal(formatTensor(tensor([2, 1, 2], [1, 2, 3, 4]), 'csv'), '1,2\n3,4\n');
  });
});
