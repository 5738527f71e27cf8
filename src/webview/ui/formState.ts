/** State → form controls: the whole form after a change, or just the ε pair on a slider step. */

import { isPlaygroundConvention, playgroundFamily } from '../../core/playground/conventions';
import { isBinaryLoss, type PlaygroundState } from '../../core/playground/state';
import { NUMBER_CONTROLS, SELECT_CONTROLS, TEXT_CONTROLS } from './controls';

/** Sets a control's value unless the user is typing in it (or it already holds it). */
function setControl(id: string, value: string): void {
  const el = document.getElementById(id) as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null;
  if (el && document.activeElement !== el && el.value !== value) el.value = value;
}

/** Writes state into the controls, leaving alone the one being typed in (its text is already the state). */
export function writeForm(state: PlaygroundState): void {
  for (const c of TEXT_CONTROLS) setControl(c.id, state[c.key]);
  for (const c of SELECT_CONTROLS) setControl(c.id, state[c.key]);
  for (const c of NUMBER_CONTROLS) setControl(c.id, String(state[c.key]));
  writeEpsilon(state);
  markOptions(state);
}

/** An ε step touches only the two ε controls (reading a pasted megabyte textarea's value is not free). */
export function writeEpsilon(state: PlaygroundState): void {
  setControl('epsilon-input', String(state.epsilon));
  setControl('epsilon-slider', String(state.epsilon));
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
