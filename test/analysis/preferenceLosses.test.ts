// Preference losses of LLM alignment code: −log σ of a reward or log-ratio margin between two responses is no
// binary cross-entropy against the second response, while ±1 labels times the logits still are. Snippets written
// for this test.
import { strict as assert } from 'node:assert';
import { analyzePython, type Finding } from '../../src/core/analysis';

const HEAD = ['import torch', 'import torch.nn as nn', 'import torch.nn.functional as F', ''];

function findingOf(source: string[], symbol: string): Finding | undefined {
  return analyzePython([...HEAD, ...source].join('\n')).find(
    (f) => f.kind === 'loss' && f.symbol === symbol && !f.details?.definedAt,
  );
}

describe('preference losses', () => {
  it('−log σ(chosen − rejected) (a Bradley-Terry reward loss) states no BCE against the rejected reward', () => {
    const source = ['def reward_margin(good, bad):', '    return -F.logsigmoid(good - bad).mean()'];
    assert.equal(findingOf(source, 'reward_margin')?.details?.closestTorch, undefined);
    assert.equal(findingOf(source, 'reward_margin')?.torchEquivalent ?? null, null);
  });

  it('±1 labels times the logits under logsigmoid stay a hard-label BCE', () => {
    const source = ['def signed(scores, y):', '    return -F.logsigmoid(scores * (2 * y - 1)).mean()'];
    assert.equal(findingOf(source, 'signed')?.convention, 'none');
  });
});
