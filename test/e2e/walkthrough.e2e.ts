import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { dismissHover } from './support/checks';
import { textOf } from './support/controls';
import { env } from './support/env';
import { hoverToken, launch, openWorkbench, runCommand, webviewFrame } from './support/workbench';

/** The "Get started with Loss Lens" walkthrough, step by step, with its buttons. */
describe('e2e: the walkthrough', () => {
  let browser: Browser;
  let page: Page;

  const step = (title: string) => page.locator('.getting-started-step', { hasText: title }).first();
  async function pressStepButton(title: string, button: string): Promise<void> {
    await step(title).locator('.step-title').click();
    await step(title).locator('.monaco-button, a.button-link', { hasText: button }).first().click();
  }

  async function openWalkthrough(): Promise<void> {
    await runCommand(page, 'Welcome: Open Walkthrough...', false);
    await page.keyboard.insertText('Loss Lens');
    const row = page.locator('.quick-input-widget .monaco-list-row', {
      hasText: 'Get started with Loss Lens',
    });
    await row.first().click();
  }

  before(async () => {
    ({ browser, page } = await launch());
    await openWorkbench(page);
  });

  after(async () => {
    await browser?.close();
  });

  it('opens from "Welcome: Open Walkthrough..."', async () => {
    await openWalkthrough();
    await step('Open a loss').waitFor({ timeout: 30_000 });
    await webviewFrame(page, 'h1:has-text("A loss as people write it")', 15_000); // the step's Markdown media
    await page.screenshot({ path: env.artifact('e2e-walkthrough.png') });
  });

  it('opens a sample loss whose hover says K−1, and uniform for the torch call', async () => {
    await pressStepButton('Open a loss', 'Open a Sample Loss');
    await page.locator('.tabs-container .tab.active', { hasText: /Untitled/ }).waitFor();
    const custom = (await (await hoverToken(page, 'SmoothedCrossEntropy')).textContent()) ?? '';
    assert.match(custom, /K\s*[−-]\s*1/, custom);
    await dismissHover(page);
    const torch = (await (await hoverToken(page, 'CrossEntropyLoss')).textContent()) ?? '';
    assert.match(torch, /uniform/i, torch);
    await dismissHover(page);
  });

  it('opens the playground and the comparison from its steps', async () => {
    await runCommand(page, 'Welcome: Open Walkthrough...', false);
    await page.keyboard.insertText('Loss Lens');
    await page
      .locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with Loss Lens' })
      .first()
      .click();
    await pressStepButton('Try numbers in the playground', 'Open Playground');
    const panel = await webviewFrame(page, '#logits-input');
    await panel.locator('#loss-value').waitFor();
    assert.match(await textOf(panel, 'loss-value'), /^\d+\.\d{4}$|^—?$/);
    await openWalkthrough();
    await pressStepButton('Compare the conventions', 'Compare Conventions');
    await page
      .locator('.tabs-container .tab', { hasText: /Smoothing conventions/ })
      .first()
      .waitFor();
    await webviewFrame(page, 'table'); // the comparison, rendered by the Markdown preview
    await page.screenshot({ path: env.artifact('e2e-compare.png') });
  });
});
