/**
 * A text area's edits, free of the DOM (form.ts wires the events): input and paste through heldText.ts, a replaced
 * held text kept in HeldUndo, and the two ways back, the notice's Restore and undo in the box.
 *
 * Undo: VS Code stops Ctrl/Cmd+Z in a webview and answers it with `execCommand('undo')`, the browser's own undo. When
 * that empties the box a stray key or paste filled, the box is as it was while it held the text, and the held text
 * comes back behind it. An empty box has nothing of the browser's to undo there (its value was set by script), so
 * the key itself restores, and goes no further: a late `execCommand('undo')` would undo something else.
 */
import type { KeyChord } from '../selectAllEcho';
import { HELD_TEXT_LENGTH, heldText, pastedText, showText, type TextBox, takeInput } from './heldText';
import type { HeldUndo } from './heldUndo';

export interface TextEdits {
  /** After the area's input event (`inputType` as the event has it). */
  input(inputType: string): void;
  /** A paste of `clip` over `[start, end)`; true when taken here (too long to show): the browser's must not happen. */
  paste(clip: string, start: number, end: number): boolean;
  /** A keydown: true when it was undo in the empty box and brought the kept text back (stop the key there). */
  key(e: KeyChord): boolean;
  /** The notice's Restore: the kept text back in the field and committed; false when there is none. */
  restore(): boolean;
}

export const isUndoKey = (e: KeyChord): boolean =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'z';

/** `commit`: the field's new text, into the state (and so recomputed). */
export function textEdits(
  box: TextBox,
  id: string,
  undo: HeldUndo,
  commit: (text: string) => void,
): TextEdits {
  const replace = (text: string, before: string | undefined) => {
    commit(text);
    if (before !== undefined && text !== before) undo.replaced(id, before);
  };
  const restore = () => {
    const text = undo.take(id);
    if (text === undefined) return false;
    // A long paste over the kept text's replacement is held too, and kept in its turn.
    const before = heldText(box);
    showText(box, text);
    replace(text, before);
    return true;
  };
  return {
    input(inputType) {
      const before = heldText(box);
      if (inputType === 'historyUndo' && before === undefined && box.value === '' && restore()) return;
      replace(takeInput(box), before);
    },
    paste(clip, start, end) {
      if (clip.length <= HELD_TEXT_LENGTH) return false;
      const before = heldText(box);
      const text = pastedText(box, clip, start, end);
      showText(box, text);
      replace(text, before);
      return true;
    },
    key: (e) => isUndoKey(e) && box.value === '' && restore(),
    restore,
  };
}
