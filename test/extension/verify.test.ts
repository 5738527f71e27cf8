import * as assert from 'node:assert/strict';
import { coreValue, VERIFY_METHODS, verifyCaseFor } from '../../src/extension/verify/case';
import { VERIFY_SCRIPT } from '../../src/extension/verify/script';
import { installFakeVscode } from './support/fakeVscode';
import { lossFinding } from './support/findings';

installFakeVscode();
const {
  runTorch,
}: typeof import('../../src/extension/verify/python') = require('../../src/extension/verify/python');

describe('verify: example cases', () => {
  it('has a Python branch for every method', () => {
    for (const m of VERIFY_METHODS) assert.ok(VERIFY_SCRIPT.includes(`"${m}":`), m);
  });

  it('runs torch calls without smoothing at ε = 0 and smoothing conventions at their ε', () => {
    const plain = verifyCaseFor(
      lossFinding({ convention: 'none', details: { lossKind: 'cross_entropy' } }),
      0.1,
    );
    assert.equal(plain?.method, 'cross_entropy');
    assert.equal(plain?.epsilon, 0);
    const kMinus1 = verifyCaseFor(lossFinding({ convention: 'k_minus_1', epsilon: 0.3 }), 0.1);
    assert.deepEqual([kMinus1?.method, kMinus1?.epsilon], ['k_minus_1', 0.3]);
  });

  it('has nothing to run for softmax or an unrecognised convention', () => {
    assert.equal(
      verifyCaseFor(lossFinding({ convention: null, details: { lossKind: 'softmax' } }), 0.1),
      null,
    );
    assert.equal(verifyCaseFor(lossFinding({ convention: 'other' }), 0.1), null);
  });

  it('computes K−1 as uniform smoothing with ε·K/(K−1) (the conversion the hover states)', () => {
    const finding = lossFinding({
      convention: 'k_minus_1',
      epsilon: 0.2,
      details: { lossKind: 'custom', classes: 5 },
    });
    const kMinus1 = verifyCaseFor(finding, 0.1)!;
    const uniform = { ...kMinus1, method: 'cross_entropy' as const, epsilon: 0.25 };
    assert.ok(Math.abs(coreValue(kMinus1) - coreValue(uniform)) < 1e-12);
  });

  it('gives a finite value for every method', () => {
    const findings = [
      lossFinding({ convention: 'binary' }),
      lossFinding({ convention: 'batch_max_plus_1' }),
      lossFinding({ convention: 'none', details: { lossKind: 'kl_div', reduction: 'batchmean' } }),
      lossFinding({ convention: 'none', details: { lossKind: 'binary_cross_entropy' } }),
      lossFinding({ convention: 'none', details: { lossKind: 'nll_loss', reduction: 'sum' } }),
    ];
    for (const f of findings)
      assert.ok(Number.isFinite(coreValue(verifyCaseFor(f, 0.1)!)), f.convention ?? '');
  });
});

describe('verify: running Python', () => {
  const c = verifyCaseFor(lossFinding(), 0.1)!;

  it('reports a missing interpreter instead of throwing', async () => {
    const result = await runTorch('/nonexistent/python3', c, new AbortController().signal);
    assert.deepEqual(result, {
      ok: false,
      error: 'Python was not found at "/nonexistent/python3".',
    });
  });

  it("agrees with torch, or says torch is missing, with this machine's python3", async () => {
    const result = await runTorch('python3', c, new AbortController().signal);
    if (result.ok) assert.ok(Math.abs(result.value - coreValue(c)) < 1e-9);
    else assert.match(result.error, /torch is not installed|not found/);
  });
});
