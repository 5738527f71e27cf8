/**
 * Every kind of "Copy as PyTorch" script the playground writes, for scripts/gen-playground-torch.py to run in torch.
 * Prints JSON: the samples' texts and, per case, its options and the script (absent when the playground refuses).
 * Run: npx tsx scripts/playground-scripts.ts. test/webview/torchScripts.test.ts rebuilds the same states.
 */

import { torchScript } from '../src/core/playground/compute';
import { SCRIPT_SAMPLES, scriptCases, stateOf } from '../test/support/scriptCases';

const cases = scriptCases().map((c) => {
  const script = torchScript(stateOf(c));
  return script.ok ? { ...c, script: script.script } : c;
});
process.stdout.write(JSON.stringify({ samples: SCRIPT_SAMPLES, cases }));
