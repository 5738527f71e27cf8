// The expressions Loss Lens sends to a debugger, evaluated by a real Python with torch and NumPy; each result
// is passed back as repr() (what adapters without debugpy's rawString show) and decoded by the core.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import {
  checkValue,
  decodeJsonResult,
  type Probe,
  probeExpression,
  readProbe,
  readValues,
  valuesExpression,
} from '../../../src/core/debugBatch';
import { parseTensor } from '../../../src/core/parse';
import { pythonWith } from '../../support/torchPython';

const SETUP = `
import torch, numpy as np
x = torch.tensor([[0.1, 0.2], [0.3, -0.4], [1e-30, 3.0]], dtype=torch.float32)
h = torch.tensor([[0.5, -1.75], [0.25, 2.0]], dtype=torch.float16)
y = torch.tensor([1, 0, 1])
n = np.array([[0.1, 0.2, 0.3], [1.0, 2.0, 3.0]], dtype=np.float32)
l = [1, 2.5, float('nan')]
b = torch.tensor([True, False, True])
s = 'hello'
c = torch.tensor([1 + 2j])
sp = torch.eye(3).to_sparse()
`;

function evaluateAll(python: string, expressions: string[]): string[] {
  const script = `${SETUP}
import json, sys
out = []
for e in json.load(sys.stdin):
    try:
        out.append(repr(eval(e)))
    except Exception as err:
        out.append('error: ' + repr(err))
print(json.dumps(out))`;
  const run = spawnSync(python, ['-c', script], {
    input: JSON.stringify(expressions),
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout) as string[];
}

describe('debugBatch: the expressions in a real Python (torch, NumPy)', function () {
  this.timeout(180_000);
  const python = pythonWith(['torch', 'numpy']);
  const names = ['x', 'h', 'y', 'n', 'l', 'b', 's', 'c', 'sp', 'x  # trailing comment'];
  let probes: Map<string, ReturnType<typeof readProbe>>;

  before(function () {
    if (!python) {
      console.log('      skipped: no python3 with torch and numpy (set LOSS_LENS_TORCH_PYTHON)');
      this.skip();
    }
    const answers = evaluateAll(python!, names.map(probeExpression));
    probes = new Map(
      names.map((name, i) => {
        const json = decodeJsonResult(answers[i]!);
        return [name, json.ok ? readProbe(name, json.value) : json];
      }),
    );
  });

  function probe(name: string): Probe {
    const p = probes.get(name);
    assert.ok(p?.ok, `${name}: ${JSON.stringify(p)}`);
    return p.value;
  }

  it('reports kind, shape, dtype and device, or the type of what is no tensor', () => {
    assert.deepEqual(probe('x'), { kind: 'tensor', shape: [3, 2], dtype: 'torch.float32', device: 'cpu' });
    assert.deepEqual(probe('x  # trailing comment'), probe('x'));
    assert.deepEqual(probe('n'), { kind: 'ndarray', shape: [2, 3], dtype: 'float32', device: null });
    assert.deepEqual(probe('l'), { kind: 'list', shape: [3], dtype: null, device: null });
    const s = probes.get('s');
    assert.match(s && !s.ok ? s.reason : '', /`s` is a builtins\.str/);
    const sp = probes.get('sp');
    assert.match(sp && !sp.ok ? sp.reason : '', /sparse_coo/);
    const c = checkValue('c', probe('c'), 'logits');
    assert.match(c.ok ? '' : c.reason, /complex64/);
  });

  it('returns every value exactly (float32 and float16 widened to float64), rows cut only when asked', () => {
    const cases: [string, number | null][] = [
      ['x', null],
      ['h', null],
      ['y', null],
      ['n', 1],
      ['l', null],
      ['b', null],
      ['x', 2],
    ];
    const answers = evaluateAll(
      python!,
      cases.map(([name, rows]) => valuesExpression(name, probe(name).kind, rows)),
    );
    const tensors = cases.map(([name, rows], i) => {
      const text = readValues(name, answers[i]!, probe(name), rows);
      assert.ok(text.ok, `${name}: ${JSON.stringify(text)}`);
      const parsed = parseTensor(text.value);
      assert.ok(parsed.ok);
      return Array.from(parsed.tensor.data);
    });
    const f32 = (v: number[]) => v.map(Math.fround);
    assert.deepEqual(tensors[0], f32([0.1, 0.2, 0.3, -0.4, 1e-30, 3.0]));
    assert.deepEqual(tensors[1], [0.5, -1.75, 0.25, 2.0]);
    assert.deepEqual(tensors[2], [1, 0, 1]);
    assert.deepEqual(tensors[3], f32([0.1, 0.2, 0.3]));
    assert.deepEqual(tensors[4], [1, 2.5, Number.NaN]);
    assert.deepEqual(tensors[5], [1, 0, 1]);
    assert.deepEqual(tensors[6], f32([0.1, 0.2, 0.3, -0.4]));
  });
});
