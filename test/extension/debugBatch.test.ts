import { strict as assert } from 'node:assert';
import { installFakeVscode } from './support/fakeVscode';

installFakeVscode();
const {
  guessRole,
  wantedFrom,
}: typeof import('../../src/extension/debugBatch/request') = require('../../src/extension/debugBatch/request');

// The Variables view and callers are answered before the editor is looked at: no context is needed.
const ctx = {} as Parameters<typeof wantedFrom>[0];

describe('debugBatch: what Send to Playground sends', () => {
  it("takes the Variables view's evaluateName (else its name) and offers a role guessed from it", async () => {
    assert.deepEqual(
      await wantedFrom(ctx, {
        container: { name: 'Locals' },
        variable: { name: "'logits'", evaluateName: "batch['logits']" },
      }),
      {
        request: { items: [{ role: 'logits', expression: "batch['logits']" }], rows: undefined },
        guess: 'logits',
      },
    );
    assert.deepEqual(await wantedFrom(ctx, { variable: { name: 'labels' } }), {
      request: { items: [{ role: 'targets', expression: 'labels' }], rows: undefined },
      guess: 'targets',
    });
  });

  it("uses a caller's expression, role and rows as given", async () => {
    assert.deepEqual(await wantedFrom(ctx, { expression: 'out', role: 'logits', rows: 8 }), {
      request: { items: [{ role: 'logits', expression: 'out' }], rows: 8 },
    });
  });

  it('guesses targets for y / labels / targets, weights for weights, logits otherwise', () => {
    for (const e of ['y', 'batch_y', 'y_true', 'labels', 'self.targets', 'target[mask]'])
      assert.equal(guessRole(e), 'targets', e);
    for (const e of ['class_weights', 'criterion.weight']) assert.equal(guessRole(e), 'weight', e);
    for (const e of ['logits', 'model(x)', 'out', 'yhat_logits']) assert.equal(guessRole(e), 'logits', e);
  });
});
