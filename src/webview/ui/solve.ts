/** "Solve for ε": a printed loss in, every ε of each plotted convention that prints it out. */
import type { PlaygroundResult } from '../../core/playground/compute';
import { describeSolutions, solvePrinted } from '../../core/playground/solve';
import { parsePrinted } from '../../core/smoothing/printed';
import { h } from './dom';

export interface SolvePanel {
  readonly element: HTMLElement;
  /** Solve again against a new result (the inputs or options changed). */
  refresh(result: PlaygroundResult | undefined): void;
}

export function buildSolve(current: () => PlaygroundResult | undefined): SolvePanel {
  const input = h('input', {
    id: 'printed-input',
    type: 'text',
    spellcheck: false,
    placeholder: 'tensor(1.4178)',
    'aria-describedby': 'printed-hint solve-result',
  });
  const out = h('ul', { id: 'solve-result', class: 'solve', 'aria-live': 'polite' });
  const refresh = (result: PlaygroundResult | undefined) => {
    const text = input.value.trim();
    const printed = parsePrinted(text);
    const lines =
      text === ''
        ? []
        : !printed
          ? [`"${text}" is not a printed loss such as tensor(1.4178) or 1.4178`]
          : result
            ? describeSolutions(solvePrinted(result, printed), text)
            : ['waiting for a result'];
    out.replaceChildren(...lines.map((line) => h('li', {}, line)));
  };
  input.addEventListener('input', () => refresh(current()));
  const element = h(
    'div',
    { class: 'field solve-field' },
    h('label', { for: 'printed-input' }, 'Solve for ε: a printed loss'),
    input,
    h(
      'div',
      { id: 'printed-hint', class: 'hint' },
      'every ε in [0, 1] at which each convention, with these inputs and options, prints this value; the rounding is read from the digits shown',
    ),
    out,
  );
  return { element, refresh };
}
