/** State → form controls: the whole form after a change, or just the ε pair on a slider step. */

import { isPlaygroundConvention, playgroundFamily } from '../../core/playground/conventions';
import { isBinaryLoss, type PlaygroundState } from '../../core/playground/state';
import { NUMBER_CONTROLS, SELECT_CONTROLS, TEXT_CONTROLS } from './controls';
import { fieldText, showText } from './heldText';
import { showNumberRefusal } from './numberCheck';

/**
 * Sets a control's value unless it is `source`, the control whose own event made this change (its text is the
 * state already, perhaps half typed: "0." must not become "0"). Which control has focus is no guide: a click on
 * the slider changes its value before focus leaves the number box.
 */
function setControl(id: string, value: string, source: Element | undefined): void {
  const el = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  if (!el || el === source || el.value === value) return;
  el.value = value;
  // A number box showing the state again no longer holds the text it refused.
  if (el instanceof HTMLInputElement && el.type === 'number') showNumberRefusal(el, undefined);
}

/** A text area shows the state's text (or holds it, when too long to show) unless it is `source`. */
function setText(id: string, text: string, source: Element | undefined): void {
  const area = document.getElementById(id) as HTMLTextAreaElement | null;
  if (area && area !== source && fieldText(area) !== text) showText(area, text);
}

/** Writes state into every control but `source`, the one the change came from (none for seeds and restores). */
export function writeForm(state: PlaygroundState, source?: Element): void {
  for (const c of TEXT_CONTROLS) setText(c.id, state[c.key], source);
  for (const c of SELECT_CONTROLS) setControl(c.id, state[c.key], source);
  for (const c of NUMBER_CONTROLS) setControl(c.id, String(state[c.key]), source);
  writeEpsilon(state, source);
  markOptions(state);
}

/** An ε step touches only the two ε controls (reading a pasted megabyte textarea's value is not free). */
export function writeEpsilon(state: PlaygroundState, source?: Element): void {
  setControl('epsilon-input', String(state.epsilon), source);
  setControl('epsilon-slider', String(state.epsilon), source);
}

/** Conventions of the other family and 'batchmean' outside KL are shown but disabled, with the reason in the label. */
function markOptions(state: PlaygroundState): void {
  const binary = isBinaryLoss(state.loss);
  for (const option of document.querySelectorAll<HTMLOptionElement>('#convention-select option')) {
    option.disabled =
      isPlaygroundConvention(option.value) && (playgroundFamily(option.value) === 'binary') !== binary;
  }
  for (const id of ['prior-source-select', 'prior-input']) {
    const field = document.getElementById(id)?.closest<HTMLElement>('.field');
    if (field) field.hidden = state.convention !== 'prior';
  }
  const batchmean = document.querySelector<HTMLOptionElement>('#reduction-select option[value="batchmean"]');
  if (batchmean) batchmean.disabled = state.loss !== 'kl_div';
}
