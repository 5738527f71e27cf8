/**
 * Issue 9, item 8: a paste longer than the state holds (MAX_TEXT_LENGTH) was dropped silently by the reducer while
 * the text area showed it and the plots kept the old data. The field now refuses it at the first character past the
 * limit (the webview shows no result while such a refusal stands: PlaygroundApp.refuseText).
 */
import { strict as assert } from 'node:assert';
import { textLimitError } from '../../src/core/playground/prepare';
import { reduce } from '../../src/core/playground/reducer';
import { DEFAULT_STATE, MAX_TEXT_LENGTH } from '../../src/core/playground/state';

describe('robustness (issue 9): pastes over the text limit', function () {
  this.timeout(300_000); // 32 MB strings: slow only on a busy machine

  const line = `${'0.5, '.repeat(199_999)}0.5\n`;
  const huge = `[${line.repeat(Math.ceil(MAX_TEXT_LENGTH / line.length) + 1)}]`;

  it('the state cannot hold it: the reducer keeps the previous text', () => {
    assert.ok(huge.length > MAX_TEXT_LENGTH);
    const next = reduce(DEFAULT_STATE, { type: 'patch', patch: { logitsText: huge } });
    assert.equal(next.logitsText, DEFAULT_STATE.logitsText);
  });

  it('so the field refuses it visibly, at the first character past the limit', () => {
    const error = textLimitError('logits', huge);
    assert.ok(error);
    assert.equal(error.field, 'logits');
    const lineOfLimit = Math.floor(MAX_TEXT_LENGTH / line.length) + 1;
    assert.equal(error.line, lineOfLimit);
    assert.equal(error.column, MAX_TEXT_LENGTH - (lineOfLimit - 1) * line.length);
    assert.match(error.message, /more than the 32,000,000 the playground takes; nothing is computed from it/);
  });

  it('a text at the limit is taken', () => {
    assert.equal(textLimitError('targets', 'x'.repeat(MAX_TEXT_LENGTH)), undefined);
    assert.ok(textLimitError('targets', 'x'.repeat(MAX_TEXT_LENGTH + 1)));
  });
});
