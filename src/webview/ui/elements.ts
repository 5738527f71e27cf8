/**
 * The only module that touches @vscode-elements/elements (the maintained successor of the deprecated
 * @vscode/webview-ui-toolkit). Text fields, selects and sliders stay native for robust keyboard, form and
 * automation behaviour; buttons, sections and the busy ring come from here.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-collapsible/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { type Child, custom } from './dom';

export function button(id: string, label: string, onClick: () => void, secondary = true): HTMLElement {
  const el = custom('vscode-button', { id, secondary });
  el.textContent = label;
  el.addEventListener('click', onClick);
  return el;
}

export function section(id: string, heading: string, ...body: Child[]): HTMLElement {
  return custom('vscode-collapsible', { id, heading, open: true }, ...body);
}

export function busyRing(id: string): HTMLElement {
  return custom('vscode-progress-ring', { id, 'aria-label': 'computing', hidden: true });
}
