// The benches' statistics: medians and ratios on the wall clock and in CPU time (bench/support.ts).
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatMs,
  formatRatio,
  median,
  medianWallAndCpu,
  ratioWallAndCpu,
  verdicts,
} from '../../bench/support';

const positive = fc.double({ min: 1e-3, max: 1e6, noNaN: true });
const timing = fc.record({ wall: positive, cpu: positive });

describe('bench support: wall clock and CPU time', () => {
  it('takes the median of each clock on its own', () => {
    const times = [
      { wall: 30, cpu: 1 },
      { wall: 10, cpu: 3 },
      { wall: 20, cpu: 2 },
    ];
    assert.deepEqual(medianWallAndCpu(times), { wall: 20, cpu: 2 });
  });

  it('the median of an even count is the upper middle value, as for the existing single-clock median', () => {
    assert.equal(median([4, 1, 3, 2]), 3);
    assert.deepEqual(
      medianWallAndCpu([
        { wall: 4, cpu: 4 },
        { wall: 1, cpu: 1 },
      ]),
      { wall: 4, cpu: 4 },
    );
  });

  it('the median ignores one descheduled rep, however long', () => {
    fc.assert(
      fc.property(fc.array(timing, { minLength: 3, maxLength: 15 }), positive, (times, stall) => {
        const steady = medianWallAndCpu(times);
        // Stalling the slowest rep keeps it the slowest, so the middle value stays where it was.
        const slowest = times.reduce((best, t, i) => (t.wall > times[best]!.wall ? i : best), 0);
        const stalled = times.map((t, i) => (i === slowest ? { ...t, wall: t.wall + stall } : t));
        assert.equal(medianWallAndCpu(stalled).wall, steady.wall);
      }),
    );
  });

  it('divides each clock by the same clock', () => {
    assert.deepEqual(ratioWallAndCpu({ wall: 300, cpu: 120 }, { wall: 150, cpu: 40 }), { wall: 2, cpu: 3 });
  });

  it('the ratio of medians is unchanged when both sides slow down by the same factor', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(timing, timing), { minLength: 1, maxLength: 15 }),
        positive,
        (pairs, k) => {
          const slow = (t: { wall: number; cpu: number }) => ({ wall: t.wall * k, cpu: t.cpu * k });
          const ratio = (ps: typeof pairs) =>
            ratioWallAndCpu(medianWallAndCpu(ps.map(([a]) => a)), medianWallAndCpu(ps.map(([, b]) => b)));
          const before = ratio(pairs);
          const after = ratio(pairs.map(([a, b]) => [slow(a), slow(b)]));
          assert.ok(Math.abs(after.wall - before.wall) <= 1e-9 * before.wall);
          assert.ok(Math.abs(after.cpu - before.cpu) <= 1e-9 * before.cpu);
        },
      ),
    );
  });

  it('prints both clocks, labelled, and a verdict for each', () => {
    assert.equal(formatMs({ wall: 12.345, cpu: 11.9 }), '12.3 ms wall, 11.9 ms CPU');
    assert.equal(formatRatio({ wall: 1.234, cpu: 0.987 }), '1.23× wall, 0.99× CPU');
    assert.equal(formatRatio({ wall: 1.25, cpu: 52.04 }, 1), '1.3× wall, 52.0× CPU');
    assert.equal(
      verdicts((r) => r >= 1, { wall: 0.9, cpu: 1.1 }),
      'goal missed (wall), goal met (CPU)',
    );
  });
});
