/** The headline value, the action buttons and the copyable numbers table. */
import type { PlaygroundResult } from '../../core/playground/compute';
import { conventionLabel } from '../../core/playground/conventions';
import type { ModelPoint } from '../../core/playground/model';
import type { PartialResult } from '../../core/playground/parts';
import type { PlaygroundState } from '../../core/playground/state';
import { formatLoss, sampleHeader, sampleRows } from '../../core/playground/table';
import { convertEpsilon } from '../../core/smoothing';
import { h } from './dom';
import { busyRing, button } from './elements';

export interface OutputActions {
  copyTorch: () => void;
  exportCsv: () => void;
  copyTable: () => void;
}

export function buildOutputs(actions: OutputActions): HTMLElement {
  return h(
    'div',
    { class: 'outputs' },
    h(
      'div',
      { class: 'headline' },
      h('span', { id: 'loss-label' }, 'Loss'),
      h(
        'output',
        {
          id: 'loss-value',
          'aria-live': 'polite',
          'aria-labelledby': 'loss-label',
          for: 'logits-input targets-input',
        },
        '—',
      ),
      h('span', { id: 'loss-full', class: 'full' }),
      busyRing('busy'),
    ),
    h('div', { id: 'loss-note', class: 'hint' }),
    h('ul', { id: 'torch-notes', class: 'torch-notes', 'aria-live': 'polite' }),
    h('div', { id: 'error-options', class: 'field-error', role: 'status', 'aria-live': 'polite' }),
    h(
      'div',
      { class: 'actions' },
      button('copy-torch', 'Copy as PyTorch', actions.copyTorch, false),
      button('export-csv', 'Export CSV', actions.exportCsv),
      button('copy-table', 'Copy table', actions.copyTable),
    ),
  );
}

export function showHeadline(text: string, full: string, note: string, busy: boolean): void {
  document.getElementById('loss-value')!.textContent = text;
  document.getElementById('loss-full')!.textContent = full;
  document.getElementById('loss-note')!.textContent = note;
  document.getElementById('busy')!.hidden = !busy;
}

/** Where torch's call of the same name computes something else: one item per difference. */
export function showTorchNotes(notes: readonly string[]): void {
  const list = document.getElementById('torch-notes')!;
  if (list.textContent === notes.join('')) return;
  list.replaceChildren(...notes.map((n) => h('li', {}, n)));
}

/** Dims an element still showing the previous input's numbers. */
export function markStale(element: Element | null, stale: boolean): void {
  element?.classList.toggle('stale', stale);
}

/** Label/value pairs summarising the run; the table and "Copy table" both use them. */
export function summaryRows(state: PlaygroundState, result: PartialResult, value: number): string[][] {
  const rows = [
    ['loss', String(value)],
    ['shape', `${result.rows} × ${result.cols}`],
    ['convention', conventionLabel(state.convention)],
    ['ε', String(state.epsilon)],
  ];
  if (state.convention === 'k_minus_1') {
    rows.push([
      'same targets as uniform ε',
      String(convertEpsilon(state.epsilon, 'k_minus_1', 'uniform', result.cols)),
    ]);
  }
  if (result.prior) rows.push(['prior π', `[${result.prior.map((v) => formatLoss(v)).join(', ')}]`]);
  if (result.calibration) rows.push(['ECE', String(result.calibration.ece)]);
  return rows;
}

export const TABLE_ROWS_SHOWN = 50;

export function showTable(
  state: PlaygroundState,
  result: PartialResult & Pick<PlaygroundResult, 'table'>,
  point: ModelPoint,
  value: number,
): void {
  const cells = (row: string[], tag: 'td' | 'th') => h('tr', {}, ...row.map((c) => h(tag, {}, c)));
  const summary = summaryRows(state, result, value).map(([k, v]) =>
    h('tr', {}, h('th', { scope: 'row' }, k!), h('td', {}, v!)),
  );
  const samples = sampleRows(result, point, TABLE_ROWS_SHOWN).map((r) =>
    cells(
      r.map((c, i) => (i === 3 || i === 4 ? formatLoss(Number(c)) : c)),
      'td',
    ),
  );
  const more =
    result.rows > TABLE_ROWS_SHOWN
      ? [h('caption', {}, `first ${TABLE_ROWS_SHOWN} of ${result.rows} samples; Export CSV has all`)]
      : [];
  document.getElementById('numbers-summary')!.replaceChildren(...summary);
  document
    .getElementById('numbers-table')!
    .replaceChildren(...more, h('thead', {}, cells(sampleHeader(result), 'th')), h('tbody', {}, ...samples));
}
