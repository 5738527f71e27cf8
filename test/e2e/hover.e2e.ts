import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { checkSmoothingHover } from './support/checks';
import { env } from './support/env';
import { hoverToken, launch, openFile, openWorkbench } from './support/workbench';

describe('e2e: hover in the browser VS Code', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    ({ browser, page } = await launch());
    await openWorkbench(page);
  });

  after(async () => {
    await browser?.close();
  });

  it('shows what a hand-written smoothing loss computes when the mouse rests on its class name', async () => {
    await checkSmoothingHover(page, 'e2e-hover-class.png');
  });

  it('shows the smoothed target of nn.CrossEntropyLoss(label_smoothing=0.1) for the file’s NUM_CLASSES = 10', async () => {
    await page.mouse.move(0, 0);
    await page.keyboard.press('Escape');
    await openFile(page, 'train_classifier.py');
    const hover = await hoverToken(page, 'CrossEntropyLoss');
    const text = (await hover.textContent()) ?? '';
    await page.screenshot({ path: env.artifact('e2e-hover-torch-call.png') });
    assert.match(text, /uniform/i, text);
    assert.match(text, /K = 10, NUM_CLASSES in this file/, text);
    assert.match(text, /0\.91/, text);
  });
});
