import { strict as assert } from 'node:assert';
import { computePlayground } from '../../src/core/playground/compute';
import { DEFAULT_STATE, type PlaygroundState } from '../../src/core/playground/state';
import { elementPosition } from '../../src/core/playground/targetCheck';

const errorsFor = (targetsText: string, patch: Partial<PlaygroundState> = {}) => {
  const logitsText = '[[0.0, 0.2, 0.7], [0.0, 0.9, 0.2], [1.0, 0.2, 0.7]]';
  const state = { ...DEFAULT_STATE, logitsText, targetsText, synthetic: null, weightText: '', ...patch };
  const result = computePlayground(state);
  return result.ok ? [] : result.errors;
};

describe('playground: target errors at the bad element', () => {
  it('finds the element in torch, multi-line and quoted text (dtypes and devices are not elements)', () => {
    assert.deepEqual(elementPosition('[2, 7, 0]', 1, 3), { line: 1, column: 5 });
    assert.deepEqual(
      elementPosition("tensor([2,\n        7, 0], dtype=torch.int64, device='cuda:0')", 1, 3),
      {
        line: 2,
        column: 9,
      },
    );
    assert.deepEqual(elementPosition('[2, 7]', 1, 3), { line: 1, column: 1 }, 'counts disagree: the field');
  });

  it('names the value and its element, out of range or not an integer', () => {
    assert.deepEqual(errorsFor('[2, 7, 0]'), [
      {
        field: 'targets',
        line: 1,
        column: 5,
        message: 'target 7 (element 2) is not a class in [0, 3) nor ignore_index -100',
      },
    ]);
    assert.deepEqual(errorsFor('[2.5, 1, 0]'), [
      {
        field: 'targets',
        line: 1,
        column: 2,
        message: 'target 2.5 (element 1) is not an integer class index',
      },
    ]);
    assert.deepEqual(errorsFor('[2, -100, 0]'), [], 'ignore_index is allowed');
    assert.equal(errorsFor('[2, 5, 0]', { ignoreIndex: 5 }).length, 0);
  });
});
