import { strict as assert } from 'node:assert';
import { analyzePython, type Finding } from '../../../src/core/analysis';
import type { Outcome } from '../../../src/core/debugBatch';
import {
  type LossCallValues,
  lossCallValues,
  probeExpression,
  readValues,
  seedFromValues,
  sourceLabel,
  valuesExpression,
} from '../../../src/core/debugBatch';

const SCRIPT = `import torch
import torch.nn as nn
import torch.nn.functional as F
criterion = nn.CrossEntropyLoss(weight=w, label_smoothing=0.1, ignore_index=3)
plain = nn.CrossEntropyLoss(label_smoothing=0.2)
a = criterion(logits, y)
b = F.cross_entropy(logits, target=y, weight=w, label_smoothing=0.2, reduction='sum')
c = F.nll_loss(torch.log_softmax(out.view(-1, K), -1), labels[mask], cw)
d = self.loss_fn(logits, y)
e = plain(input=logits, target=y)
f = F.cross_entropy(*pair, label_smoothing=0.1)
`;

function callOn(line: number): Outcome<LossCallValues> {
  const finding = analyzePython(SCRIPT).find((f) => f.kind === 'loss' && f.line === line);
  assert.ok(finding, `no loss finding on line ${line}`);
  const lines = SCRIPT.split('\n');
  const text = lines
    .slice(finding.line - 1, finding.endLine)
    .map((l, i, all) => (i === all.length - 1 ? l.slice(0, finding.endColumn - 1) : l))
    .map((l, i) => (i === 0 ? l.slice(finding.column - 1) : l))
    .join('\n');
  return lossCallValues(text, finding);
}

describe('debugBatch: the values of a recognised loss call', () => {
  it("sends a module's input and target, and its weight attribute when the analysis saw one", () => {
    assert.deepEqual(callOn(6), {
      ok: true,
      value: { input: 'logits', target: 'y', weight: 'criterion.weight', callee: 'criterion' },
    });
    assert.deepEqual(callOn(10), {
      ok: true,
      value: { input: 'logits', target: 'y', weight: null, callee: 'plain' },
    });
  });

  it("reads functional calls' keyword and third positional weight", () => {
    assert.deepEqual(callOn(7), {
      ok: true,
      value: { input: 'logits', target: 'y', weight: 'w', callee: 'F.cross_entropy' },
    });
    assert.deepEqual(callOn(8), {
      ok: true,
      value: {
        input: 'torch.log_softmax(out.view(-1, K), -1)',
        target: 'labels[mask]',
        weight: 'cw',
        callee: 'F.nll_loss',
      },
    });
  });

  it('refuses unpacked arguments and text that is no call', () => {
    const unpacked = callOn(11);
    assert.match(unpacked.ok ? '' : unpacked.reason, /unpacks arguments/);
    const finding = analyzePython(SCRIPT).find((f) => f.kind === 'loss') as Finding;
    for (const notACall of [
      'criterion',
      'class L(nn.Module):\n    def forward(self, x, t):\n        return F.nll_loss(x, t)',
      'a = criterion(x, y)',
    ]) {
      const none = lossCallValues(notACall, finding);
      assert.match(none.ok ? '' : none.reason, /put the cursor on a call/, notACall);
    }
  });
});

describe('debugBatch: expressions, values and the source label', () => {
  it('wraps the expression so that a trailing comment cannot swallow the rest', () => {
    assert.ok(probeExpression('logits  # from the model').includes('(logits  # from the model\n)'));
  });

  it('slices rows before the copy to the CPU, and sends integer tensors as integers', () => {
    const cut = valuesExpression('x', 'tensor', 5);
    assert.ok(cut.includes('(x\n).detach()[:5].cpu()'), cut);
    assert.ok(cut.includes('is_floating_point()'));
    assert.ok(!valuesExpression('x', 'tensor', null).includes('[:'));
    assert.ok(valuesExpression('a', 'ndarray', 2).includes('(a\n)[:2]'));
    assert.ok(valuesExpression('l', 'list', 2).includes('list((l\n)[:2])'));
  });

  it('accepts values of the announced shape, raw or quoted; refuses a shape that differs', () => {
    const probe = { kind: 'tensor' as const, shape: [3, 2], dtype: 'torch.float32', device: 'cpu' };
    assert.deepEqual(readValues('x', '[[1.5,2],[3,NaN],[5,6]]', probe, null), {
      ok: true,
      value: '[[1.5,2],[3,NaN],[5,6]]',
    });
    assert.deepEqual(readValues('x', "'[[1.5,2],[3,4]]'", probe, 2), { ok: true, value: '[[1.5,2],[3,4]]' });
    const short = readValues('x', '[[1.5,2],[3,4]]', probe, null);
    assert.match(short.ok ? '' : short.reason, /came back with shape \[2, 2\], not \[3, 2\]/);
    const list = { kind: 'list' as const, shape: [3], dtype: null, device: null };
    assert.ok(readValues('l', '[1,2,0]', list, null).ok);
    const cut = readValues('x', "'[[1.5,2],[3,...5,6]]'", probe, null);
    assert.match(cut.ok ? '' : cut.reason, /shortened/);
  });

  it('says where the data came from, by file base name and line', () => {
    const items = [
      { role: 'logits' as const, expression: 'logits' },
      { role: 'targets' as const, expression: 'y' },
    ];
    assert.equal(
      sourceLabel(items, { file: '/home/u/proj/train.py', line: 42 }),
      'from `logits`, `y` at train.py:42, paused',
    );
    assert.equal(sourceLabel(items.slice(0, 1), null), 'from `logits`, paused');
    assert.match(sourceLabel([{ role: 'logits', expression: `model(${'x'.repeat(100)})` }], null), /…`/);
  });

  it("puts values in their fields; a loss call's options clear a stale weight", () => {
    assert.deepEqual(seedFromValues([{ role: 'targets', text: '[1]' }]), { targetsText: '[1]' });
    assert.deepEqual(
      seedFromValues(
        [
          { role: 'logits', text: '[[1,2]]' },
          { role: 'targets', text: '[1]' },
        ],
        { loss: 'cross_entropy', epsilon: 0.1 },
      ),
      { loss: 'cross_entropy', epsilon: 0.1, weightText: '', logitsText: '[[1,2]]', targetsText: '[1]' },
    );
  });
});
