/** The playground's prior convention: exact sweep, refusals on the prior field, and "Copy as PyTorch" run in torch. */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { computeExact, computePlayground, curveAt } from '../../src/core/playground/compute';
import { modelAt } from '../../src/core/playground/model';
import { prepare } from '../../src/core/playground/prepare';
import { reduce } from '../../src/core/playground/reducer';
import { DEFAULT_STATE, type PlaygroundState } from '../../src/core/playground/state';
import { torchSnippet } from '../../src/core/playground/torchSnippet';
import { priorSmoothedLoss } from '../../src/core/smoothing';
import { tensor } from '../../src/core/tensor';

const seed000 = (patch: Partial<PlaygroundState>): PlaygroundState =>
  reduce(reduce(DEFAULT_STATE, { type: 'sample', id: 'seed000' }), { type: 'patch', patch });

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function torchAvailable(): boolean {
  try {
    execFileSync('/usr/bin/python3', ['-c', 'import torch'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('playground: smoothing toward a prior', () => {
  it('plots the prior against uniform and K−1, and every curve equals direct evaluation at any ε', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom('cross_entropy' as const, 'nll_loss' as const),
        fc.constantFrom('mean' as const, 'sum' as const, 'none' as const),
        fc.constantFrom('frequencies' as const, 'counts' as const),
        (epsilon, loss, reduction, priorSource) => {
          const state = seed000({
            convention: 'prior',
            priorSource,
            priorText: '[5, 1, 1, 2, 1]',
            loss,
            reduction,
          });
          const full = computePlayground(state);
          assert.ok(full.ok, JSON.stringify(full));
          assert.deepEqual(
            full.sweep.map((c) => c.convention),
            ['uniform', 'k_minus_1', 'prior'],
          );
          for (const curve of full.sweep) {
            const direct = computeExact({ ...state, convention: curve.convention, epsilon });
            assert.ok(direct.ok);
            assert.ok(
              close(curveAt(curve, epsilon), direct.exact.value),
              `${curve.convention} at ${epsilon}`,
            );
          }
          const exact = computeExact({ ...state, epsilon });
          assert.ok(exact.ok && close(modelAt(full.model, epsilon).value, exact.exact.value));
        },
      ),
      { seed: 12, numRuns: 60 },
    );
  });

  it('the gradient the plots show at any ε is the derivative of the directly evaluated loss', () => {
    const logits = [0, 0.2, 0.7, 0.1, 0, 0, 0.9, 0.2, 0.2, 1, 1, 0.2, 0.7, 0.9, 1];
    const prior = [0.4, 0.1, 0.1, 0.2, 0.2];
    const weight = tensor([5], [1, 2, 0.5, 1, 1]);
    for (const epsilon of [0, 0.23, 0.5, 0.91]) {
      const state = seed000({
        convention: 'prior',
        priorSource: 'vector',
        priorText: JSON.stringify(prior),
        weightText: '[1, 2, 0.5, 1, 1]',
        row: 1,
      });
      const full = computePlayground(state);
      assert.ok(full.ok);
      const shown = modelAt(full.model, epsilon).rowGrad;
      const h = 1e-6;
      const at = (j: number, d: number) => {
        const x = logits.slice();
        x[5 + j]! += d;
        return priorSmoothedLoss(tensor([3, 5], x), tensor([3], [2, 1, 0]), prior, epsilon, { weight });
      };
      for (let j = 0; j < 5; j++) {
        const numeric = (at(j, h) - at(j, -h)) / (2 * h);
        assert.ok(
          Math.abs(shown[j]! - numeric) < 1e-7,
          `ε = ${epsilon}, class ${j}: ${shown[j]} vs ${numeric}`,
        );
      }
    }
  });

  it('shows the prior it used and puts prior problems on the prior field', () => {
    const ok = computePlayground(
      seed000({ convention: 'prior', priorSource: 'counts', priorText: '[1, 1, 2, 0, 0]' }),
    );
    assert.ok(ok.ok);
    assert.deepEqual(ok.prior, [0.25, 0.25, 0.5, 0, 0]);
    for (const [priorSource, priorText, message] of [
      ['vector', '', /paste the prior's probabilities \(5 values\)/],
      ['vector', '[0.5, 0.5]', /the prior has 2 values, expected one per class \(5\)/],
      ['vector', '[0.2, 0.2, 0.2, 0.2, 0.3]', /the prior sums to 1\.1/],
      ['counts', '[0, 0, 0, 0, 0]', /class counts are all zero/],
    ] as const) {
      const refused = computePlayground(seed000({ convention: 'prior', priorSource, priorText }));
      assert.ok(!refused.ok, priorText);
      assert.equal(refused.errors[0]!.field, 'prior');
      assert.match(refused.errors[0]!.message, message);
    }
  });

  it('"Copy as PyTorch" builds the prior target and prints the playground’s number in torch', function () {
    this.timeout(120_000);
    const state = seed000({
      convention: 'prior',
      priorSource: 'counts',
      priorText: '[3, 1, 1, 1, 2]',
      epsilon: 0.37,
      weightText: '[1, 2, 0.5, 1, 1]',
      ignoreIndex: 1,
    });
    const ready = prepare(state);
    assert.ok(ready.ok);
    const script = torchSnippet(ready.prepared, state);
    assert.match(
      script,
      /prior = torch\.tensor\(\[0\.375, 0\.125, 0\.125, 0\.125, 0\.25\], dtype=torch\.float64\)/,
    );
    assert.match(script, /q\[keep\] = 0\.37 \* prior/);
    assert.match(script, /loss = F\.cross_entropy\(inp, q, weight=weight, reduction='mean'\)/);
    if (!torchAvailable()) {
      console.log('      skipped: /usr/bin/python3 with torch is not available to run the scripts');
      this.skip();
    }
    // Also soft (probability) targets, NLL on log-probabilities and KL: one Python run for all the scripts.
    const soft = '[[0, 0, 1, 0, 0], [0, 0.5, 0, 0.5, 0], [1, 0, 0, 0, 0]]';
    const states = [
      state,
      seed000({ convention: 'prior', priorSource: 'frequencies', targetsText: soft, epsilon: 0.61 }),
      seed000({ convention: 'prior', loss: 'nll_loss', inputKind: 'log_probabilities', reduction: 'sum' }),
      seed000({ convention: 'prior', loss: 'kl_div', reduction: 'batchmean', epsilon: 0.2 }),
    ];
    const scripts = states.map((st) => {
      const p = prepare(st);
      assert.ok(p.ok);
      return torchSnippet(p.prepared, st);
    });
    const printed = execFileSync('/usr/bin/python3', ['-'], { input: scripts.join('\n'), encoding: 'utf8' });
    const reprs = [...printed.matchAll(/\((-?[\d.e+-]+)\)/g)].map((m) => Number(m[1]));
    assert.equal(reprs.length, states.length, printed);
    states.forEach((st, i) => {
      const exact = computeExact(st);
      assert.ok(exact.ok);
      assert.ok(
        close(reprs[i]!, exact.exact.value),
        `${i}: torch printed ${reprs[i]}, playground ${exact.exact.value}`,
      );
    });
  });
});
