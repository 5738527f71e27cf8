import { strict as assert } from 'node:assert';
import { computePlayground } from '../../src/core/playground/compute';
import { lerpArray } from '../../src/core/playground/model';
import { DEFAULT_STATE, type PlaygroundState } from '../../src/core/playground/state';
import { heatSummary } from '../../src/core/playground/views';

function summaryAt(state: PlaygroundState): string {
  const result = computePlayground(state);
  if (!result.ok) assert.fail(JSON.stringify(result.errors));
  const { at0, at1, extremes } = result.heat;
  const drawn = lerpArray(at0.values, at1.values, state.epsilon);
  return heatSummary(at0, result, drawn, extremes, state.epsilon);
}

describe('playground: the heatmap in words', () => {
  const base = {
    ...DEFAULT_STATE,
    synthetic: null,
    weightText: '',
    convention: 'uniform',
    epsilon: 0.1,
  } as const;

  it('at 1,000 classes says the cells are block averages and gives the targets’ true range (0.9001, not 0.1001)', () => {
    const row = `[${Array(1000).fill('0.0').join(', ')}]`;
    const text = summaryAt({ ...base, logitsText: `[${row}, ${row}]`, targetsText: '[3, 500]' });
    assert.match(text, /^2×1000 targets, drawn as 2×112 averages of 1×9 blocks \(0\.0001 to 0\.1001\)/);
    assert.match(text, /the targets themselves range from 0\.0001 to 0\.9001\.$/);
  });

  it('states the values as they are when every target is drawn, ignored rows included', () => {
    const logitsText = '[[0.0, 0.2, 0.7], [0.0, 0.9, 0.2], [1.0, 0.2, 0.7]]';
    assert.equal(
      summaryAt({ ...base, logitsText, targetsText: '[2, -100, 0]' }),
      '3×3 targets; values from 0.0000 to 0.9333.',
    );
  });
});
