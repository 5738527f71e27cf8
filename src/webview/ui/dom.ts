/** A minimal element builder; the webview's markup is code, so ids and their handlers live side by side. */
export type Attrs = Record<string, string | number | boolean | undefined>;
export type Child = Node | string;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  return withAttrs(document.createElement(tag), attrs, children);
}

/** Custom elements (e.g. vscode-button) by tag name. */
export function custom(tag: string, attrs: Attrs = {}, ...children: Child[]): HTMLElement {
  return withAttrs(document.createElement(tag), attrs, children);
}

function withAttrs<T extends HTMLElement>(el: T, attrs: Attrs, children: Child[]): T {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== undefined) el.setAttribute(name, String(value));
  }
  el.append(...children);
  return el;
}

export function byId<T extends HTMLElement>(id: string, type: { new (): T; prototype: T }): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`#${id} is missing or not a ${type.name}`);
  return el;
}

export function optionList(
  select: HTMLSelectElement,
  options: readonly (readonly [value: string, label: string])[],
): void {
  select.replaceChildren(...options.map(([value, label]) => h('option', { value }, label)));
}
