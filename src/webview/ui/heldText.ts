/**
 * A text too long for its text area is held in memory (and in the state, so it survives hide and reload), not in
 * the area: Chromium lays out a 22 MB textarea value for seconds on the UI thread. The empty area's placeholder says
 * what it holds; typing or pasting there replaces the held text, as in an area whose whole text is selected (and
 * heldUndo.ts keeps the replaced text so that it can come back).
 */

import { STORED_TEXT_LENGTH } from '../../core/playground/storedTexts';

/**
 * Longest text shown in its area (its layout stays within a frame or two). The same bound as the host's stored
 * texts: a held text is one the host stores, and a text a key replaced is kept for undo by its stored reference.
 */
export const HELD_TEXT_LENGTH = STORED_TEXT_LENGTH;

/** What this module reads and writes of a textarea. */
export interface TextBox {
  value: string;
  placeholder: string;
}

const held = new WeakMap<TextBox, string>();

/** The text the area holds, if it holds one. */
export function heldText(box: TextBox): string | undefined {
  return held.get(box);
}

/** The field's whole text: the one held, else the area's own. */
export function fieldText(box: TextBox): string {
  return held.get(box) ?? box.value;
}

/** Shows `text` in the area, or holds it with a summary when it is too long to show. */
export function showText(box: TextBox, text: string): void {
  if (text.length <= HELD_TEXT_LENGTH) {
    held.delete(box);
    if (box.placeholder !== '') box.placeholder = '';
    if (box.value !== text) box.value = text;
    return;
  }
  held.set(box, text);
  box.value = '';
  box.placeholder = heldSummary(text);
}

/**
 * The field's text after an input event: the area's value (held when too long), or the held text still when the
 * area stayed empty. Chromium fires `input` again after one long insertion, with the value this module emptied.
 */
export function takeInput(box: TextBox): string {
  const text = box.value;
  if (text === '' && held.has(box)) return fieldText(box);
  showText(box, text);
  return text;
}

/** The field's text after pasting `clip` over the selection `[start, end)` of what the area shows. */
export function pastedText(box: TextBox, clip: string, start: number, end: number): string {
  const shown = box.value;
  return start === 0 && end === shown.length ? clip : shown.slice(0, start) + clip + shown.slice(end);
}

/** "22.5 MB": a held text's size as its summary and the notice of its replacement give it. */
export const heldSize = (text: { length: number }): string => `${(text.length / 1e6).toFixed(1)} MB`;

/** Its size and start: nothing that reads the whole text (a 22 MB scan is tens of milliseconds). */
export function heldSummary(text: string): string {
  const start = text.slice(0, 80).replace(/\s+/g, ' ');
  return (
    `${heldSize(text)} of text (${text.length.toLocaleString('en-US')} characters) kept, not shown: ` +
    `a text box this long would freeze the panel. It starts ${start}… Type or paste here to replace it.`
  );
}
