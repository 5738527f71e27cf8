import * as assert from 'node:assert/strict';
import type { Browser, Frame, Page } from 'playwright-core';
import { SEED_000_LOGITS, SEED_000_TARGETS } from './support/checks';
import { choose, clickSlider, fieldValue, pasteInto, textOf, typeNumber, until } from './support/controls';
import { env } from './support/env';
import {
  launch,
  openWorkbench,
  pickColorTheme,
  runCommand,
  waitForWorkbench,
  webviewFrame,
} from './support/workbench';

/** Another example first, so reading 1.4670 proves the paste (the panel may start with seed 000). */
const OTHER_LOGITS = '[[2.0, -1.0, 0.5], [0.1, 0.2, 3.0]]';
const OTHER_TARGETS = '[0, 2]';

/** The plots as the panel lays them out, two to a row at the e2e window size; one screenshot per row. */
const PLOT_ROWS: readonly (readonly [string, string | null])[] = [
  ['plot-sweep', 'plot-heatmap'],
  ['plot-per-sample', 'plot-probabilities'],
  ['plot-gradient', 'plot-gap'],
  ['plot-reliability', null],
];

describe('e2e: the playground in the browser VS Code', () => {
  let browser: Browser;
  let page: Page;
  let panel: Frame;

  const loss = () => textOf(panel, 'loss-value');

  before(async () => {
    ({ browser, page } = await launch());
    await openWorkbench(page);
  });

  after(async () => {
    await browser?.close();
  });

  it('opens from the command palette', async () => {
    await runCommand(page, 'Loss Lens: Open Playground');
    panel = await webviewFrame(page, '#logits-input');
    await panel.locator('#loss-value').waitFor();
  });

  it('computes 1.4670 for the pasted seed 000 example at ε = 0.5', async () => {
    await pasteInto(panel, 'logits-input', OTHER_LOGITS);
    await pasteInto(panel, 'targets-input', OTHER_TARGETS);
    await choose(panel, 'convention-select', /uniform/i);
    await typeNumber(panel, 'epsilon-input', '0.5');
    const other = await until(loss, (v) => /^\d+\.\d{4}$/.test(v) && v !== '1.4670');
    assert.match(other, /^\d+\.\d{4}$/, `a number for the 2×3 example, got "${other}"`);

    await pasteInto(panel, 'logits-input', SEED_000_LOGITS);
    await pasteInto(panel, 'targets-input', SEED_000_TARGETS);
    assert.equal(await until(loss, (v) => v === '1.4670'), '1.4670');
    assert.equal(await fieldValue(panel, 'logits-input'), SEED_000_LOGITS);
    await page.screenshot({ path: env.artifact('e2e-playground-dark.png') });
  });

  it('changes the loss when ε moves on the slider', async () => {
    await clickSlider(panel, 'epsilon-slider', 0.1);
    const moved = await until(loss, (v) => v !== '1.4670');
    assert.notEqual(moved, '1.4670');
    assert.notEqual(await fieldValue(panel, 'epsilon-input'), '0.5');
    await typeNumber(panel, 'epsilon-input', '0.5');
    assert.equal(await until(loss, (v) => v === '1.4670'), '1.4670');
  });

  it('gives 1.5161 under the K−1 convention', async () => {
    await choose(panel, 'convention-select', /K\s*[−-]\s*1/);
    assert.equal(await until(loss, (v) => v === '1.5161'), '1.5161');
  });

  it('keeps the inputs after the window reloads', async () => {
    await runCommand(page, 'Developer: Reload Window');
    await waitForWorkbench(page);
    panel = await webviewFrame(page, '#logits-input', 60_000);
    assert.equal(
      await until(
        () => fieldValue(panel, 'logits-input'),
        (v) => v === SEED_000_LOGITS,
      ),
      SEED_000_LOGITS,
    );
    assert.equal(await fieldValue(panel, 'targets-input'), SEED_000_TARGETS);
    assert.equal(await until(loss, (v) => v === '1.5161'), '1.5161');
  });

  for (const [name, theme, bodyClass] of [
    ['light', 'Light Modern', 'vscode-light'],
    ['high-contrast', 'Dark High Contrast', 'vscode-high-contrast'],
    ['dark', 'Dark Modern', 'vscode-dark'],
  ] as const) {
    it(`renders in the ${name} theme (screenshots of every plot)`, async () => {
      await pickColorTheme(page, theme);
      await panel.locator(`body.${bodyClass}`).waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1000); // plots redraw with the new theme colours
      await page.screenshot({ path: env.artifact(`e2e-playground-${name}.png`) });
      for (const [first, second] of PLOT_ROWS) {
        await panel.locator(`#${first}`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
        await page.waitForTimeout(500); // plots scrolled into view catch up on their next frame
        for (const id of [first, second].filter((p): p is string => !!p)) {
          assert.notEqual(await textOf(panel, `${id}-summary`), '', `#${id} describes what it plots`);
        }
        await page.screenshot({ path: env.artifact(`e2e-playground-${name}-${first}.png`) });
      }
      await panel.locator('#loss-value').scrollIntoViewIfNeeded();
      assert.equal(await loss(), '1.5161');
    });
  }
});
