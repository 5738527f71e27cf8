import { strict as assert } from 'node:assert';
import {
  fieldText,
  HELD_TEXT_LENGTH,
  heldSummary,
  pastedText,
  showText,
  type TextBox,
  takeInput,
} from '../../src/webview/ui/heldText';

/** What a text area keeps of its own. */
class Box implements TextBox {
  placeholder = '';
  value = '';
}

const rows = (n: number) => `[${Array.from({ length: n }, (_, r) => `[${r}.25, -1.5, 3]`).join(',\n')}]`;
const huge = rows(20_000);

describe('texts too long for their text area', () => {
  it('are held, not shown: the area stays empty and its placeholder says what it holds', () => {
    assert.ok(huge.length > HELD_TEXT_LENGTH);
    const box = new Box();
    showText(box, huge);
    assert.equal(box.value, '');
    assert.equal(fieldText(box), huge);
    assert.match(
      box.placeholder,
      /^0\.4 MB of text \([\d,]+ characters\) kept, not shown: .* It starts \[\[0\.25, -1\.5, 3\], \[1\.25/,
    );
  });

  it('shows a text up to the limit as it is, and clears a summary it showed', () => {
    const box = new Box();
    showText(box, huge);
    const short = rows(3);
    showText(box, short);
    assert.equal(box.value, short);
    assert.equal(box.placeholder, '');
    assert.equal(fieldText(box), short);
    const edge = 'x'.repeat(HELD_TEXT_LENGTH);
    showText(box, edge);
    assert.equal(box.value, edge);
  });

  it('moves a long text put in the area (dropped, set by a script) out of it at its input event', () => {
    const box = new Box();
    box.value = huge;
    assert.equal(takeInput(box), huge);
    assert.equal(box.value, '');
    assert.equal(fieldText(box), huge);
  });

  it('keeps the held text through input events that leave the area empty (Chromium fires more than one)', () => {
    const box = new Box();
    box.value = huge;
    takeInput(box);
    assert.equal(takeInput(box), huge);
    assert.equal(takeInput(box), huge);
    assert.equal(box.value, '');
    assert.equal(fieldText(box), huge);
  });

  it('replaces the held text with what is typed or pasted in the empty area', () => {
    const box = new Box();
    showText(box, huge);
    box.value = '[1, 2]';
    assert.equal(takeInput(box), '[1, 2]');
    assert.equal(fieldText(box), '[1, 2]');
    assert.equal(box.placeholder, '');
    showText(box, huge);
    assert.equal(pastedText(box, '[[3, 4]]', 0, 0), '[[3, 4]]');
  });

  it('splices a paste into the selection of a shown text', () => {
    const box = new Box();
    showText(box, '[[1, 2], [3, 4]]');
    assert.equal(pastedText(box, huge, 1, 7), `[${huge}, [3, 4]]`);
  });

  it('summarises a text on one line, whatever its line breaks', () => {
    assert.match(heldSummary('a\r\nb\n\nc'), /\(7 characters\).* It starts a b c…/);
  });

  it('takes a paste over the whole shown text as it is', () => {
    const box = new Box();
    showText(box, '[1, 2]');
    assert.equal(pastedText(box, huge, 0, 6), huge);
  });
});
