// Drives the VS Code web client the way a person does: keyboard, quick open, command palette, mouse.
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

/** Opens a quick input with `keys`, types `text`, and picks the row matching `rowText`. Rows can be missing
 * for a while after the window opens (extensions still registering): then it closes and tries again. */
async function quickInput(
  page: Page,
  keys: string,
  text: string,
  rowText: string | RegExp,
  closes = true,
): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const row = widget.locator('.monaco-list-row', { hasText: rowText }).first();
  const deadline = Date.now() + 60_000;
  for (;;) {
    await page.keyboard.press(keys);
    await widget.locator('input').waitFor({ state: 'visible' });
    await page.keyboard.insertText(text);
    try {
      await row.waitFor({ timeout: 5_000 });
      break;
    } catch (e) {
      await page.keyboard.press('Escape');
      if (Date.now() > deadline) throw e;
    }
  }
  await row.click();
  if (closes) await widget.waitFor({ state: 'hidden' });
}

export async function openFile(page: Page, fileName: string): Promise<void> {
  await quickInput(page, 'Control+P', fileName, fileName);
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.editor-instance .view-lines').first().waitFor();
}

/** Opens a notebook with VS Code's built-in notebook editor and waits for its code cells' editors. */
export async function openNotebook(page: Page, fileName: string): Promise<void> {
  await quickInput(page, 'Control+P', fileName, fileName);
  await page.locator('.tabs-container .tab.active', { hasText: fileName }).waitFor();
  await page.locator('.notebook-editor .cell-editor-container .view-lines').first().waitFor();
}

/** Runs a command from the palette by its title ("Loss Lens: Open Playground"). */
export async function runCommand(page: Page, title: string, closesPalette = true): Promise<void> {
  await quickInput(page, 'F1', title, title, closesPalette);
}

/** In-page script: the centre of the top-most occurrence of a string in the active editor's visible lines. */
const TOKEN_CENTRE = `(wanted) => {
  const lines = [...document.querySelectorAll('.editor-instance .view-lines .view-line, .notebook-editor .cell-editor-container .view-line')];
  lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  for (const line of lines) {
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
  }
  return null;
}`;

function tokenBox(page: Page, token: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(`(${TOKEN_CENTRE})(${JSON.stringify(token)})`);
}

/** Rests the mouse on a token in the active editor and returns the Loss Lens hover widget. */
export async function hoverToken(page: Page, token: string): Promise<Locator> {
  let box = await tokenBox(page, token);
  for (let i = 0; !box && i < 50; i++) {
    await page.waitForTimeout(200);
    box = await tokenBox(page, token);
  }
  if (!box) throw new Error(`"${token}" is not on screen`);
  const hover = page.locator('.monaco-hover:visible', { hasText: 'Loss Lens' }).first();
  // The first rest may come before the extension finished activating: move away and back, as a person would.
  for (let attempt = 1; ; attempt++) {
    await page.mouse.move(box.x, box.y);
    try {
      await hover.waitFor({ timeout: 5_000 });
      return hover;
    } catch (e) {
      if (attempt === 4) throw e;
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
    }
  }
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

/** Picks a colour theme in "Preferences: Color Theme", as a person does (label as the picker shows it). */
export async function pickColorTheme(page: Page, label: string): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme', false);
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.monaco-list-row', { hasText: 'Dark Modern' }).first().waitFor();
  await page.keyboard.insertText(label);
  await widget.locator('.monaco-list-row', { hasText: label }).first().waitFor();
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden' });
}

/**
 * Holds back the Ctrl/Cmd+A keydowns a webview forwards to the workbench until the returned `release` runs, as a
 * busy workbench does: VS Code answers each with a select-all of its own, which then lands on what was typed
 * since. `panel` is the webview's content frame; its parent posts the forwarded keys on a MessagePort.
 * `release` sends them on and says how many there were.
 */
export async function holdSelectAllForwarding(panel: Frame): Promise<() => Promise<number>> {
  const host = panel.parentFrame();
  if (!host) throw new Error('the webview frame has no host frame');
  await host.evaluate(() => {
    type Post = (this: unknown, message: unknown, ...rest: unknown[]) => void;
    const page = globalThis as unknown as {
      MessagePort: { prototype: { postMessage: Post } };
      __releaseSelectAll?: () => number;
    };
    const proto = page.MessagePort.prototype;
    const post = proto.postMessage;
    const held: (() => void)[] = [];
    proto.postMessage = function (message, ...rest) {
      const m = message as {
        channel?: string;
        data?: { keyCode?: number; ctrlKey?: boolean; metaKey?: boolean };
      };
      if (m?.channel === 'did-keydown' && m.data?.keyCode === 65 && (m.data.ctrlKey || m.data.metaKey)) {
        held.push(() => post.call(this, message, ...rest));
        return;
      }
      post.call(this, message, ...rest);
    };
    page.__releaseSelectAll = () => {
      proto.postMessage = post;
      for (const send of held) send();
      return held.length;
    };
  });
  return () =>
    host.evaluate(() => (globalThis as unknown as { __releaseSelectAll: () => number }).__releaseSelectAll());
}
