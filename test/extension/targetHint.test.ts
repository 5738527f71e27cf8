import { strict as assert } from 'node:assert';
import { analyzePython } from '../../src/core/analysis';
import { fileClasses, targetHint } from '../../src/core/explain/targetHint';

const hintsOf = (source: string) => {
  const findings = analyzePython(source);
  const k = fileClasses(findings);
  return findings.flatMap((f) => {
    const hint = targetHint(f, k);
    return hint ? [`${f.line}: ${hint}`] : [];
  });
};

describe('target inlay hint text', () => {
  it('shows the target at the file’s K, or says K is unknown', () => {
    const call = 'import torch.nn as nn\ncriterion = nn.CrossEntropyLoss(label_smoothing=0.1)\n';
    assert.deepEqual(hintsOf(call), ['2: ε=0.1, uniform label smoothing (K unknown)']);
    const ce = analyzePython(call).find((f) => f.line === 2)!;
    assert.equal(targetHint(ce, 4), 'true 0.925 · others 0.025 at K=4');
    assert.equal(targetHint({ ...ce, convention: 'k_minus_1' }, 4), 'true 0.9 · others 0.03333 at K=4');
    assert.equal(targetHint({ ...ce, convention: 'binary' }, null), 't=1 → 0.95 · t=0 → 0.05');
    assert.equal(targetHint({ ...ce, convention: 'prior' }, null), 'true 0.9 + 0.1·π · others 0.1·π');
    assert.equal(targetHint({ ...ce, epsilon: 0 }, 4), null, 'nothing for ε = 0');
    assert.equal(targetHint({ ...ce, convention: 'none' }, 4), null, 'nothing without smoothing');
  });

  it('the file’s K is the one class count its findings agree on', () => {
    const f = analyzePython('import torch.nn as nn\nc = nn.CrossEntropyLoss(label_smoothing=0.1)\n')[0]!;
    const withK = (k: number) => ({ ...f, details: { ...f.details, classes: k } });
    assert.equal(fileClasses([withK(4), f, withK(4)]), 4);
    assert.equal(fileClasses([withK(4), withK(5)]), null);
    assert.equal(fileClasses([f]), null);
  });
});
