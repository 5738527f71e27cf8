/** Parse and shape errors next to their field, with the position as a link that puts the caret there. */
import type { FieldError, FieldName } from '../../core/playground/prepare';
import { h } from './dom';

const FIELDS: FieldName[] = ['logits', 'targets', 'weights', 'options'];
const INPUT_OF: Partial<Record<FieldName, string>> = {
  logits: 'logits-input',
  targets: 'targets-input',
  weights: 'weights-input',
};

/** Offset of a 1-based line/column in text. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + column - 1, text.length);
}

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
