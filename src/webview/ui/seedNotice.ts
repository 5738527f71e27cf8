/** After "Open in playground" replaced inputs: says which, with one button that brings the previous ones back. */
import { replacedInputs } from '../../core/playground/seed';
import type { PlaygroundState } from '../../core/playground/state';
import { h } from './dom';
import { button } from './elements';

export function buildSeedNotice(): HTMLElement {
  return h('div', { id: 'seed-notice', class: 'seed-notice', role: 'status', hidden: true });
}

export function hideSeedNotice(): void {
  const notice = document.getElementById('seed-notice');
  if (notice && !notice.hidden) {
    notice.hidden = true;
    notice.replaceChildren();
  }
}

/** Shown when `after` replaced inputs of `before`; `undo` restores `before` (one step). */
export function offerSeedUndo(before: PlaygroundState, after: PlaygroundState, undo: () => void): void {
  const replaced = replacedInputs(before, after);
  const notice = document.getElementById('seed-notice');
  if (!notice || replaced.length === 0) {
    hideSeedNotice();
    return;
  }
  const restore = button('seed-undo', 'Restore previous inputs', () => {
    hideSeedNotice();
    undo();
  });
  notice.replaceChildren(`Opened from the code: its example replaced the ${replaced.join(', ')}. `, restore);
  notice.hidden = false;
}
