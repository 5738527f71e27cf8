// The playground loaded from a paused debugpy session, as a person does it: F5 on a training script that stops
// at `breakpoint()`, the cursor on the loss call, "Loss Lens: Send to Playground". Saves a screenshot.
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { pythonWith } from '../support/torchPython';
import { textOf, until } from './support/controls';
import { env } from './support/env';
import { launch, openFile, openWorkbench, runCommand, webviewFrame } from './support/workbench';

const SCRIPT_NAME = 'debug_batch_e2e.py';
const LOSS_FILE = 'debug_batch_e2e.loss';
const SCRIPT = `import torch
import torch.nn as nn

torch.manual_seed(1)
weight = torch.tensor([1.0, 2.0, 0.5, 1.5], dtype=torch.float64)
criterion = nn.CrossEntropyLoss(weight=weight, label_smoothing=0.1)
logits = torch.randn(6, 4, dtype=torch.float64) * 2
y = torch.randint(0, 4, (6,))
loss = criterion(logits, y)
open(${JSON.stringify(LOSS_FILE)}, 'w').write(repr(loss.item()))
breakpoint()
print('done')
`;
const CALL_AT = '9:20'; // line:column inside `criterion(logits, y)`

describe('e2e: the playground from a paused debugpy session', () => {
  let browser: Browser;
  let page: Page;
  let panel: Frame;

  before(async function () {
    const python = pythonWith(['torch', 'debugpy']);
    if (!python) {
      console.log('      skipped: no python3 with torch and debugpy (Debian python3-torch, python3-debugpy)');
      this.skip();
    }
    const folder = env.workspaceFolder;
    writeFileSync(join(folder, SCRIPT_NAME), SCRIPT);
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    const configuration = {
      type: 'loss-lens-test-debugpy',
      request: 'launch',
      name: 'Train (debugpy)',
      program: join(folder, SCRIPT_NAME),
      cwd: folder,
      python,
      console: 'internalConsole',
      justMyCode: true,
    };
    writeFileSync(
      join(folder, '.vscode', 'launch.json'),
      JSON.stringify({ version: '0.2.0', configurations: [configuration] }),
    );
    ({ browser, page } = await launch());
    await openWorkbench(page);
  });

  after(async () => {
    await page?.keyboard.press('Shift+F5').catch(() => {});
    await browser?.close();
  });

  it('stops at the breakpoint and sends the loss call: the loss the script computed, and where it came from', async () => {
    await openFile(page, SCRIPT_NAME);
    await page.keyboard.press('F5');
    // The debug toolbar shows Continue only while paused.
    await page.locator('.debug-toolbar .codicon-debug-continue').waitFor({ timeout: 90_000 });
    await runCommand(page, 'Go to Line/Column', false);
    await page.keyboard.insertText(CALL_AT);
    await page.keyboard.press('Enter');
    await runCommand(page, 'Loss Lens: Send to Playground');
    panel = await webviewFrame(page, '#data-source:not([hidden])', 60_000);
    const label = await textOf(panel, 'data-source-label');
    // debugpy stops after `breakpoint()` returns: on the next line.
    assert.equal(label, `from logits, y, criterion.weight at ${SCRIPT_NAME}:12, paused`);
    const printed = Number(readFileSync(join(env.workspaceFolder, LOSS_FILE), 'utf8'));
    const shown = await until(
      () => textOf(panel, 'loss-value'),
      (v) => v === printed.toFixed(4),
      30_000,
    );
    assert.equal(shown, printed.toFixed(4));
    // Room for the panel: no side bar, no bottom panel, no tooltip under the mouse.
    await runCommand(page, 'View: Close Primary Side Bar');
    await runCommand(page, 'View: Hide Panel');
    await page.mouse.move(700, 880);
    await page.waitForTimeout(500);
    await page.screenshot({ path: env.artifact('playground-from-debugger.png') });
    await panel.locator('#loss-value').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: env.artifact('playground-from-debugger-result.png') });
  });
});
