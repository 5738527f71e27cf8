import { strict as assert } from 'node:assert';
import { isSelectAll, type KeyChord, keepSelectAllLocal } from '../../src/webview/selectAllEcho';

type Listener = (e: KeyChord) => void;

/** A number box in a webview: the browser's own select-all, typing that replaces a selection. */
class FakeField {
  value = '0.1';
  private selected = false;
  selectAll(): void {
    this.selected = true;
  }
  type(char: string): void {
    this.value = this.selected ? char : this.value + char;
    this.selected = false;
  }
}

/**
 * A webview page in VS Code: a keydown bubbles through the document, then reaches the window, where VS Code
 * forwards it to the workbench; the workbench's select-all comes back later, when `answer` runs.
 */
class FakeWebview {
  readonly field = new FakeField();
  private readonly documentListeners: Listener[] = [];
  private readonly echoes: (() => void)[] = [];
  readonly document = {
    addEventListener: (_type: 'keydown', listener: Listener) => this.documentListeners.push(listener),
  };

  press(key: string, mods: Partial<KeyChord> = {}): void {
    let stopped = false;
    const event: KeyChord = {
      key,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      ...mods,
      stopPropagation: () => {
        stopped = true;
      },
    };
    for (const listener of this.documentListeners) listener(event);
    if (!stopped && isSelectAll(event)) this.echoes.push(() => this.field.selectAll());
    if (isSelectAll(event)) this.field.selectAll();
    else if (!event.ctrlKey && !event.metaKey) this.field.type(key);
  }

  answer(): void {
    for (const echo of this.echoes.splice(0)) echo();
  }
}

/** Ctrl+A, "0.", the workbench's late answer, "5": what a busy VS Code does to a person typing ε = 0.5. */
function typeWithLateEcho(webview: FakeWebview): string {
  webview.press('a', { ctrlKey: true });
  webview.press('0');
  webview.press('.');
  webview.answer();
  webview.press('5');
  return webview.field.value;
}

describe('webview select-all echo', () => {
  it('keeps "0.5" typed after Ctrl+A when VS Code’s select-all lands between "." and "5"', () => {
    const webview = new FakeWebview();
    keepSelectAllLocal(webview.document);
    assert.equal(typeWithLateEcho(webview), '0.5');
  });

  it('the fake reproduces the race: without the guard the late select-all turns "0.5" into "5"', () => {
    assert.equal(typeWithLateEcho(new FakeWebview()), '5');
  });

  it('stops Ctrl+A and Cmd+A only, in either case of the letter', () => {
    const chord = (key: string, mods: Partial<KeyChord>): KeyChord => ({
      key,
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      shiftKey: false,
      stopPropagation: () => undefined,
      ...mods,
    });
    assert.equal(isSelectAll(chord('a', { ctrlKey: true })), true);
    assert.equal(isSelectAll(chord('a', { metaKey: true })), true);
    assert.equal(isSelectAll(chord('A', { ctrlKey: true })), true);
    assert.equal(isSelectAll(chord('a', {})), false);
    assert.equal(isSelectAll(chord('A', { ctrlKey: true, shiftKey: true })), false);
    assert.equal(isSelectAll(chord('a', { ctrlKey: true, altKey: true })), false);
    assert.equal(isSelectAll(chord('c', { ctrlKey: true })), false);
  });
});
