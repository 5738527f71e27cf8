import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
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
    await openFile(page, 'k_minus_1_smoothing.py');
    const hover = await hoverToken(page, 'SmoothCrossEntropy');
    const text = (await hover.textContent()) ?? '';
    await page.screenshot({ path: env.artifact('e2e-hover-class.png') });
    assert.match(text, /K\s*[−-]\s*1/, text);
    assert.match(text, /Open in playground/i, text);
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
