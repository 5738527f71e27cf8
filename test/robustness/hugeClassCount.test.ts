import * as assert from 'node:assert/strict';
import { AnalysisSession, type Finding } from '../../src/core/analysis';
import { compareConventions, exampleFinding, explainFinding } from '../../src/core/explain';
import { applySeed, isPlaygroundSeed, MAX_SEED_CLASSES } from '../../src/core/playground/seed';
import { DEFAULT_STATE } from '../../src/core/playground/state';
import { verifyCaseFor } from '../../src/extension/verify/case';

/** A K-1 loss class whose default class count is huge (the repro: 10^9, a V8 out-of-memory abort). */
const code = (classes: string) => `import torch
import torch.nn as nn

class LabelSmoothingLoss(nn.Module):
    def __init__(self, classes=${classes}, smoothing=0.1, dim=-1):
        super().__init__()
        self.confidence = 1.0 - smoothing
        self.smoothing = smoothing
        self.cls = classes
        self.dim = dim

    def forward(self, pred, target):
        pred = pred.log_softmax(dim=self.dim)
        with torch.no_grad():
            true_dist = torch.zeros_like(pred)
            true_dist.fill_(self.smoothing / (self.cls - 1))
            true_dist.scatter_(1, target.data.unsqueeze(1), self.confidence)
        return torch.mean(torch.sum(-true_dist * pred, dim=self.dim))
`;

function lossClass(classes: string): Finding {
  const found = new AnalysisSession({ cache: false })
    .analyzePython(code(classes))
    .find((f) => f.symbol === 'LabelSmoothingLoss');
  assert.ok(found);
  return found;
}

/** Past the longest array V8 can allocate (2^32 − 1): building one number per class throws instead of passing. */
const UNBUILDABLE = String(2 ** 40);
const LINKS = {
  openPlayground: 'lossLens.openPlayground',
  compareConventions: 'lossLens.compareConventions',
};

/** The arguments of the hover's command link named `label`. */
function linkArgs(markdown: string, label: string): unknown[] {
  const match = new RegExp(`\\[${label}\\]\\(command:[\\w.]+\\?([^)]+)\\)`).exec(markdown);
  assert.ok(match, `no ${label} link in\n${markdown}`);
  return JSON.parse(decodeURIComponent(match[1]!)) as unknown[];
}

describe('robustness: a huge class count from the code (issue 9 items 6 and 16)', () => {
  it("the analysis reports the code's K (the cases below are about it)", () => {
    assert.equal(lossClass('1000000000').details?.classes, 1e9);
    assert.equal(lossClass(UNBUILDABLE).details?.classes, 2 ** 40);
  });

  it('the hover shows the smoothed target of K = 2^40 by its columns, without a row of K numbers', () => {
    const md = explainFinding(lossClass(UNBUILDABLE), { detail: 'full', defaultEpsilon: 0.1, links: LINKS });
    assert.match(md, /K = 1099511627776; ε = 0\.1/);
    assert.match(md, /\| class 0 = y \(target\) \| class 1 \| class 2 \| … class 1099511627775 \|/);
    assert.match(md, /\| 0\.9 \| 9\.095e-14 \| 9\.095e-14 \| 9\.095e-14 \|/, 'ε/(K−1), exponent intact');
  });

  it("the hover's playground link carries K capped for its example, and says so", () => {
    const md = explainFinding(lossClass('1000000000'), { detail: 'full', defaultEpsilon: 0.1, links: LINKS });
    const [seed] = linkArgs(md, 'Open in playground');
    assert.ok(isPlaygroundSeed(seed), JSON.stringify(seed));
    assert.deepEqual(
      { classes: seed.classes, convention: seed.convention, epsilon: seed.epsilon },
      { classes: MAX_SEED_CLASSES, convention: 'k_minus_1', epsilon: 0.1 },
    );
    const state = applySeed(DEFAULT_STATE, seed);
    const firstRow = state.logitsText.split('\n')[0]!.match(/\d+(\.\d+)?/g);
    assert.equal(firstRow?.length, MAX_SEED_CLASSES, 'the example holds K logits a row');
    assert.match(md, /The playground opens with K = 1000 \\\(the code's K = 1000000000 is too many classes/);
  });

  it("the hover's Compare conventions link keeps the code's K; the comparison is built for any K", () => {
    const md = explainFinding(lossClass(UNBUILDABLE), { detail: 'full', defaultEpsilon: 0.1, links: LINKS });
    const [args] = linkArgs(md, 'Compare conventions') as [{ classes: number }];
    assert.equal(args.classes, 2 ** 40);
    const text = compareConventions({ epsilon: 0.1, classes: 2 ** 40, current: 'k_minus_1' });
    assert.match(text, /K = 1099511627776, ε = 0\.1/);
    assert.match(text, /\| \*\*K−1\*\* \(this code\) \| 0\.9 \| 9\.095e-14 \|/);
  });

  it('Verify with Python builds example logits with K capped, and says so', () => {
    const { finding, note } = exampleFinding(lossClass('1000000000'), 0.1);
    assert.equal(note, "K = 1000 (the code's K = 1000000000 is too many classes for example tensors)");
    const c = verifyCaseFor(finding, 0.1);
    assert.ok(c && Array.isArray(c.input[0]));
    assert.equal((c.input[0] as number[]).length, MAX_SEED_CLASSES);
    assert.deepEqual(exampleFinding(lossClass('10'), 0.1).note, null, 'a small K is used as it is');
  });
});
