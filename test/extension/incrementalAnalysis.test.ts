import * as assert from 'node:assert/strict';
import { IncrementalAnalysis } from '../../src/extension/incrementalAnalysis';

const BEFORE = [
  'import torch.nn as nn',
  'import torch.nn.functional as F',
  '',
  'criterion = nn.CrossEntropyLoss(label_smoothing=0.1)',
  'probs = F.softmax(logits, dim=1)',
  'loss = criterion(probs, target)',
  '',
].join('\n');

/** Applies one edit (in the text as it is when the edit happens) and returns the new text with its range. */
function edit(text: string, from: number, to: number, insert: string) {
  return {
    text: text.slice(0, from) + insert + text.slice(to),
    range: { fromA: from, toA: to, fromB: from, toB: from + insert.length },
  };
}

describe('incremental analysis', () => {
  it('finds after a sequence of edits exactly what a full parse finds', () => {
    const engine = new IncrementalAnalysis();
    const reparse = engine.reparse.bind(engine);
    const analyze = engine.analyze.bind(engine);
    const first = edit(BEFORE, BEFORE.indexOf('0.1'), BEFORE.indexOf('0.1') + 3, '0.25');
    const second = edit(first.text, 0, 0, '# header\n');
    const previous = { parse: reparse(BEFORE), edits: [first.range, second.range] };
    const incremental = analyze(reparse(second.text, previous));
    assert.deepEqual(incremental, analyze(reparse(second.text)));
    assert.ok(incremental.some((f) => f.epsilon === 0.25));
    engine.dispose();
    assert.deepEqual(analyze(reparse(second.text, previous)), incremental);
  });
});
