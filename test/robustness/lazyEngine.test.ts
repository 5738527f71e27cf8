// The desktop bundle activates without the parser and the analysis, and loads them (dist/analysis.js) on first use.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { activate, hoverKeepingVscode, hoverText, loadBundle } from '../extension/support/builtExtension';

const ROOT = join(__dirname, '..', '..');
/** The product's goal for what activation loads (`npm run bench -- activation` reports the size). */
const ACTIVATION_BUNDLE_KB = 300;

describe('the desktop extension bundle', () => {
  let outDir: string;

  before(() => {
    outDir = mkdtempSync(join(tmpdir(), 'loss-lens-lazy-'));
    execFileSync(process.execPath, ['scripts/build.mjs', '--production', `--outdir=${outDir}`], {
      cwd: ROOT,
    });
  });

  after(() => rmSync(outDir, { recursive: true, force: true }));

  it('activates requiring only vscode and Node, then loads the engine for the first hover', async () => {
    const { api, hovers } = hoverKeepingVscode();
    const required: string[] = [];
    const dispose = activate(loadBundle(join(outDir, 'extension.js'), api, required));
    try {
      assert.deepEqual(
        required.filter((id) => id !== 'vscode' && !isBuiltin(id)),
        [],
      );
      const [hover] = hovers;
      assert.ok(hover, 'activation registered a hover provider');
      const file = join(ROOT, 'sample-workspace', 'train_classifier.py');
      const text = await hoverText(hover, file, 'nn.CrossEntropyLoss(label_smoothing=0.1)');
      assert.match(text, /label_smoothing/);
      assert.ok(required.includes('./analysis.js'), `required: ${[...new Set(required)].join(', ')}`);
    } finally {
      dispose();
    }
  });

  it(`loads less than ${ACTIVATION_BUNDLE_KB} KB at activation`, () => {
    const kb = statSync(join(outDir, 'extension.js')).size / 1024;
    assert.ok(kb < ACTIVATION_BUNDLE_KB, `dist/extension.js is ${kb.toFixed(1)} KB`);
  });
});
