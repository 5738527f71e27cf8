import { strict as assert } from 'node:assert';
import { type PlaygroundAction, recomputeKind, reduce } from '../../src/core/playground/reducer';
import { DEFAULT_STATE, type PlaygroundState, restorable } from '../../src/core/playground/state';
import type { KeyChord } from '../../src/webview/selectAllEcho';
import { heldNotice, showHeldNotice } from '../../src/webview/ui/heldNotice';
import { fieldText, heldSummary, showText, type TextBox } from '../../src/webview/ui/heldText';
import { HeldUndo, type ReplacedText, savedReplaced, withReplaced } from '../../src/webview/ui/heldUndo';
import { textEdits } from '../../src/webview/ui/textEdits';

const rows = (n: number, v = 0.25) =>
  `[${Array.from({ length: n }, (_, r) => `[${r + v}, -1.5, 3]`).join(',\n')}]`;
const huge = rows(20_000);
const other = rows(20_000, 0.5);
const IDS = ['logits-input', 'targets-input', 'weights-input', 'prior-input'];

class Box implements TextBox {
  placeholder = '';
  value = '';
}

const key = (k: string, mods: Partial<KeyChord> = {}): KeyChord => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  stopPropagation: () => {},
  ...mods,
});

/** The logits area of a panel: its edits commit into a playground state as form.ts does, and are saved as main.ts does. */
function panel(saved: unknown = undefined) {
  const box = new Box();
  let state: PlaygroundState = restorable(saved) ?? DEFAULT_STATE;
  const recomputes: string[] = [];
  let savedState: unknown = saved;
  const held = new HeldUndo(savedReplaced(saved, IDS), () => {
    savedState = JSON.parse(JSON.stringify(withReplaced(state, held.current)));
  });
  const dispatch = (action: PlaygroundAction) => {
    const next = reduce(state, action);
    if (recomputeKind(state, next) === 'full') recomputes.push(next.logitsText);
    state = next;
    savedState = JSON.parse(JSON.stringify(withReplaced(state, held.current)));
  };
  const edits = textEdits(box, 'logits-input', held, (text) =>
    dispatch({ type: 'patch', patch: { logitsText: text, synthetic: null } }),
  );
  showText(box, state.logitsText);
  const type = (text: string, inputType = 'insertText') => {
    held.changedIn('logits-input');
    box.value = text;
    edits.input(inputType);
  };
  return {
    box,
    held,
    edits,
    type,
    recomputes,
    state: () => state,
    saved: () => savedState,
    /** Another control's change, as main.ts reports it before the control's own dispatch. */
    changeElsewhere: (id: string, action: PlaygroundAction) => {
      held.changedIn(id);
      dispatch(action);
    },
  };
}

/** A held paste of `huge` in the logits area, its input event handled. */
function withHeldPaste(saved?: unknown) {
  const p = panel(saved);
  p.type(huge, 'insertFromPaste');
  assert.equal(p.box.value, '');
  assert.equal(p.state().logitsText, huge);
  return p;
}

describe('a held text replaced by a stray key or paste comes back', () => {
  it('keeps the replaced text, and Restore gives back the exact text and recomputes', () => {
    const p = withHeldPaste();
    p.type('x');
    assert.equal(p.state().logitsText, 'x');
    assert.deepEqual(p.held.current, { id: 'logits-input', text: huge });
    p.recomputes.length = 0;
    assert.equal(p.edits.restore(), true);
    assert.equal(p.state().logitsText, huge);
    assert.ok(p.state().logitsText === huge, 'the very text, not a copy of a prefix');
    assert.deepEqual(p.recomputes, [huge]);
    assert.equal(fieldText(p.box), huge);
    assert.equal(p.box.value, '');
    assert.equal(p.box.placeholder, heldSummary(huge));
    assert.equal(p.held.current, undefined);
    assert.equal(p.edits.restore(), false, 'one restore per replacement');
  });

  it('keeps the replaced text through more typing in the same box (a key, then Backspace)', () => {
    const p = withHeldPaste();
    p.type('x');
    p.type('');
    assert.equal(p.state().logitsText, '');
    assert.equal(p.held.current?.text, huge);
  });

  it('lets it go once another input changes: the new text is committed', () => {
    const p = withHeldPaste();
    p.type('[[1, 2]]');
    p.changeElsewhere('epsilon-slider', { type: 'patch', patch: { epsilon: 0.3 } });
    assert.equal(p.held.current, undefined);
    assert.equal(p.edits.restore(), false);
    assert.equal(p.state().logitsText, '[[1, 2]]');
    assert.equal(savedReplaced(p.saved(), IDS), undefined, 'and the saved state no longer carries it');
  });

  it('keeps at most one: a replacement in another field lets the first go', () => {
    const p = panel();
    const weights = new Box();
    const weightEdits = textEdits(weights, 'weights-input', p.held, () => {});
    p.type(huge, 'insertFromPaste');
    p.type('x');
    showText(weights, other);
    p.held.changedIn('weights-input');
    weights.value = '1';
    weightEdits.input('insertText');
    assert.deepEqual(p.held.current, { id: 'weights-input', text: other });
    assert.equal(p.edits.restore(), false, 'the logits area has nothing kept now');
    const size = JSON.stringify(p.saved()).length;
    assert.ok(size < huge.length + other.length, `one held text saved, not two (${size} characters)`);
  });

  it('undo that empties the box the stray key filled brings the held text back', () => {
    const p = withHeldPaste();
    p.type('x');
    p.type('', 'historyUndo');
    assert.equal(p.state().logitsText, huge);
    assert.equal(fieldText(p.box), huge);
    assert.equal(p.held.current, undefined);
  });

  it('Ctrl+Z in the empty box restores (and is stopped there); elsewhere the browser’s own undo goes ahead', () => {
    const p = withHeldPaste();
    p.type('x');
    assert.equal(p.edits.key(key('z', { ctrlKey: true })), false, 'the box shows "x": the browser undoes it');
    p.type('');
    assert.equal(p.edits.key(key('z', { ctrlKey: true, shiftKey: true })), false, 'redo is not undo');
    assert.equal(p.edits.key(key('z')), false);
    assert.equal(p.edits.key(key('Z', { metaKey: true })), true);
    assert.equal(p.state().logitsText, huge);
    assert.equal(p.edits.key(key('z', { ctrlKey: true })), false, 'nothing kept any more');
  });

  it('a long paste over the held text is kept in turn when the first comes back: nothing is lost', () => {
    const p = withHeldPaste();
    assert.equal(p.edits.paste(other, 0, 0), true);
    assert.equal(p.state().logitsText, other);
    assert.equal(p.held.current?.text, huge);
    assert.equal(p.edits.key(key('z', { ctrlKey: true })), true, 'the box is empty: undo restores');
    assert.equal(p.state().logitsText, huge);
    assert.deepEqual(p.held.current, { id: 'logits-input', text: other });
  });

  it('Chromium’s second input event after a long insertion is no replacement', () => {
    const p = withHeldPaste();
    p.type('');
    assert.equal(p.held.current, undefined);
    assert.equal(p.state().logitsText, huge);
  });

  it('survives a reload: the saved state still offers Restore, and the playground fields read as before', () => {
    const p = withHeldPaste();
    p.type('[[1, 2]]');
    const saved = p.saved();
    assert.equal(restorable(saved)?.logitsText, '[[1, 2]]');
    const reloaded = panel(saved);
    assert.equal(reloaded.box.value, '[[1, 2]]');
    assert.deepEqual(reloaded.held.current, { id: 'logits-input', text: huge });
    assert.equal(reloaded.edits.restore(), true);
    assert.equal(reloaded.state().logitsText, huge);
    assert.equal(savedReplaced(reloaded.saved(), IDS), undefined);
  });

  it('reads back only a kept text an area could have held', () => {
    const state = { ...DEFAULT_STATE };
    const ok: ReplacedText = { id: 'logits-input', text: huge };
    assert.deepEqual(savedReplaced(withReplaced(state, ok), IDS), ok);
    for (const bad of [
      { id: 'loss-select', text: huge },
      { id: 'logits-input', text: 'short' },
      { id: 'logits-input', text: huge, extra: 1 },
      { id: 'logits-input' },
      'text',
    ])
      assert.equal(
        savedReplaced({ ...state, replacedHeldText: bad }, IDS),
        undefined,
        JSON.stringify(bad).slice(0, 40),
      );
    assert.equal(savedReplaced(null, IDS), undefined);
  });
});

/** Just enough of the DOM for dom.ts's `h` and the notice. */
class FakeElement {
  readonly attributes = new Map<string, string>();
  children: (FakeElement | string)[] = [];
  private readonly clicks: (() => void)[] = [];
  constructor(readonly tagName: string) {}
  get id(): string {
    return this.attributes.get('id') ?? '';
  }
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
  getAttribute(name: string): string | null {
    return this.attributes.get(name) ?? null;
  }
  append(...children: (FakeElement | string)[]): void {
    this.children.push(...children);
  }
  replaceChildren(...children: (FakeElement | string)[]): void {
    this.children = children;
  }
  addEventListener(type: string, listener: () => void): void {
    if (type === 'click') this.clicks.push(listener);
  }
  click(): void {
    for (const listener of this.clicks) listener();
  }
  get textContent(): string {
    return this.children.map((c) => (typeof c === 'string' ? c : c.textContent)).join('');
  }
  buttons(): FakeElement[] {
    return this.children.filter((c): c is FakeElement => typeof c !== 'string' && c.tagName === 'button');
  }
}

describe('the notice of a replaced held text', () => {
  const globals = globalThis as { document?: unknown };
  const had = globals.document;
  before(() => {
    globals.document = { createElement: (tag: string) => new FakeElement(tag) };
  });
  after(() => {
    globals.document = had;
  });

  /** The logits area's notice, shown as form.ts shows it, Restore focusing nothing here. */
  function noticed(p: ReturnType<typeof panel>): FakeElement {
    const notice = heldNotice('logits-input') as unknown as FakeElement;
    p.held.watch((kept) =>
      showHeldNotice(
        notice as unknown as Parameters<typeof showHeldNotice>[0],
        kept?.id === 'logits-input' ? kept.text : undefined,
        () => p.edits.restore(),
      ),
    );
    return notice;
  }

  it('is a live region from the start, empty until a held text is replaced', () => {
    const p = withHeldPaste();
    const notice = noticed(p);
    assert.equal(notice.getAttribute('role'), 'status');
    assert.equal(notice.getAttribute('aria-live'), 'polite');
    assert.equal(notice.id, 'logits-input-replaced');
    assert.equal(notice.textContent, '');
    p.type('x');
    assert.match(notice.textContent, /^Replaced the pasted 0\.4 MB text — Restore \(or Ctrl\+Z in the box\)/);
  });

  it('has a real button whose click restores the text, and goes away then', () => {
    const p = withHeldPaste();
    const notice = noticed(p);
    p.type('x');
    const [restore] = notice.buttons();
    assert.equal(restore?.getAttribute('type'), 'button');
    assert.equal(restore?.getAttribute('aria-label'), 'Restore the pasted 0.4 MB text');
    restore?.click();
    assert.equal(p.state().logitsText, huge);
    assert.equal(notice.textContent, '');
  });

  it('stays while the same box is typed in, and goes when another input changes', () => {
    const p = withHeldPaste();
    const notice = noticed(p);
    p.type('x');
    p.type('xy');
    assert.notEqual(notice.textContent, '');
    p.changeElsewhere('targets-input', { type: 'patch', patch: { targetsText: '[0]' } });
    assert.equal(notice.textContent, '');
  });

  it('is offered again after a reload', () => {
    const p = withHeldPaste();
    p.type('x');
    const notice = noticed(panel(p.saved()));
    assert.match(notice.textContent, /^Replaced the pasted 0\.4 MB text/);
  });
});
