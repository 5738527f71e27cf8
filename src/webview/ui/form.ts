/** The inputs and controls: declared once as data, built into labelled native controls, read and written here. */

import type { FieldName } from '../../core/playground/prepare';
import type { PlaygroundAction } from '../../core/playground/reducer';
import { findSample, SAMPLES } from '../../core/playground/samples';
import { isBinaryLoss, type PlaygroundState } from '../../core/playground/state';
import {
  CONVENTIONS,
  familyOf,
  isSmoothingConvention,
  SMOOTHING_CONVENTIONS,
} from '../../core/smoothing/conventions';
import { h, optionList } from './dom';

type Dispatch = (action: PlaygroundAction) => void;
type TextKey = 'logitsText' | 'targetsText' | 'weightText';
type NumberKey = 'ignoreIndex' | 'temperature' | 'row' | 'bins';
type SelectKey = 'loss' | 'inputKind' | 'convention' | 'reduction';

interface TextControl {
  id: string;
  key: TextKey;
  field: FieldName;
  label: string;
  hint: string;
  rows: number;
}
interface SelectControl {
  id: string;
  key: SelectKey;
  label: string;
  options: [string, string][];
}
interface NumberControl {
  id: string;
  key: NumberKey;
  label: string;
  min: number;
  max?: number;
  step: string;
}

export const TEXT_CONTROLS: TextControl[] = [
  {
    id: 'logits-input',
    key: 'logitsText',
    field: 'logits',
    label: 'Input tensor',
    rows: 6,
    hint: 'tensor([[…]]), array([…]), nested lists, CSV/TSV or whitespace table',
  },
  {
    id: 'targets-input',
    key: 'targetsText',
    field: 'targets',
    label: 'Targets',
    rows: 2,
    hint: 'class indices (N), one-hot or soft (N, C); 0/1 or soft values for binary losses',
  },
  {
    id: 'weights-input',
    key: 'weightText',
    field: 'weights',
    label: 'Class weights (optional)',
    rows: 1,
    hint: 'weight (C) for cross-entropy / NLL; broadcast weight for BCE',
  },
];

const LOSS_OPTIONS: [string, string][] = [
  ['cross_entropy', 'Cross-entropy (F.cross_entropy)'],
  ['nll_loss', 'NLL (F.nll_loss)'],
  ['binary_cross_entropy', 'BCE (F.binary_cross_entropy)'],
  ['binary_cross_entropy_with_logits', 'BCE with logits'],
  ['kl_div', 'KL divergence (F.kl_div)'],
];

export const SELECT_CONTROLS: SelectControl[] = [
  { id: 'loss-select', key: 'loss', label: 'Loss', options: LOSS_OPTIONS },
  {
    id: 'input-kind-select',
    key: 'inputKind',
    label: 'Input holds',
    options: [
      ['logits', 'logits'],
      ['probabilities', 'probabilities'],
      ['log_probabilities', 'log-probabilities'],
    ],
  },
  {
    id: 'convention-select',
    key: 'convention',
    label: 'Smoothing convention',
    options: SMOOTHING_CONVENTIONS.map((c) => [c, CONVENTIONS[c].label]),
  },
  {
    id: 'reduction-select',
    key: 'reduction',
    label: 'Reduction',
    options: [
      ['mean', 'mean'],
      ['sum', 'sum'],
      ['none', 'none'],
      ['batchmean', 'batchmean (KL only)'],
    ],
  },
];

export const NUMBER_CONTROLS: NumberControl[] = [
  { id: 'ignore-index-input', key: 'ignoreIndex', label: 'Ignore index', min: -1_000_000, step: '1' },
  {
    id: 'temperature-input',
    key: 'temperature',
    label: 'Temperature T (input ÷ T)',
    min: 0.001,
    max: 1000,
    step: '0.1',
  },
  { id: 'row-input', key: 'row', label: 'Row shown in plots', min: 0, step: '1' },
  { id: 'bins-input', key: 'bins', label: 'Reliability bins', min: 2, max: 50, step: '1' },
];

const labelled = (id: string, label: string, control: HTMLElement, ...after: HTMLElement[]): HTMLElement =>
  h('div', { class: 'field' }, h('label', { for: id }, label), control, ...after);

function textControl(c: TextControl, dispatch: Dispatch): HTMLElement {
  const hintId = `${c.id}-hint`;
  const area = h('textarea', {
    id: c.id,
    rows: c.rows,
    spellcheck: false,
    'aria-describedby': `${hintId} error-${c.field}`,
  });
  area.addEventListener('input', () =>
    dispatch({ type: 'patch', patch: { [c.key]: area.value, synthetic: null } }),
  );
  const error = h('div', {
    id: `error-${c.field}`,
    class: 'field-error',
    role: 'status',
    'aria-live': 'polite',
  });
  return labelled(c.id, c.label, area, h('div', { id: hintId, class: 'hint' }, c.hint), error);
}

function selectControl(c: SelectControl, dispatch: Dispatch): HTMLElement {
  const select = h('select', { id: c.id });
  optionList(select, c.options);
  select.addEventListener('change', () => dispatch({ type: 'patch', patch: { [c.key]: select.value } }));
  return labelled(c.id, c.label, select);
}

function numberControl(c: NumberControl, dispatch: Dispatch): HTMLElement {
  const input = h('input', { id: c.id, type: 'number', min: c.min, max: c.max, step: c.step });
  const read = () =>
    input.value.trim() !== '' && dispatch({ type: 'patch', patch: { [c.key]: Number(input.value) } });
  input.addEventListener('input', read);
  input.addEventListener('change', read);
  return labelled(c.id, c.label, input);
}

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
  const send = (value: string) => {
    const epsilon = Number(value);
    if (value.trim() !== '' && epsilon >= 0 && epsilon <= 1) dispatch({ type: 'patch', patch: { epsilon } });
  };
  slider.addEventListener('input', () => send(slider.value));
  exact.addEventListener('input', () => send(exact.value));
  exact.addEventListener('change', () => send(exact.value));
  return labelled('epsilon-input', 'ε (smoothing amount, 0–1)', exact, slider);
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

export function buildInputs(dispatch: Dispatch): HTMLElement {
  return h(
    'div',
    { class: 'inputs' },
    sampleControl(dispatch),
    ...TEXT_CONTROLS.map((c) => textControl(c, dispatch)),
  );
}

export function buildControls(dispatch: Dispatch): HTMLElement {
  const [loss, kind, convention, reduction] = SELECT_CONTROLS.map((c) =>
    selectControl(c, dispatch),
  ) as HTMLElement[];
  const numbers = NUMBER_CONTROLS.map((c) => numberControl(c, dispatch));
  return h(
    'div',
    { class: 'controls' },
    loss!,
    kind!,
    convention!,
    epsilonControl(dispatch),
    reduction!,
    ...numbers,
  );
}

/** Writes state into the controls, leaving alone the one being typed in (its text is already the state). */
export function writeForm(state: PlaygroundState): void {
  const set = (id: string, value: string) => {
    const el = document.getElementById(id) as
      | HTMLInputElement
      | HTMLTextAreaElement
      | HTMLSelectElement
      | null;
    if (el && el.value !== value && document.activeElement !== el) el.value = value;
  };
  for (const c of TEXT_CONTROLS) set(c.id, state[c.key]);
  for (const c of SELECT_CONTROLS) set(c.id, state[c.key]);
  for (const c of NUMBER_CONTROLS) set(c.id, String(state[c.key]));
  set('epsilon-input', String(state.epsilon));
  set('epsilon-slider', String(state.epsilon));
  markOptions(state);
}

/** Conventions of the other family and 'batchmean' outside KL are shown but disabled, with the reason in the label. */
function markOptions(state: PlaygroundState): void {
  const binary = isBinaryLoss(state.loss);
  for (const option of document.querySelectorAll<HTMLOptionElement>('#convention-select option')) {
    option.disabled = isSmoothingConvention(option.value) && (familyOf(option.value) === 'binary') !== binary;
  }
  const batchmean = document.querySelector<HTMLOptionElement>('#reduction-select option[value="batchmean"]');
  if (batchmean) batchmean.disabled = state.loss !== 'kl_div';
}
