// Pitfalls that need to know what a module returns: values followed through locals, `self.attr` modules,
// nn.Sequential last layers and constructor results called at once, at function and module level.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePython, type Finding } from '../../src/core/analysis';
import { FIXTURES } from './helpers';

const RULES = ['softmax-into-cross-entropy', 'log-softmax-into-cross-entropy', 'bce-on-logits'];

const found = (text: string): string[] =>
  analyzePython(text)
    .filter((f: Finding) => f.kind === 'pitfall' && RULES.includes(f.rule ?? ''))
    .map((f) => `${f.line}: ${f.rule}`);

const PRELUDE = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';

describe('analysis: pitfalls through module outputs', () => {
  it('flags exactly the lines marked `expect:` in module_outputs.py', () => {
    const text = readFileSync(join(FIXTURES, 'generalisation', 'module_outputs.py'), 'utf8');
    const expected = text.split('\n').flatMap((line, i) => {
      const rule = /# expect: ([a-z-]+)/.exec(line)?.[1];
      return rule && i > 0 ? [`${i + 1}: ${rule}`] : [];
    });
    assert.equal(expected.length, 10);
    assert.deepEqual(found(text), expected);
  });

  it('a constructor called at once is an invocation: its input is checked, with the quick fix', () => {
    const text = `${PRELUDE}def f(logits, y):\n    p = F.softmax(logits, dim=-1)\n    return nn.CrossEntropyLoss()(p, y)\n`;
    const [hit] = analyzePython(text).filter((f) => f.rule === 'softmax-into-cross-entropy');
    assert.deepEqual(
      hit.fix?.edits.map((e) => [e.range.line, e.range.column, e.newText]),
      [[6, 34, 'logits']],
    );
  });

  it('BCELoss on an nn.Linear head offers the BCEWithLogitsLoss fix at the constructor', () => {
    const text = `${PRELUDE}head = nn.Linear(3, 1)\nloss = nn.BCELoss()(head(torch.randn(2, 3)), torch.rand(2, 1))\n`;
    const [hit] = analyzePython(text).filter((f) => f.rule === 'bce-on-logits');
    assert.deepEqual(
      hit.fix?.edits.map((e) => [e.range.line, e.range.column, e.newText]),
      [[5, 11, 'BCEWithLogitsLoss']],
    );
  });

  it('no finding when the module ends in a sigmoid, is unknown or opaque, or its output is sigmoided', () => {
    const negatives = [
      'model = nn.Sequential(nn.Linear(3, 1), nn.Sigmoid())\nloss = nn.BCELoss()(model(x), y)',
      'model = nn.Sequential(nn.Linear(3, 1), nn.Hardsigmoid()).cuda()\nloss = nn.BCELoss()(model(x), y)',
      'def f(net, x, y):\n    out = net(x)\n    return F.binary_cross_entropy(out, y)',
      'head = nn.Linear(3, 1)\nloss = F.binary_cross_entropy(head(x).sigmoid(), y)',
      'head = nn.Linear(3, 5)\nloss = F.cross_entropy(head(x), y)',
      'sm = nn.Sigmoid()\nloss = nn.CrossEntropyLoss()(sm(x), y)',
      'body = nn.Sequential(*layers)\nloss = nn.BCELoss()(body(x), y)',
    ];
    for (const snippet of negatives) assert.deepEqual(found(`${PRELUDE}${snippet}\n`), [], snippet);
  });

  it('a Sequential whose last layer is a name or a Conv is followed to that layer', () => {
    const viaName =
      'class M(nn.Module):\n    def __init__(self):\n        super().__init__()\n' +
      '        last = nn.Conv2d(8, 1, 1)\n        self.body = nn.Sequential(nn.ReLU(), last, nn.Flatten())\n' +
      '    def forward(self, x, y):\n        return F.binary_cross_entropy(self.body(x), y)\n';
    assert.deepEqual(found(`${PRELUDE}${viaName}`), ['10: bce-on-logits']);
    const viaSoftmax = 'sm = nn.Softmax(dim=1)\nloss = F.cross_entropy(sm(x), y)\n';
    assert.deepEqual(found(`${PRELUDE}${viaSoftmax}`), ['5: softmax-into-cross-entropy']);
  });
});
