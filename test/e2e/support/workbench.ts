// Drives the VS Code web client the way a person does: keyboard, quick open, command palette, mouse.
import { readFileSync, writeFileSync } from 'node:fs';
import { type Browser, chromium, type Frame, type Locator, type Page } from 'playwright-core';
import { env } from './env';

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-sync',
];

export async function launch(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: env.chromium, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  return { browser, page };
}

export async function openWorkbench(page: Page): Promise<void> {
  await page.goto(env.url);
  await waitForWorkbench(page);
}

export async function waitForWorkbench(page: Page): Promise<void> {
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // The explorer lists the sample workspace once the remote file system is connected.
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
}

async function quickInput(page: Page, keys: string, text: string, rowText: string | RegExp): Promise<void> {
  await page.keyboard.press(keys);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await page.keyboard.insertText(text);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: rowText }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

export async function openFile(page: Page, fileName: string): Promise<void> {
  await quickInput(page, 'Control+P', fileName, fileName);
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-instance .view-lines').first().waitFor();
}

/** Runs a command from the palette by its title ("Loss Lens: Open Playground"). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await quickInput(page, 'F1', title, title);
}

/** Rests the mouse on a token in the active editor and returns the hover widget's text. */
export async function hoverToken(page: Page, token: string): Promise<Locator> {
  const span = page
    .locator('.editor-instance .view-lines span span', { hasText: new RegExp(`^${token}$`) })
    .first();
  await span.waitFor();
  const box = await span.boundingBox();
  if (!box) throw new Error(`"${token}" is not on screen`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const hover = page.locator('.monaco-hover:visible', { hasText: 'Loss Lens' }).first();
  await hover.waitFor({ timeout: 15_000 });
  return hover;
}

/** VS Code nests a webview: an outer iframe.webview, and inside it iframe#active-frame with the content. */
export async function webviewFrame(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (frame.isDetached()) continue;
      const found = await frame
        .locator(selector)
        .count()
        .catch(() => 0);
      if (found > 0) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview frame with ${selector} after ${timeoutMs} ms`);
}

export function setColorTheme(theme: string): void {
  const settings = JSON.parse(readFileSync(env.settingsFile, 'utf8')) as Record<string, unknown>;
  settings['workbench.colorTheme'] = theme;
  writeFileSync(env.settingsFile, JSON.stringify(settings, null, 2));
}
