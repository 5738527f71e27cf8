import * as assert from 'node:assert/strict';
import type { Browser, Frame, Page } from 'playwright-core';
import { computeExact } from '../../src/core/playground/compute';
import { reduce } from '../../src/core/playground/reducer';
import { DEFAULT_STATE } from '../../src/core/playground/state';
import { headlineText } from '../../src/core/playground/table';
import { choose, pasteInto, textOf, typeNumber, until } from './support/controls';
import { env } from './support/env';
import { launch, openWorkbench, runCommand, webviewFrame } from './support/workbench';

const SEED_000_LOGITS = '[[0, 0.2, 0.7, 0.1, 0], [0, 0.9, 0.2, 0.2, 1], [1, 0.2, 0.7, 0.9, 1]]';
const SEED_000_TARGETS = '[2, 1, 0]';
const COUNTS = '[4, 1, 1, 1, 1]';

/** The headline the core computes for seed 000 smoothed toward the prior the counts give, at ε = 0.5. */
function expectedPriorLoss(): string {
  const state = reduce(DEFAULT_STATE, {
    type: 'patch',
    patch: {
      logitsText: SEED_000_LOGITS,
      targetsText: SEED_000_TARGETS,
      convention: 'prior',
      priorSource: 'counts',
      priorText: COUNTS,
      epsilon: 0.5,
    },
  });
  const exact = computeExact(state);
  assert.ok(exact.ok);
  return headlineText('mean', exact.exact.value, new Float64Array());
}

describe('e2e: prior smoothing and Solve for ε in the playground', () => {
  let browser: Browser;
  let page: Page;
  let panel: Frame;
  const loss = () => textOf(panel, 'loss-value');

  before(async () => {
    ({ browser, page } = await launch());
    await openWorkbench(page);
    await runCommand(page, 'Loss Lens: Open Playground');
    panel = await webviewFrame(page, '#logits-input');
    await pasteInto(panel, 'logits-input', SEED_000_LOGITS);
    await pasteInto(panel, 'targets-input', SEED_000_TARGETS);
    await typeNumber(panel, 'epsilon-input', '0.5');
  });

  after(async () => {
    await browser?.close();
  });

  it('smooths toward a prior from pasted class counts', async () => {
    await choose(panel, 'convention-select', /prior/);
    await choose(panel, 'prior-source-select', /class counts/);
    await pasteInto(panel, 'prior-input', COUNTS);
    const want = expectedPriorLoss();
    assert.equal(await until(loss, (v) => v === want), want);
    await page.screenshot({ path: env.artifact('e2e-playground-prior.png') });
  });

  it("solves seed 004's printed tensor(1.4178): ε = 0.3 under K−1, 0.375 under uniform", async () => {
    await choose(panel, 'convention-select', /K\s*[−-]\s*1/);
    assert.equal(
      await panel.locator('#prior-input').isVisible(),
      false,
      'the prior field hides with its convention',
    );
    assert.equal(await until(loss, (v) => v === '1.5161'), '1.5161');
    await pasteInto(panel, 'printed-input', 'tensor(1.4178)');
    const solved = await until(
      () => textOf(panel, 'solve-result'),
      (v) => v.includes('simplest 0.3)'),
    );
    assert.match(solved, /uniform ε\/K: ε ∈ \[0\.374908, 0\.375162\] \(simplest 0\.375\)/);
    assert.match(solved, /K−1: ε ∈ \[0\.299927, 0\.30013\] \(simplest 0\.3\)/);
    await page.screenshot({ path: env.artifact('e2e-playground-solve.png') });
  });
});
