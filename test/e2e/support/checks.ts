// What every way of loading Loss Lens (development path, installed .vsix, web worker host) must show a person.
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { choose, fieldValue, pasteInto, textOf, typeNumber, until } from './controls';
import { env } from './env';
import { hoverToken, openFile, runCommand, webviewFrame } from './workbench';

/** Seed 000's example as a person copies it from a notebook's output; 1.4670 at ε = 0.5, uniform. */
export const SEED_000_LOGITS = `tensor([[0.0000, 0.2000, 0.7000, 0.1000, 0.0000],
        [0.0000, 0.9000, 0.2000, 0.2000, 1.0000],
        [1.0000, 0.2000, 0.7000, 0.9000, 1.0000]])`;
export const SEED_000_TARGETS = 'tensor([2, 1, 0])';

/** Moves the mouse away and closes any hover, so the next hover starts clean. */
export async function dismissHover(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
}

/** The hover over a hand-written K−1 smoothing loss names its convention and offers the playground. */
export async function checkSmoothingHover(page: Page, screenshot: string): Promise<string> {
  await openFile(page, 'k_minus_1_smoothing.py');
  const hover = await hoverToken(page, 'SmoothCrossEntropy');
  const text = (await hover.textContent()) ?? '';
  await page.screenshot({ path: env.artifact(screenshot) });
  assert.match(text, /K\s*[−-]\s*1/, text);
  assert.match(text, /Open in playground/i, text);
  await dismissHover(page);
  return text;
}

/** The Problems view lists Loss Lens's pitfalls in pitfalls.py (softmax fed to CrossEntropyLoss among them). */
export async function checkPitfallDiagnostics(page: Page, screenshot: string): Promise<string[]> {
  await openFile(page, 'pitfalls.py');
  await page.keyboard.press('ControlOrMeta+Shift+M');
  const rows = page.locator('.markers-panel .monaco-list-row');
  const read = async () => (await rows.allTextContents()).join('\n');
  const text = await until(read, (t) => /softmax/i.test(t) && /Loss Lens/.test(t), 30_000);
  await page.screenshot({ path: env.artifact(screenshot) });
  assert.match(text, /Loss Lens/, text);
  assert.match(text, /softmax/i, text);
  const found = (await rows.allTextContents()).filter((r) => r.includes('Loss Lens'));
  await page.keyboard.press('ControlOrMeta+J'); // hide the panel again
  return found;
}

/** The playground opens from the palette and computes seed 000's loss for pasted tensors. */
export async function checkPlayground(page: Page, screenshot: string): Promise<Frame> {
  await runCommand(page, 'Loss Lens: Open Playground');
  const panel = await webviewFrame(page, '#logits-input');
  await panel.locator('#loss-value').waitFor();
  await pasteInto(panel, 'logits-input', SEED_000_LOGITS);
  await pasteInto(panel, 'targets-input', SEED_000_TARGETS);
  await choose(panel, 'convention-select', /uniform/i);
  await typeNumber(panel, 'epsilon-input', '0.5');
  const loss = () => textOf(panel, 'loss-value');
  const got = await until(loss, (v) => v === '1.4670');
  const epsilon = await fieldValue(panel, 'epsilon-input');
  assert.equal(got, '1.4670', `loss at ε box "${epsilon}"`);
  await page.screenshot({ path: env.artifact(screenshot) });
  return panel;
}
