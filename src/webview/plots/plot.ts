/** What every plot gets to draw, and what it offers: a full draw and the O(N) ε fast path. */
import type { PlaygroundResult } from '../../core/playground/compute';
import type { ModelPoint } from '../../core/playground/model';
import type { PlotPartName } from '../../core/playground/parts';
import type { PlaygroundState } from '../../core/playground/state';
import { h } from '../ui/dom';
import type { Theme } from './theme';

export interface View {
  state: PlaygroundState;
  /** Holds the loss part, the model and the parts the plot `needs` (the rest may not have come yet). */
  result: PlaygroundResult;
  /** The model at state.epsilon. */
  point: ModelPoint;
  theme: Theme;
}

export interface Plot {
  readonly id: string;
  /** The result's parts it reads besides the loss part and the model: it is drawn once they are in. */
  readonly needs: readonly PlotPartName[];
  readonly figure: HTMLElement;
  readonly canvas: HTMLCanvasElement;
  draw(view: View): void;
  moveEpsilon(view: View): void;
}

/** A labelled figure: caption, canvas (role img, labelled by the text summary), and the summary in words. */
export function figure(
  id: string,
  caption: string,
): { figure: HTMLElement; canvas: HTMLCanvasElement; summary: HTMLElement } {
  const summary = h('p', { id: `${id}-summary`, class: 'summary' });
  const canvas = h('canvas', {
    id: `${id}-canvas`,
    role: 'img',
    'aria-labelledby': `${id}-caption ${id}-summary`,
  });
  const fig = h(
    'figure',
    { id, class: 'plot' },
    h('figcaption', { id: `${id}-caption` }, caption),
    h('div', { class: 'canvas-box' }, canvas),
    summary,
  );
  return { figure: fig, canvas, summary };
}

export const fmt = (x: number, digits = 4): string => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
