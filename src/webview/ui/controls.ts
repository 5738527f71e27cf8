/** The form's controls as data: id, state key, label and limits; form.ts builds them, formState.ts fills them. */

import { conventionLabel, PLAYGROUND_CONVENTIONS } from '../../core/playground/conventions';
import type { FieldName } from '../../core/playground/prepare';

type TextKey = 'logitsText' | 'targetsText' | 'weightText' | 'priorText';
type NumberKey = 'ignoreIndex' | 'temperature' | 'row' | 'bins';
type SelectKey = 'loss' | 'inputKind' | 'convention' | 'priorSource' | 'reduction';

export interface TextControl {
  id: string;
  key: TextKey;
  field: FieldName;
  label: string;
  hint: string;
  rows: number;
}
export interface SelectControl {
  id: string;
  key: SelectKey;
  label: string;
  options: [string, string][];
}
export interface NumberControl {
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
    hint: 'weight (C) for cross-entropy / NLL; broadcast weight for BCE; KL takes none',
  },
  {
    id: 'prior-input',
    key: 'priorText',
    field: 'prior',
    label: 'Prior π (prior convention)',
    rows: 1,
    hint: 'C probabilities summing to 1, or C class counts; unused when π comes from the targets',
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
    options: PLAYGROUND_CONVENTIONS.map((c) => [c, conventionLabel(c)]),
  },
  {
    id: 'prior-source-select',
    key: 'priorSource',
    label: 'Prior π from',
    options: [
      ['frequencies', 'the targets’ class frequencies'],
      ['vector', 'the pasted probabilities'],
      ['counts', 'the pasted class counts'],
    ],
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
