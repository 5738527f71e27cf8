import { strict as assert } from 'node:assert';
import { RefreshSource, ShowSource } from '../../src/core/protocol';

describe('protocol: where debugger data came from', () => {
  const source = {
    label: 'from `logits` at train.py:42, paused',
    notes: ['first 10 of 300000 rows'],
    refreshable: true,
  };

  it('playground/source carries a label, notes and whether it refreshes, or null', () => {
    assert.equal(ShowSource.method, 'playground/source');
    assert.ok(ShowSource.isParams({ source }));
    assert.ok(ShowSource.isParams({ source: null }));
  });

  it('playground/source rejects missing, extra, long or too many fields', () => {
    for (const bad of [
      {},
      { source: { ...source, extra: 1 } },
      { source: { ...source, refreshable: 'yes' } },
      { source: { ...source, label: 'x'.repeat(501) } },
      { source: { ...source, notes: Array.from({ length: 21 }, () => 'n') } },
      { source: { ...source, notes: [42] } },
    ])
      assert.equal(ShowSource.isParams(bad), false, JSON.stringify(bad).slice(0, 80));
  });

  it('playground/refreshSource takes no params', () => {
    assert.equal(RefreshSource.method, 'playground/refreshSource');
    assert.ok(RefreshSource.isParams({}));
    assert.equal(RefreshSource.isParams({ expression: 'x' }), false);
  });
});
