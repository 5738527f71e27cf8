// Reads and operates the playground's controls, whether plain inputs or @vscode-elements custom elements.
import type { Frame, Locator } from 'playwright-core';

/** The element that takes keyboard input: the control itself, or the input/textarea in its shadow root. */
function editable(frame: Frame, id: string): Locator {
  return frame.locator(`textarea#${id}, input#${id}, #${id} textarea, #${id} input`).first();
}

/** Replaces a field's text the way a paste does. */
export async function pasteInto(frame: Frame, id: string, text: string): Promise<void> {
  const field = editable(frame, id);
  await field.click();
  await field.press('ControlOrMeta+A');
  await frame.page().keyboard.insertText(text);
  await field.press('Tab');
}

/** Empties a field the way a person does: select all, Delete. */
export async function clearField(frame: Frame, id: string): Promise<void> {
  const field = editable(frame, id);
  await field.click();
  await field.press('ControlOrMeta+A');
  await field.press('Delete');
  await field.press('Tab');
}

/** Types a number and presses Enter, as a person does; the field keeps the focus. */
export async function enterNumber(frame: Frame, id: string, value: string): Promise<void> {
  const field = editable(frame, id);
  await field.click();
  await field.press('ControlOrMeta+A');
  await field.pressSequentially(value);
  await field.press('Enter');
}

/** Types a number, presses Enter and tabs away. */
export async function typeNumber(frame: Frame, id: string, value: string): Promise<void> {
  await enterNumber(frame, id, value);
  await editable(frame, id).press('Tab');
}

export function fieldValue(frame: Frame, id: string): Promise<string> {
  return frame
    .locator(`#${id}`)
    .evaluate((el) => ('value' in el && typeof el.value === 'string' ? el.value : (el.textContent ?? '')));
}

export async function textOf(frame: Frame, id: string): Promise<string> {
  return ((await frame.locator(`#${id}`).textContent()) ?? '').trim();
}

/** Clicks the range control at `fraction` of its width. */
export async function clickSlider(frame: Frame, id: string, fraction: number): Promise<void> {
  const slider = frame.locator(`#${id}`);
  const box = await slider.boundingBox();
  if (!box) throw new Error(`#${id} is not visible`);
  await frame.page().mouse.click(box.x + box.width * fraction, box.y + box.height / 2);
}

/** Picks the option whose label matches, in a native <select> or a vscode-single-select. */
export async function choose(frame: Frame, id: string, label: RegExp): Promise<void> {
  const select = frame.locator(`#${id}`);
  const tag = await select.evaluate((el) => el.tagName.toLowerCase());
  if (tag === 'select') {
    const options = await select.locator('option').allTextContents();
    const wanted = options.find((o) => label.test(o));
    if (!wanted) throw new Error(`#${id} has no option ${label}: ${options.join(', ')}`);
    await select.selectOption({ label: wanted });
    return;
  }
  await select.click();
  await frame.locator(`#${id} vscode-option, #${id} [role="option"]`, { hasText: label }).first().click();
}

/** Polls `read` until it returns something `accept` likes; returns the last value read either way. */
export async function until(read: () => Promise<string>, accept: (v: string) => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    value = await read();
  }
  return value;
}
