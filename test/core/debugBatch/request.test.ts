import { strict as assert } from 'node:assert';
import { analyzePython, type Finding } from '../../../src/core/analysis';
import type { Outcome } from '../../../src/core/debugBatch';
import {
  type LossCallValues,
  liveOptions,
  lossCallValues,
  optionExpression,
  probeExpression,
  readOption,
  readValues,
  seedFromValues,
  sourceLabel,
  valuesExpression,
  withDefaults,
} from '../../../src/core/debugBatch';
import { resolve, seedFromFinding } from '../../../src/core/explain';

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
tuned = nn.CrossEntropyLoss(label_smoothing=cfg.ls, ignore_index=cfg.pad)
g = tuned(logits, y)
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

function valuesOn(line: number): LossCallValues {
  const call = callOn(line);
  assert.ok(call.ok, JSON.stringify(call));
  return call.value;
}

function findingOn(line: number): Finding {
  const finding = analyzePython(SCRIPT).find((f) => f.kind === 'loss' && f.line === line);
  assert.ok(finding);
  return finding;
}

describe('debugBatch: the values of a recognised loss call', () => {
  it("sends a module's input and target, and its weight attribute when the analysis saw one", () => {
    const { options, ...call } = valuesOn(6);
    assert.deepEqual(call, { input: 'logits', target: 'y', weight: 'criterion.weight', callee: 'criterion' });
    assert.deepEqual(options, {
      epsilon: 'criterion.label_smoothing',
      ignoreIndex: 'criterion.ignore_index',
      reduction: 'criterion.reduction',
    });
    assert.equal(valuesOn(10).weight, null);
  });

  it("reads functional calls' keyword and third positional weight, and options from their keywords", () => {
    const { options, ...call } = valuesOn(7);
    assert.deepEqual(call, { input: 'logits', target: 'y', weight: 'w', callee: 'F.cross_entropy' });
    assert.deepEqual(options, { epsilon: '0.2', reduction: "'sum'" });
    assert.deepEqual(valuesOn(8), {
      input: 'torch.log_softmax(out.view(-1, K), -1)',
      target: 'labels[mask]',
      weight: 'cw',
      callee: 'F.nll_loss',
      options: {},
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

describe("debugBatch: a loss call's options", () => {
  it('asks the program only for what the code sets to something the analysis could not evaluate', () => {
    // line 13: `g = tuned(logits, y)`, tuned = nn.CrossEntropyLoss(label_smoothing=cfg.ls, ignore_index=cfg.pad)
    const finding = findingOn(13);
    const seed = withDefaults(finding, seedFromFinding(finding, resolve(finding, 0.1)));
    assert.equal(seed.epsilon, undefined);
    assert.equal(seed.ignoreIndex, undefined);
    assert.deepEqual(liveOptions(finding, seed, valuesOn(13)), {
      epsilon: 'tuned.label_smoothing',
      ignoreIndex: 'tuned.ignore_index',
    });
    // Everything constant: nothing to ask.
    const fixed = findingOn(6);
    const fixedSeed = withDefaults(fixed, seedFromFinding(fixed, resolve(fixed, 0.1)));
    assert.deepEqual(liveOptions(fixed, fixedSeed, valuesOn(6)), {});
  });

  it("puts torch's ignore_index default in when the code passes none, so no earlier value lingers", () => {
    const plain = findingOn(10);
    assert.equal(withDefaults(plain, {}).ignoreIndex, -100);
    assert.equal(withDefaults(findingOn(13), {}).ignoreIndex, undefined);
  });

  it("takes the program's values when the playground can use them, and says why not otherwise", () => {
    assert.deepEqual(readOption('epsilon', 0.05), { ok: true, value: { epsilon: 0.05 } });
    assert.deepEqual(readOption('ignoreIndex', 1), { ok: true, value: { ignoreIndex: 1 } });
    assert.deepEqual(readOption('reduction', 'sum'), { ok: true, value: { reduction: 'sum' } });
    for (const [option, value] of [
      ['epsilon', 1.5],
      ['epsilon', 'x'],
      ['ignoreIndex', 0.5],
      ['reduction', 'avg'],
    ] as const) {
      const out = readOption(option, value);
      assert.match(out.ok ? '' : out.reason, /is not a value the playground takes/, `${option} ${value}`);
    }
    assert.equal(optionExpression("cfg['ls']"), "__import__('json').dumps((cfg['ls']\n))");
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
