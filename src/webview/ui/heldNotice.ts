/** Next to a text area: the held text its typing or paste replaced (heldUndo.ts), with the Restore that brings it back. */
import { h } from './dom';
import { heldSize } from './heldText';

/** The notice's live region, there (empty) from the start: what appears in it is announced. */
export function heldNotice(areaId: string): HTMLElement {
  return h('div', { id: `${areaId}-replaced`, class: 'held-notice', role: 'status', 'aria-live': 'polite' });
}

/** Says that `text` was replaced, with a Restore button calling `restore`; empties the notice when undefined. */
export function showHeldNotice(notice: HTMLElement, text: string | undefined, restore: () => void): void {
  if (text === undefined) {
    notice.replaceChildren();
    return;
  }
  const size = heldSize(text);
  const button = h(
    'button',
    { type: 'button', class: 'link', 'aria-label': `Restore the pasted ${size} text` },
    'Restore',
  );
  button.addEventListener('click', restore);
  notice.replaceChildren(
    `Replaced the pasted ${size} text — `,
    button,
    ' (or Ctrl+Z in the box). Kept until you change another input.',
  );
}
