import { strict as assert } from 'node:assert';
import { calibration } from '../../src/core/smoothing';
import { fromNested, type Tensor, tensor } from '../../src/core/tensor';

const vector = (values: readonly number[]): Tensor => tensor([values.length], values);

/** Two-class logits whose top-class probability is exactly `confidence` for class 0. */
const confidentRows = (confidence: number, rows: number): number[][] =>
  Array.from({ length: rows }, () => [Math.log(confidence / (1 - confidence)), 0]);

function assertClose(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) < 1e-12, `${actual} ≠ ${expected}`);
}

describe('calibration', () => {
  it('is 0 for a model right 9 times out of 10 at confidence 0.9', () => {
    const labels = vector([0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
    const result = calibration(fromNested(confidentRows(0.9, 10)), labels);
    assertClose(result.ece, 0);
    assertClose(result.accuracy, 0.9);
    assertClose(result.meanConfidence, 0.9);
    const full = result.bins.filter((b) => b.count > 0);
    assert.equal(full.length, 1);
    assert.deepEqual([full[0]!.lo, full[0]!.hi, full[0]!.count], [0.8, 0.9, 10]);
  });

  it('weights each bin gap by its share of rows', () => {
    const logits = fromNested([...confidentRows(0.95, 2), ...confidentRows(0.65, 2)]);
    const result = calibration(logits, vector([1, 1, 0, 0]), 5);
    // Bin (0.8, 1]: confidence 0.95, accuracy 0; bin (0.6, 0.8]: confidence 0.65, accuracy 1.
    assertClose(result.ece, 0.5 * 0.95 + 0.5 * 0.35);
    assert.deepEqual(
      result.bins.map((b) => b.count),
      [0, 0, 0, 2, 2],
    );
    assert.ok(Number.isNaN(result.bins[0]!.confidence) && Number.isNaN(result.bins[0]!.accuracy));
  });

  it('measures entropy in nats: log K for equal logits, 0 for a certain row', () => {
    const result = calibration(fromNested([[0, 0, 0, 0]]), vector([2]));
    assertClose(result.meanEntropy, Math.log(4));
    assertClose(result.meanConfidence, 0.25);
    assert.equal(result.accuracy, 0);
    assertClose(calibration(fromNested([[0, Number.NEGATIVE_INFINITY]]), vector([0])).meanEntropy, 0);
  });

  it('puts a confidence on a bin edge in the lower bin', () => {
    const result = calibration(fromNested([[0, 0]]), vector([0]), 4);
    assert.deepEqual(
      result.bins.map((b) => b.count),
      [0, 1, 0, 0],
    );
  });

  it('rejects bad bin counts and labels', () => {
    assert.throws(() => calibration(fromNested([[0, 1]]), vector([0]), 0), /bins/);
    assert.throws(() => calibration(fromNested([[0, 1]]), vector([2])), /out of bounds/);
  });
});
