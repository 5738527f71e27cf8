import * as assert from 'node:assert/strict';
import { analyzePython, type Finding, type Fix } from '../../src/core/analysis';
import { quickFixes } from '../../src/core/fixes';
import { LineIndex } from '../../src/core/fixes/text';

/** The text after applying `fix` (edits applied back to front). */
function apply(text: string, fix: Fix): string {
  const lines = new LineIndex(text);
  const spans = fix.edits.map((e) => ({ ...lines.span(e.range), newText: e.newText }));
  spans.sort((a, b) => b.from - a.from);
  return spans.reduce((t, e) => t.slice(0, e.from) + e.newText + t.slice(e.to), text);
}

function fixesFor(text: string, rule: string): Fix[] {
  const findings = analyzePython(text);
  const finding = findings.find((f: Finding) => f.rule === rule);
  assert.ok(finding, `a ${rule} finding`);
  return quickFixes(text, finding, findings);
}

const HEADER = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';

describe('quick fixes', () => {
  it('passes dim to log_softmax without one: dim=-1 first, dim=1 (what torch picks now) second', () => {
    const text = `${HEADER}\n\ndef f(logits):\n    return F.log_softmax(logits)\n`;
    const [classLast, channelsFirst, ...rest] = fixesFor(text, 'softmax-without-dim');
    assert.equal(rest.length, 0);
    assert.ok(apply(text, classLast!).includes('return F.log_softmax(logits, dim=-1)\n'));
    assert.ok(apply(text, channelsFirst!).includes('return F.log_softmax(logits, dim=1)\n'));
    const module = `${HEADER}act = nn.LogSoftmax()\n`;
    assert.ok(apply(module, fixesFor(module, 'softmax-without-dim')[0]!).includes('nn.LogSoftmax(dim=-1)'));
  });

  it('replaces max()+1 by 2 in a binary-target loss, and offers nothing for a multi-class one-hot', () => {
    const text = `${HEADER}
class BatchSmoothedBCE(nn.Module):
    def __init__(self, alpha):
        super().__init__()
        self.alpha = alpha

    def forward(self, probs, target):
        n = target.max().item() + 1
        target = target * (1 - self.alpha) + self.alpha / n
        return F.binary_cross_entropy(probs, target)
`;
    const [fix] = fixesFor(text, 'batch-max-class-count');
    assert.ok(fix, 'a fix in the binary case');
    assert.ok(apply(text, fix).includes('        n = 2\n'));
    const oneHot = `${HEADER}\ndef f(target):\n    return F.one_hot(target, target.max() + 1)\n`;
    assert.deepEqual(fixesFor(oneHot, 'batch-max-class-count'), []);
  });

  it('removes the softmax line the logits fix leaves unused, and keeps one still read', () => {
    const text = `${HEADER}\n\ndef f(logits, labels):\n    probs = F.softmax(logits, dim=-1)\n    return nn.CrossEntropyLoss()(probs, labels)\n`;
    const [fix] = fixesFor(text, 'softmax-into-cross-entropy');
    assert.equal(
      apply(text, fix!),
      `${HEADER}\n\ndef f(logits, labels):\n    return nn.CrossEntropyLoss()(logits, labels)\n`,
    );
    const used = text.replace('    return', '    print(probs)\n    return');
    assert.ok(apply(used, fixesFor(used, 'softmax-into-cross-entropy')[0]!).includes('probs = F.softmax'));
  });

  it('removes the Variable import with its last use, or only the name from a longer import', () => {
    const text = `${HEADER}from torch.autograd import Variable\n\n\ndef wrap(x):\n    return Variable(x)\n`;
    assert.equal(
      apply(text, fixesFor(text, 'deprecated-variable')[0]!),
      `${HEADER}\n\ndef wrap(x):\n    return x\n`,
    );
    const list = text.replace('import Variable', 'import Variable, grad');
    assert.ok(
      apply(list, fixesFor(list, 'deprecated-variable')[0]!).includes('from torch.autograd import grad\n'),
    );
    const twice = `${text}\n\ndef wrap2(x):\n    return Variable(x)\n`;
    assert.ok(apply(twice, fixesFor(twice, 'deprecated-variable')[0]!).includes('import Variable\n'));
  });

  it("writes literals in the file's quote style", () => {
    const double = `${HEADER}criterion = nn.KLDivLoss(reduction="mean")\nname = "kl"\n`;
    const [fix] = fixesFor(double, 'kl-div-mean-reduction');
    assert.ok(apply(double, fix!).includes('nn.KLDivLoss(reduction="batchmean")'), apply(double, fix!));
    assert.equal(fix!.title, 'Use reduction="batchmean"');
    const single = `${HEADER}criterion = nn.KLDivLoss(reduction='mean')\n`;
    assert.ok(apply(single, fixesFor(single, 'kl-div-mean-reduction')[0]!).includes("reduction='batchmean'"));
  });
});
