// Loss Lens as a user gets it: loss-lens.vsix installed with `--install-extension`, no development path.
import * as assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { checkPlayground, checkSmoothingHover } from '../support/checks';
import { launch, openWorkbench, runCommand } from '../support/workbench';

describe('e2e: the installed .vsix', () => {
  let browser: Browser;
  let page: Page;

  before(async () => {
    assert.doesNotMatch(decodeURIComponent(process.env.LOSS_LENS_E2E_URL ?? ''), /extensionDevelopmentPath/);
    ({ browser, page } = await launch());
    await openWorkbench(page);
  });

  after(async () => {
    await browser?.close();
  });

  it('is listed among the installed extensions', async () => {
    await runCommand(page, 'Extensions: Show Installed Extensions');
    const entry = page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Loss Lens' }).first();
    await entry.waitFor({ timeout: 30_000 });
    assert.match((await entry.textContent()) ?? '', /PyTorch/);
  });

  it('shows the hover over a smoothing loss', async () => {
    await checkSmoothingHover(page, 'e2e-installed-hover.png');
  });

  it('opens the playground and computes seed 000', async () => {
    await checkPlayground(page, 'e2e-installed-playground.png');
  });
});
