/** Parse and shape errors next to their field, with the position as a link that puts the caret there. */
import type { FieldError, FieldName, FieldNote } from '../../core/playground/prepare';
import { offsetOf } from '../textPosition';
import { h } from './dom';

const FIELDS: FieldName[] = ['logits', 'targets', 'weights', 'prior', 'options'];
const INPUT_OF: Partial<Record<FieldName, string>> = {
  logits: 'logits-input',
  targets: 'targets-input',
  weights: 'weights-input',
  prior: 'prior-input',
};

function goTo(inputId: string, error: FieldError): HTMLElement {
  const link = h('button', { type: 'button', class: 'link' }, `Line ${error.line}, column ${error.column}`);
  link.addEventListener('click', () => {
    const area = document.getElementById(inputId) as HTMLTextAreaElement | null;
    if (!area) return;
    const at = offsetOf(area.value, error.line, error.column);
    area.focus();
    area.setSelectionRange(at, Math.min(at + 1, area.value.length));
  });
  return link;
}

export function showErrors(errors: FieldError[]): void {
  for (const field of FIELDS) {
    const box = document.getElementById(`error-${field}`);
    const mine = errors.filter((e) => e.field === field);
    const inputId = INPUT_OF[field];
    box?.replaceChildren(
      ...mine.map((e) => h('div', {}, ...(inputId ? [goTo(inputId, e), ': '] : []), e.message)),
    );
    if (inputId) document.getElementById(inputId)?.setAttribute('aria-invalid', String(mine.length > 0));
  }
}

/** How a text was read where that is not plain data (a header row, a pandas index column), under its field. */
export function showNotes(notes: FieldNote[]): void {
  for (const field of FIELDS) {
    const mine = notes.filter((n) => n.field === field);
    document.getElementById(`note-${field}`)?.replaceChildren(...mine.map((n) => h('div', {}, n.message)));
  }
}
