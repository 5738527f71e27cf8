/**
 * Issue 9 in the real webview: a NaN confidence, a header row, an empty batch and a paste over the text limit each
 * give a loss or a visible refusal on the field, never an internal error or results of other data.
 */
import * as assert from 'node:assert/strict';
import type { Browser, Frame } from 'playwright-core';
import { pasteInto, textOf, until } from './support/controls';
import { launch, openWorkbench, runCommand, webviewFrame } from './support/workbench';

describe('e2e: the playground refuses visibly or computes (issue 9)', () => {
  let browser: Browser;
  let panel: Frame;
  const loss = () => textOf(panel, 'loss-value');

  before(async () => {
    let page: Awaited<ReturnType<typeof launch>>['page'];
    ({ browser, page } = await launch());
    await openWorkbench(page);
    await runCommand(page, 'Loss Lens: Open Playground');
    panel = await webviewFrame(page, '#logits-input');
    await panel.locator('#loss-value').waitFor();
  });

  after(async () => {
    await browser?.close();
  });

  it('shows the loss when a logit is inf (its row in no reliability bin, said in the plot)', async () => {
    await pasteInto(panel, 'logits-input', '[[inf, 0, 1], [0, 1, 2]]');
    await pasteInto(panel, 'targets-input', '[0, 1]');
    assert.equal(await until(loss, (v) => v === 'nan'), 'nan');
    assert.equal(await textOf(panel, 'error-options'), '');
    await panel.locator('#plot-reliability').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    const summary = await until(
      () => textOf(panel, 'plot-reliability-summary'),
      (v) => v.includes('in no bin'),
    );
    assert.match(summary, /^1 row with a non-finite confidence/);
  });

  it('says when a first line is read as column names', async () => {
    await pasteInto(panel, 'logits-input', 'cat,dog,bird\n1,2,3\n4,5,6');
    await pasteInto(panel, 'targets-input', '[0, 2]');
    assert.match(await until(loss, (v) => /^\d+\.\d{4}$/.test(v)), /^\d+\.\d{4}$/);
    assert.equal(
      await textOf(panel, 'note-logits'),
      'first line read as column names, not values: cat, dog, bird',
    );
  });

  it('refuses a typo in the first line at its position instead of dropping the row', async () => {
    await pasteInto(panel, 'logits-input', '1.0.0,2,3\n4,5,6');
    const error = await until(
      () => textOf(panel, 'error-logits'),
      (v) => v !== '',
    );
    assert.equal(error, "Line 1, column 1: '1.0.0' is not a number");
    assert.equal(await loss(), '—');
    assert.equal(await textOf(panel, 'note-logits'), '', 'the old header note is gone with the result');
  });

  it('computes an empty batch (torch: nan) without breaking the plots', async () => {
    await pasteInto(panel, 'logits-input', 'tensor([], size=(0, 4))');
    await pasteInto(panel, 'targets-input', 'tensor([], dtype=torch.int64)');
    assert.equal(await until(loss, (v) => v === 'nan'), 'nan');
    // The loss shows first; each plot (and its summary) is drawn in a frame of its own after it.
    const summary = await until(
      () => textOf(panel, 'plot-heatmap-summary'),
      (v) => /empty batch/.test(v),
    );
    assert.match(summary, /empty batch/);
  });

  it('refuses a paste over the text limit on its field and shows no result of the previous text', async () => {
    await pasteInto(panel, 'logits-input', '[[1, 0, 1], [0, 1, 2]]');
    await pasteInto(panel, 'targets-input', '[0, 1]');
    assert.match(await until(loss, (v) => /^\d+\.\d{4}$/.test(v)), /^\d+\.\d{4}$/);
    await panel.locator('#logits-input').evaluate((el) => {
      (el as unknown as { value: string }).value = `[${'0.5, '.repeat(6_400_001)}0.5]`;
      el.dispatchEvent(new Event('input'));
    });
    const error = await until(
      () => textOf(panel, 'error-logits'),
      (v) => v !== '',
    );
    assert.match(error, /more than the 32,000,000 the playground takes; nothing is computed from it/);
    assert.equal(await loss(), '—');
    assert.ok(await panel.locator('#app.stale').count(), 'the plots are marked stale');
    await pasteInto(panel, 'logits-input', '[[1, 0, 1], [0, 1, 2]]');
    assert.match(await until(loss, (v) => /^\d+\.\d{4}$/.test(v)), /^\d+\.\d{4}$/);
    assert.equal(await textOf(panel, 'error-logits'), '');
  });
});
