// A number box's text is checked before it reaches the state: a refusal is said, never silently dropped (the ε box
// showed "5" while the loss was for the previous ε).
import { strict as assert } from 'node:assert';
import { checkNumber } from '../../src/webview/ui/numberCheck';

const EPSILON = { min: 0, max: 1, integer: false };
const BINS = { min: 2, max: 50, integer: true };

describe('playground number boxes', () => {
  it('sends a value in range', () => {
    assert.deepEqual(checkNumber('0.5', EPSILON), { value: 0.5 });
    assert.deepEqual(checkNumber(' 1 ', EPSILON), { value: 1 });
    assert.deepEqual(checkNumber('12', BINS), { value: 12 });
  });

  it('says nothing while the text is not a number yet (the browser gives "" for "0.")', () => {
    assert.deepEqual(checkNumber('', EPSILON), {});
  });

  it('refuses out of range, fractional counts and non-numbers with the rule and what is used instead', () => {
    assert.deepEqual(checkNumber('5', EPSILON), {
      refused: '5 is out of range: from 0 to 1; the last valid value is used',
    });
    assert.match((checkNumber('-0.1', EPSILON) as { refused: string }).refused, /from 0 to 1/);
    assert.match((checkNumber('2.5', BINS) as { refused: string }).refused, /not a whole number/);
    assert.match((checkNumber('1e999', EPSILON) as { refused: string }).refused, /not a number/);
    assert.match((checkNumber('-5', { min: 0, integer: true }) as { refused: string }).refused, /at least 0/);
  });
});
