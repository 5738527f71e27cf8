/**
 * VS Code forwards every keydown that reaches a webview's window to the workbench, and the workbench answers
 * Ctrl/Cmd+A with a select-all of its own, posted back to the webview. The browser has selected the field's text
 * already; the echo lands some frames later (much later when the workbench is busy) and selects what was typed
 * since, so the next key replaces it: "0.5" typed after Ctrl+A in the ε box became "5", out of range and
 * ignored, and ε stayed at the "0" typed first. Stopping the key short of the window keeps the browser's
 * select-all, the one the person asked for, and no echo.
 */

/** The parts of a KeyboardEvent this looks at. */
export interface KeyChord {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  stopPropagation(): void;
}

export const isSelectAll = (e: KeyChord): boolean =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'a';

/** `target`: the document (a keydown bubbles through it before the window, where VS Code listens). */
export function keepSelectAllLocal(target: {
  addEventListener(type: 'keydown', listener: (e: KeyChord) => void): void;
}): void {
  target.addEventListener('keydown', (e) => {
    if (isSelectAll(e)) e.stopPropagation();
  });
}
