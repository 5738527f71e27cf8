import assert from 'node:assert/strict';
import fc from 'fast-check';
import { expInRange, fastExp } from '../../src/core/losses/fastExp';
import { fuzz } from '../support/fuzz';

describe('fastExp', () => {
  it('is within 1e-15 relative of Math.exp over the whole normal range', () => {
    fc.assert(
      fc.property(fc.double({ min: -708, max: 709, noNaN: true }), (x) => {
        const want = Math.exp(x);
        assert.ok(Math.abs(fastExp(x) - want) <= 1e-15 * want, `${x}: ${fastExp(x)} vs ${want}`);
      }),
      fuzz(20000),
    );
  });

  it('agrees exactly with Math.exp at the edges and for non-finite values', () => {
    for (const x of [0, -0, -708, 709, 710, -745, -746, Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]) {
      assert.equal(fastExp(x), Math.exp(x), String(x));
    }
    assert.ok(Number.isNaN(fastExp(Number.NaN)));
  });

  it('expInRange reads no table out of bounds far outside its range (the fused softmax checks the range after)', () => {
    for (const x of [-1e6, -5000, -746, 710, 5000, 1e6]) assert.ok(!Number.isNaN(expInRange(x)), String(x));
  });
});
