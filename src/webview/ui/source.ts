/** Where the inputs came from (a paused debug session): label, notes such as rows cut, and a refresh button. */
import type { DataSource } from '../../core/protocol';
import { type Child, h } from './dom';
import { button } from './elements';

/** `a` spans of the host's text as code, the rest as plain text (never HTML). */
function withCode(text: string): Child[] {
  return text.split('`').map((part, i) => (i % 2 === 1 ? h('code', {}, part) : part));
}

export interface SourceBar {
  element: HTMLElement;
  show(source: DataSource | null): void;
}

export function buildSourceBar(onRefresh: () => void): SourceBar {
  const label = h('span', { id: 'data-source-label' });
  const notes = h('ul', { id: 'data-source-notes', class: 'hint' });
  const refresh = button('data-source-refresh', 'Refresh from debugger', onRefresh);
  const element = h(
    'div',
    { id: 'data-source', class: 'data-source', role: 'status', hidden: true },
    label,
    refresh,
    notes,
  );
  return {
    element,
    show(source) {
      element.hidden = source === null;
      label.replaceChildren(...withCode(source?.label ?? ''));
      notes.replaceChildren(...(source?.notes ?? []).map((n) => h('li', {}, ...withCode(n))));
      refresh.hidden = !source?.refreshable;
    },
  };
}
