// The `browser` entry (dist/web/extension.js) in VS Code's web worker extension host, as on vscode.dev.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import {
  checkPitfallDiagnostics,
  checkPlayground,
  checkSmoothingHover,
  dismissHover,
} from '../support/checks';
import { env } from '../support/env';
import { hoverToken, launch, openFile, openNotebook, openWorkbench } from '../support/workbench';

describe('e2e: the web worker extension host', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    ({ browser, page } = await launch());
    await openWorkbench(page);
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the hover over a smoothing loss', async () => {
    await checkSmoothingHover(page, 'e2e-web-hover.png');
  });

  it('lists the pitfalls of pitfalls.py in the Problems view', async () => {
    const rows = await checkPitfallDiagnostics(page, 'e2e-web-problems.png');
    assert.ok(rows.length >= 8, rows.join('\n'));
  });

  it('opens the playground and computes seed 000', async () => {
    await checkPlayground(page, 'e2e-web-playground.png');
  });

  it('explains a hand-written loss in a notebook cell', async () => {
    await openNotebook(page, 'from_scratch.ipynb');
    const hover = await hoverToken(page, 'LabelSmoothingLoss');
    const text = (await hover.textContent()) ?? '';
    await page.screenshot({ path: env.artifact('e2e-web-notebook-hover.png') });
    assert.match(text, /uniform/i, text);
    await dismissHover(page);
  });

  it('runs on the web platform: Verify with Python, which needs a process, is not offered', async () => {
    await openFile(page, 'train_classifier.py');
    await page.keyboard.press('F1');
    const widget = page.locator('.quick-input-widget');
    await page.keyboard.insertText('Loss Lens:');
    await widget.locator('.monaco-list-row', { hasText: 'Open Playground' }).first().waitFor();
    const titles = await widget.locator('.monaco-list-row').allTextContents();
    await page.keyboard.press('Escape');
    assert.ok(!titles.some((t) => /Verify Numbers/.test(t)), titles.join('\n'));
    assert.ok(
      titles.some((t) => /Compare Label Smoothing/.test(t)),
      titles.join('\n'),
    );
  });
});
