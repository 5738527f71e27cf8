import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  checkValue,
  MAX_SENT_ELEMENTS,
  type Probe,
  type Role,
  readProbe,
  rowLimit,
} from '../../../src/core/debugBatch';
import { MAX_TEXT_LENGTH } from '../../../src/core/playground/state';

const tensor = (shape: number[], dtype = 'torch.float32', device = 'cpu'): Probe => ({
  kind: 'tensor',
  shape,
  dtype,
  device,
});

function reason(outcome: { ok: boolean; reason?: string }): string {
  return outcome.ok ? '' : (outcome.reason ?? '');
}

describe('debugBatch: what the playground takes from a paused frame', () => {
  it('reads the probe of a tensor, an array and a list', () => {
    assert.deepEqual(
      readProbe('x', {
        kind: 'tensor',
        shape: [2, 3],
        dtype: 'torch.float16',
        device: 'cuda:0',
        layout: 'torch.strided',
      }),
      { ok: true, value: tensor([2, 3], 'torch.float16', 'cuda:0') },
    );
    assert.deepEqual(readProbe('a', { kind: 'ndarray', shape: [4], dtype: 'int64' }), {
      ok: true,
      value: { kind: 'ndarray', shape: [4], dtype: 'int64', device: null },
    });
    assert.deepEqual(readProbe('l', { kind: 'list', shape: [3] }), {
      ok: true,
      value: { kind: 'list', shape: [3], dtype: null, device: null },
    });
  });

  it('refuses non-tensors, sparse tensors and answers it did not ask for, naming the value', () => {
    assert.match(
      reason(readProbe('cfg', { kind: 'other', type: 'builtins.dict' })),
      /`cfg` is a builtins\.dict, not a tensor/,
    );
    assert.match(
      reason(
        readProbe('s', {
          kind: 'tensor',
          shape: [2, 2],
          dtype: 'torch.float32',
          device: 'cpu',
          layout: 'torch.sparse_coo',
        }),
      ),
      /sparse_coo tensor; send `s.to_dense\(\)`/,
    );
    assert.match(reason(readProbe('x', { kind: 'tensor', shape: [-1] })), /not what Loss Lens asked for/);
    assert.match(reason(readProbe('x', 'hello')), /not what Loss Lens asked for/);
  });

  it('copies CUDA tensors and widens half / bfloat16, saying so; refuses complex, strings, meta and objects', () => {
    assert.deepEqual(checkValue('x', tensor([4, 3], 'torch.float32', 'cuda:0'), 'logits'), {
      ok: true,
      value: ['`x` copied from cuda:0 to the CPU'],
    });
    for (const dtype of ['torch.float16', 'torch.bfloat16', 'float16']) {
      const out = checkValue('h', tensor([4, 3], dtype), 'logits');
      assert.ok(out.ok && /widened exactly to float64/.test(out.value.join()), dtype);
    }
    for (const dtype of ['torch.complex64', 'complex128', 'object', '<U5', 'torch.qint8', 'datetime64[s]'])
      assert.match(reason(checkValue('c', tensor([2, 2], dtype), 'logits')), /takes real numbers/, dtype);
    assert.match(reason(checkValue('m', tensor([2, 2], 'torch.float32', 'meta'), 'logits')), /meta device/);
    for (const dtype of [
      'torch.int64',
      'torch.uint8',
      'int32',
      'torch.bool',
      'bool',
      'float64',
      'torch.float64',
    ])
      assert.ok(checkValue('y', tensor([4], dtype), 'targets').ok, dtype);
  });

  it('takes [N, K] or [N] for logits and targets, [K] for weights; says what to send instead', () => {
    const ok: [number[], Role][] = [
      [[4, 3], 'logits'],
      [[4], 'logits'],
      [[4], 'targets'],
      [[4, 3], 'targets'],
      [[3], 'weight'],
    ];
    for (const [shape, role] of ok) assert.ok(checkValue('v', tensor(shape), role).ok, `${shape} ${role}`);
    assert.match(reason(checkValue('v', tensor([2, 8, 5]), 'logits')), /shape \[2, 8, 5\].*flatten\(0, -2\)/);
    assert.match(reason(checkValue('v', tensor([4, 3]), 'weight')), /one number per class/);
    assert.match(reason(checkValue('v', tensor([]), 'logits')), /single number \(0-d\)/);
    assert.match(reason(checkValue('v', tensor([0, 3]), 'logits')), /empty/);
  });

  it('sends every row when the batch fits', () => {
    const values = [
      { role: 'logits' as const, probe: tensor([64, 10]) },
      { role: 'targets' as const, probe: tensor([64], 'torch.int64') },
      { role: 'weight' as const, probe: tensor([10]) },
    ];
    assert.deepEqual(rowLimit(values), { ok: true, value: { totalRows: 64, maxRows: 64 } });
  });

  it('offers the rows that fit the limit, never more; refuses what cannot fit even one row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 300 }),
        fc.boolean(),
        fc.integer({ min: 10, max: 5000 }),
        (rows, classes, withWeight, max) => {
          const values = [
            { role: 'logits' as const, probe: tensor([rows, classes]) },
            { role: 'targets' as const, probe: tensor([rows], 'torch.int64') },
            ...(withWeight ? [{ role: 'weight' as const, probe: tensor([classes]) }] : []),
          ];
          const fixed = withWeight ? classes : 0;
          const out = rowLimit(values, max);
          if (fixed + classes + 1 > max) return !out.ok;
          if (!out.ok) return false;
          const { totalRows, maxRows } = out.value;
          const used = (n: number) => fixed + n * (classes + 1);
          return (
            totalRows === rows &&
            maxRows <= rows &&
            used(maxRows) <= max &&
            (maxRows === rows || used(maxRows + 1) > max)
          );
        },
      ),
      { seed: 7, numRuns: 1000 },
    );
  });

  it("keeps the default limit inside the playground's text limit at the longest float repr", () => {
    const longest = '-2.2250738585072014e-308,';
    assert.ok(MAX_SENT_ELEMENTS * (longest.length + 2) <= MAX_TEXT_LENGTH);
    assert.ok(MAX_SENT_ELEMENTS >= 1_000_000, `${MAX_SENT_ELEMENTS}`);
  });
});
