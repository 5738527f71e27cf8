import * as assert from 'node:assert/strict';
import { compareConventions, explainFinding, resolve, seedFromFinding } from '../../src/core/explain';
import { isPlaygroundSeed } from '../../src/core/playground/seed';
import { lossFinding, pitfallFinding } from './support/findings';

const LINKS = {
  openPlayground: 'lossLens.openPlayground',
  compareConventions: 'lossLens.compareConventions',
};
const full = { detail: 'full', defaultEpsilon: 0.1, links: LINKS } as const;

function linkArgs(markdown: string, command: string): unknown {
  const match = new RegExp(`\\(command:${command.replace('.', '\\.')}\\?([^)]*)\\)`).exec(markdown);
  assert.ok(match, `no link to ${command}`);
  return JSON.parse(decodeURIComponent(match[1]!));
}

describe('explain/explainFinding', () => {
  it("shows seed 002's uniform targets and logit gap for K = 3, ε = 0.1", () => {
    const text = explainFinding(lossFinding(), full);
    for (const n of ['0.9333', '0.03333', '3.3322']) assert.ok(text.includes(n), n);
    assert.doesNotMatch(text, /Convention:/, 'the full form states the convention once, in the first line');
    assert.match(text, /```python\nnn\.CrossEntropyLoss\(label_smoothing=0\.1\)\n```/);
  });

  it("shows seed 001's K−1 targets 0.95 / 0.0125 and the effective uniform ε", () => {
    const finding = lossFinding({
      convention: 'k_minus_1',
      epsilon: 0.05,
      details: { lossKind: 'custom', classes: 5 },
    });
    const text = explainFinding(finding, full);
    for (const n of ['0.95', '0.0125', '0.0625']) assert.ok(text.includes(n), n);
  });

  it('uses K = 5 and the default ε when the code fixes neither, and says so', () => {
    const text = explainFinding(lossFinding({ epsilon: null, details: { lossKind: 'custom' } }), {
      ...full,
      defaultEpsilon: 0.2,
    });
    assert.match(text, /K = 5, an example; ε = 0\.2, the default/);
    assert.match(text, /defaultEpsilon/);
  });

  it('tables binary and batch max+1 targets per t', () => {
    const text = explainFinding(lossFinding({ convention: 'batch_max_plus_1', epsilon: 0.1 }), full);
    assert.match(text, /all-zero batch \| — \| 0\.1 \|/);
    assert.match(text, /batch holds a 1 \| 0\.95 \| 0\.05 \|/);
  });

  it('escapes everything taken from the code', () => {
    const evil = '[x](command:workbench.action.terminal.new)';
    const text = explainFinding(
      lossFinding({ symbol: `a\`${evil}`, message: evil, epsilonParam: evil }),
      full,
    );
    const outsideCode = text.replace(/(`+)[\s\S]*?\1/g, '');
    const links = outsideCode.match(/\]\(command:[^)?]*/g) ?? [];
    assert.deepEqual([...new Set(links)].sort(), [
      '](command:lossLens.compareConventions',
      '](command:lossLens.openPlayground',
    ]);
  });

  it('links to the playground with a seed it accepts and to the comparison with ε and K', () => {
    const text = explainFinding(
      lossFinding({ details: { lossKind: 'cross_entropy', classes: 3, reduction: 'sum' } }),
      full,
    );
    const [seed] = linkArgs(text, LINKS.openPlayground) as unknown[];
    assert.ok(isPlaygroundSeed(seed));
    assert.deepEqual(seed, {
      loss: 'cross_entropy',
      convention: 'uniform',
      epsilon: 0.1,
      classes: 3,
      reduction: 'sum',
    });
    assert.deepEqual(linkArgs(text, LINKS.compareConventions), [
      { epsilon: 0.1, classes: 3, convention: 'uniform' },
    ]);
  });

  it('has no links without command ids (plain documents)', () => {
    assert.doesNotMatch(explainFinding(lossFinding(), { detail: 'full', defaultEpsilon: 0.1 }), /command:/);
  });

  it('keeps the brief form to convention, torch call and pitfalls', () => {
    const text = explainFinding(lossFinding(), { ...full, detail: 'brief', related: [pitfallFinding()] });
    assert.doesNotMatch(text, /Smoothed target|Computes/);
    assert.match(text, /Torch equivalent:\*\* `nn\.CrossEntropyLoss/);
    assert.match(text, /softmax-into-cross-entropy/);
  });

  it('lists the pitfalls at a loss with their quick fix', () => {
    const fix = { title: 'Pass logits', edits: [] };
    const text = explainFinding(lossFinding(), { ...full, related: [pitfallFinding({ fix })] });
    assert.match(text, /Pitfalls here\*\*\n\n- `softmax-into-cross-entropy` .* Quick fix: Pass logits\./);
  });

  it('gives a pitfall no command links', () => {
    assert.doesNotMatch(explainFinding(pitfallFinding(), full), /command:/);
  });

  it('explains torch semantics for the options used', () => {
    const weighted = lossFinding({
      convention: 'uniform',
      details: { lossKind: 'cross_entropy', weight: true, labelSmoothing: 0.1 },
    });
    const weightedText = explainFinding(weighted, full);
    assert.match(weightedText, /divides by Σ w\[y_i\]/);
    assert.match(weightedText, /weighted per class too/);
    assert.doesNotMatch(weightedText, /ignore_index/, 'ignore_index is not passed');
    const kl = explainFinding(lossFinding({ convention: 'none', details: { lossKind: 'kl_div' } }), full);
    assert.match(kl, /batchmean/);
    const bce = explainFinding(
      lossFinding({ convention: 'none', details: { lossKind: 'binary_cross_entropy' } }),
      full,
    );
    assert.match(bce, /\[0, 1\]/);
  });

  it('notes when ε holds the confidence or is renormalised', () => {
    const finding = lossFinding({
      details: { lossKind: 'custom', epsilonIsConfidence: true, renormalised: true },
    });
    const text = explainFinding(finding, full);
    assert.match(text, /confidence 1 − ε/);
    assert.match(text, /effective ε differs/);
  });
});

describe('explain/seedFromFinding', () => {
  it('leaves out what the code does not fix and ε outside [0, 1]', () => {
    const finding = lossFinding({ epsilon: 1.5, convention: 'other', details: { lossKind: 'custom' } });
    const seed = seedFromFinding(finding, resolve(finding, 0.1));
    assert.ok(isPlaygroundSeed(seed));
    assert.deepEqual(JSON.parse(JSON.stringify(seed)), {});
  });
});

describe('explain/compareConventions', () => {
  const text = compareConventions({ epsilon: 0.1, classes: 3, current: 'k_minus_1' });

  it('gives every convention its targets at ε = 0.1, K = 3', () => {
    assert.match(text, /uniform ε\/K \| 0\.9333 \| 0\.03333 \| 3\.3322 \| `label_smoothing=0\.1` \|/);
    assert.match(text, /\*\*K−1\*\* \(this code\) \| 0\.9 \| 0\.05 \|/);
    assert.match(text, /binary α\/2 \| any \| 0\.95 \| 0\.05 \|/);
    assert.match(text, /all zeros \| — \| 0\.1 \|/);
  });

  it('states the ε conversions between K−1 and uniform', () => {
    assert.match(text, /K−1 with ε = 0\.1 ≡ uniform with ε·K\/\(K−1\) = 0\.15/);
    assert.match(text, /Uniform with ε = 0\.1 ≡ K−1 with ε·\(K−1\)\/K = 0\.06667/);
  });
});
