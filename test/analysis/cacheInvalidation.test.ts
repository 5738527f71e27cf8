import * as assert from 'node:assert/strict';
import {
  analyzeAt,
  analyzeParsed,
  analyzePython,
  BCE_ON_LOGITS,
  type Finding,
  parsePython,
  SOFTMAX_INTO_CROSS_ENTROPY,
} from '../../src/core/analysis';

const rules = (findings: Finding[], rule: string): number[] =>
  findings.filter((f) => f.kind === 'pitfall' && f.rule === rule).map((f) => f.line);

/** `before` with its first `from` replaced by `to`, and the edit that does it. */
function edit(before: string, from: string, to: string) {
  const at = before.indexOf(from);
  const text = before.slice(0, at) + to + before.slice(at + from.length);
  return { text, range: { fromA: at, toA: at + from.length, fromB: at, toB: at + to.length } };
}

const SOFTMAX =
  'import torch\nimport torch.nn.functional as F\nprobs = F.softmax(x, dim=1)\nloss = F.cross_entropy(probs, y)\n';
const RANDN = ['probs = F.softmax(x, dim=1)', 'probs = torch.randn(3, 4)'] as const;

const HEAD = 'import torch\nimport torch.nn as nn\nhead = nn.Linear(8, 1)\nloss = nn.BCELoss()(head(x), y)\n';
const HEAD_OUT =
  'import torch\nimport torch.nn as nn\nhead = nn.Linear(8, 1)\nout = head(x)\nloss = nn.BCELoss()(out, y)\n';
const SIGMOID = ['head = nn.Linear(8, 1)', 'head = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())'] as const;

const cases = [
  {
    name: 'a softmax assigned to a name the loss reads',
    text: SOFTMAX,
    change: RANDN,
    rule: SOFTMAX_INTO_CROSS_ENTROPY,
    probe: 'probs, y',
    line: 4,
  },
  {
    name: 'a module-level head the loss calls',
    text: HEAD,
    change: SIGMOID,
    rule: BCE_ON_LOGITS,
    probe: 'head(x), y',
    line: 4,
  },
  {
    name: 'a module-level head read through a name',
    text: HEAD_OUT,
    change: SIGMOID,
    rule: BCE_ON_LOGITS,
    probe: 'out, y',
    line: 5,
  },
];

describe('findings cache invalidation by module-level names a statement reads', () => {
  for (const { name, text, change, rule, probe, line } of cases) {
    describe(name, () => {
      const { text: after, range } = edit(text, change[0], change[1]);
      const lossLine = line;
      const lossOffset = after.indexOf(probe) + 1;

      it('analyzePython drops the finding once the definition changes', () => {
        assert.deepEqual(rules(analyzePython(text), rule), [lossLine]);
        assert.deepEqual(rules(analyzePython(after), rule), []);
        assert.deepEqual(rules(analyzePython(text), rule), [lossLine]);
      });

      it('the incremental path (analyzeAt, analyzeParsed) drops it too', () => {
        const first = parsePython(text);
        assert.deepEqual(rules(analyzeAt(first, text.indexOf(probe) + 1), rule), [lossLine]);
        assert.deepEqual(rules(analyzeParsed(first), rule), [lossLine]);
        const second = parsePython(after, first, [range]);
        assert.deepEqual(rules(analyzeAt(second, lossOffset), rule), []);
        assert.deepEqual(rules(analyzeParsed(second), rule), []);
        const back = edit(after, change[1], change[0]);
        const third = parsePython(back.text, second, [back.range]);
        assert.deepEqual(rules(analyzeAt(third, text.indexOf(probe) + 1), rule), [lossLine]);
      });
    });
  }
});
