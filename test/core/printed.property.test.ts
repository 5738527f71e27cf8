import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import {
  lossLine,
  parsePrinted,
  priorFromCounts,
  priorLossLine,
  type SmoothingConvention,
  solveLine,
} from '../../src/core/smoothing';
import { tensor } from '../../src/core/tensor';

/** Seed 004's logits and labels (the same as seed 000's). */
const SEED004 = {
  logits: tensor([3, 5], [0, 0.2, 0.7, 0.1, 0, 0, 0.9, 0.2, 0.2, 1, 1, 0.2, 0.7, 0.9, 1]),
  labels: tensor([3], [2, 1, 0]),
};

describe('which ε printed this?', () => {
  it('reads the value and its rounding from the digits shown', () => {
    const cases: [string, number, number][] = [
      ['tensor(1.4178)', 1.4178, 5e-5],
      ['tensor(1.4178, grad_fn=<MeanBackward0>)', 1.4178, 5e-5],
      ['tensor([1.4178])', 1.4178, 5e-5],
      ['1.5', 1.5, 0.05],
      ['2', 2, 0.5],
      ['1.4178e+00', 1.4178, 5e-5],
      ['3.25e-3', 0.00325, 5e-6],
    ];
    for (const [text, value, half] of cases) {
      const p = parsePrinted(text);
      assert.ok(p, text);
      assert.equal(p.value, value, text);
      assert.ok(Math.abs(p.halfWidth - half) < 1e-15 * half + 1e-20, `${text}: ${p.halfWidth}`);
    }
    for (const text of ['loss', 'tensor(nan)', '1.2.3', '[1.0, 2.0]'])
      assert.equal(parsePrinted(text), null, text);
  });

  it('seed 004: the printed 1.4178 is ε = 0.3 under K−1 (the code says 0.5, which prints 1.5161) and 0.375 under uniform', () => {
    const printed = parsePrinted('tensor(1.4178)')!;
    const k1 = lossLine(SEED004.logits, SEED004.labels, 'k_minus_1');
    assert.equal((k1.intercept + 0.5 * k1.slope).toFixed(4), '1.5161');
    const atK1 = solveLine(k1, printed);
    assert.ok(atK1 && atK1.lo <= 0.3 && 0.3 <= atK1.hi);
    assert.equal(atK1.simplest, 0.3);
    const atUniform = solveLine(lossLine(SEED004.logits, SEED004.labels, 'uniform'), printed);
    assert.equal(atUniform?.simplest, 0.375);
    assert.equal(solveLine(k1, parsePrinted('tensor(9.9999)')!), null, 'no ε prints a loss off the line');
  });

  it('solving the printed (rounded) value of a random loss gives an interval holding the ε that made it', () => {
    const tolerance = 1e-9;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 2, max: 6 }),
        fc.constantFrom<SmoothingConvention | 'prior'>('uniform', 'k_minus_1', 'prior'),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 8 }),
        fc.constantFrom('mean' as const, 'sum' as const),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (rows, classes, convention, epsilon, decimals, reduction, salt) => {
          const at = (i: number) => Math.sin(salt + 7.1 * i) * 4;
          const logits = tensor(
            [rows, classes],
            Array.from({ length: rows * classes }, (_, i) => at(i)),
          );
          const labels = tensor(
            [rows],
            Array.from({ length: rows }, (_, r) => (salt + r) % classes),
          );
          const line =
            convention === 'prior'
              ? priorLossLine(
                  logits,
                  labels,
                  priorFromCounts(
                    Array.from({ length: classes }, (_, c) => c + 1),
                    classes,
                  ),
                  { reduction },
                )
              : lossLine(logits, labels, convention, { reduction });
          const shown = (line.intercept + epsilon * line.slope).toFixed(decimals);
          const solved = solveLine(line, parsePrinted(`tensor(${shown})`)!);
          assert.ok(solved, `${shown} has no ε`);
          assert.ok(
            solved.lo - tolerance <= epsilon && epsilon <= solved.hi + tolerance,
            JSON.stringify(solved),
          );
          assert.ok(solved.lo - tolerance <= solved.simplest && solved.simplest <= solved.hi + tolerance);
        },
      ),
      { seed: 12, numRuns: 500 },
    );
  });
});
