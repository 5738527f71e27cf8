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

function lineCount(text: string): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  return lines;
}

/**
 * Scrolls the text area so the 1-based line and column are in view: a textarea does not scroll to a selection set
 * from script. Lines do not wrap (`white-space: pre`), so the position is line × line height, column × char width.
 */
function scrollToPosition(area: HTMLTextAreaElement, line: number, column: number): void {
  const style = getComputedStyle(area);
  const fontSize = Number.parseFloat(style.fontSize) || 13;
  const padding = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom) || 0;
  const lineHeight = (area.scrollHeight - padding) / lineCount(area.value);
  const context = document.createElement('canvas').getContext('2d');
  if (context) context.font = `${style.fontSize} ${style.fontFamily}`;
  const charWidth = context?.measureText('0').width || fontSize * 0.6;
  area.scrollTop = Math.max(0, (line - 1) * lineHeight - area.clientHeight / 2);
  area.scrollLeft = Math.max(0, (column - 1) * charWidth - area.clientWidth / 2);
}

function goTo(inputId: string, error: FieldError): HTMLElement {
  const link = h('button', { type: 'button', class: 'link' }, `Line ${error.line}, column ${error.column}`);
  link.addEventListener('click', () => {
    const area = document.getElementById(inputId) as HTMLTextAreaElement | null;
    if (!area) return;
    const at = offsetOf(area.value, error.line, error.column);
    area.focus({ preventScroll: true });
    area.setSelectionRange(at, Math.min(at + 1, area.value.length));
    scrollToPosition(area, error.line, error.column);
    area.scrollIntoView({ block: 'nearest' });
  });
  return link;
}

export function showErrors(errors: readonly FieldError[]): void {
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
