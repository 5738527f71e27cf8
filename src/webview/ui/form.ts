/** The inputs and controls, built from their declarations (controls.ts) into labelled native controls. */
import { type FieldError, type FieldName, textLimitError } from '../../core/playground/prepare';
import type { PlaygroundAction } from '../../core/playground/reducer';
import { findSample, SAMPLES } from '../../core/playground/samples';
import {
  NUMBER_CONTROLS,
  type NumberControl,
  SELECT_CONTROLS,
  type SelectControl,
  TEXT_CONTROLS,
  type TextControl,
} from './controls';
import { h, optionList } from './dom';
import { heldNotice, showHeldNotice } from './heldNotice';
import type { HeldUndo } from './heldUndo';
import { checkNumber, showNumberRefusal } from './numberCheck';
import { textEdits } from './textEdits';

/** `source`: the control the action comes from (form.ts passes its own element). */
type Dispatch = (action: PlaygroundAction, source?: Element) => void;

const labelled = (id: string, label: string, control: HTMLElement, ...after: HTMLElement[]): HTMLElement =>
  h('div', { class: 'field' }, h('label', { for: id }, label), control, ...after);

function textControl(c: TextControl, inputs: TextInputs): HTMLElement {
  const hintId = `${c.id}-hint`;
  const notice = heldNotice(c.id);
  const area = h('textarea', {
    id: c.id,
    rows: c.rows,
    spellcheck: false,
    'aria-describedby': `${hintId} ${notice.id} error-${c.field}`,
  });
  const changed = (text: string) => {
    const refused = textLimitError(c.field, text);
    inputs.refuseText(c.field, refused);
    // The prior is not data: typing it keeps generated (synthetic) logits and targets.
    const synthetic = c.field === 'prior' ? {} : { synthetic: null };
    if (!refused) inputs.dispatch({ type: 'patch', patch: { [c.key]: text, ...synthetic } }, area);
  };
  const edits = textEdits(area, c.id, inputs.held, changed);
  area.addEventListener('input', (e) => edits.input(e instanceof InputEvent ? e.inputType : ''));
  // A paste too long to show never enters the area (see heldText.ts).
  area.addEventListener('paste', (e) => {
    const clip = e.clipboardData?.getData('text/plain') ?? '';
    if (edits.paste(clip, area.selectionStart, area.selectionEnd)) e.preventDefault();
  });
  area.addEventListener('keydown', (e) => {
    if (!edits.key(e)) return;
    e.preventDefault();
    e.stopPropagation();
  });
  const restore = () => {
    // The button goes with the notice: the focus goes back to the box.
    if (edits.restore()) area.focus();
  };
  inputs.held.watch((kept) => showHeldNotice(notice, kept?.id === c.id ? kept.text : undefined, restore));
  const error = h('div', {
    id: `error-${c.field}`,
    class: 'field-error',
    role: 'status',
    'aria-live': 'polite',
  });
  const note = h('div', { id: `note-${c.field}`, class: 'hint' });
  return labelled(c.id, c.label, area, notice, h('div', { id: hintId, class: 'hint' }, c.hint), note, error);
}

function selectControl(c: SelectControl, dispatch: Dispatch): HTMLElement {
  const select = h('select', { id: c.id });
  optionList(select, c.options);
  select.addEventListener('change', () =>
    dispatch({ type: 'patch', patch: { [c.key]: select.value } }, select),
  );
  return labelled(c.id, c.label, select);
}

function numberControl(c: NumberControl, dispatch: Dispatch): HTMLElement {
  const input = h('input', { id: c.id, type: 'number', min: c.min, max: c.max, step: c.step });
  const rule = { min: c.min, ...(c.max === undefined ? {} : { max: c.max }), integer: c.step === '1' };
  const read = () => {
    const checked = checkNumber(input.value, rule);
    showNumberRefusal(input, 'refused' in checked ? checked.refused : undefined);
    if ('value' in checked) dispatch({ type: 'patch', patch: { [c.key]: checked.value } }, input);
  };
  input.addEventListener('input', read);
  input.addEventListener('change', read);
  return labelled(c.id, c.label, input, numberError(c.id));
}

/** Where a number box says why the state did not take its text. */
const numberError = (id: string): HTMLElement =>
  h('div', { id: `${id}-error`, class: 'field-error', role: 'status', 'aria-live': 'polite' });

/** ε: a slider and an exact number input, both keyboard-operable, kept in step. */
function epsilonControl(dispatch: Dispatch): HTMLElement {
  const slider = h('input', {
    id: 'epsilon-slider',
    type: 'range',
    min: 0,
    max: 1,
    step: 0.001,
    'aria-label': 'ε (smoothing), slider',
  });
  const exact = h('input', { id: 'epsilon-input', type: 'number', min: 0, max: 1, step: 0.01 });
  const send = (from: HTMLInputElement) => {
    const checked = checkNumber(from.value, { min: 0, max: 1, integer: false });
    if (from === exact) showNumberRefusal(exact, 'refused' in checked ? checked.refused : undefined);
    if ('value' in checked) dispatch({ type: 'patch', patch: { epsilon: checked.value } }, from);
  };
  slider.addEventListener('input', () => send(slider));
  exact.addEventListener('input', () => send(exact));
  exact.addEventListener('change', () => send(exact));
  return labelled('epsilon-input', 'ε (smoothing amount, 0–1)', exact, slider, numberError('epsilon-input'));
}

function sampleControl(dispatch: Dispatch): HTMLElement {
  const select = h('select', { id: 'sample-select' });
  optionList(select, [['', 'Load an example…'], ...SAMPLES.map((s): [string, string] => [s.id, s.label])]);
  select.addEventListener('change', () => {
    const sample = findSample(select.value);
    if (sample) dispatch({ type: 'sample', id: sample.id });
    select.value = '';
  });
  return labelled('sample-select', 'Examples', select);
}

/** Where typed text goes: into the state, or refused on its field when the state cannot hold it. */
export interface TextInputs {
  dispatch: Dispatch;
  refuseText: (field: FieldName, error: FieldError | undefined) => void;
  /** The held text a person's typing or paste replaced, until restored or committed. */
  held: HeldUndo;
}

export function buildInputs(inputs: TextInputs): HTMLElement {
  return h(
    'div',
    { class: 'inputs' },
    sampleControl(inputs.dispatch),
    ...TEXT_CONTROLS.map((c) => textControl(c, inputs)),
  );
}

export function buildControls(dispatch: Dispatch): HTMLElement {
  const [loss, kind, convention, priorSource, reduction] = SELECT_CONTROLS.map((c) =>
    selectControl(c, dispatch),
  ) as HTMLElement[];
  const numbers = NUMBER_CONTROLS.map((c) => numberControl(c, dispatch));
  return h(
    'div',
    { class: 'controls' },
    loss!,
    kind!,
    convention!,
    priorSource!,
    epsilonControl(dispatch),
    reduction!,
    ...numbers,
  );
}
