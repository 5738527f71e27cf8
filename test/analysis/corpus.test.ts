// The labelled corpus as a regression guard (`npm run corpus` prints the full report). Floors sit a little under
// what the analysis reaches today on the parts it was tuned with; the held-out parts are reported, not tuned to,
// except for the one rule that has no floor to speak of: no smoothing claim on a file without smoothing. fresh8,
// fresh9, fresh10, fresh11 and fresh12, the newest held-out sets, are only reported, claims included: a test that
// failed on them would invite tuning to them. fresh2, fresh3, fresh4, fresh5, fresh6 and fresh7 were held out until
// their misses were read, and so were the held-out parts of positive, negative and fresh (measured for several
// sessions): all are tuned to now.
import { strict as assert } from 'node:assert';

import {
  analyzeAsTheCli,
  type CorpusScore,
  type DefinitionOutcome,
  loadCorpus,
  scoreCorpus,
} from '../support/corpus';

/** Held-out sets that are reported, never asserted. */
const REPORTED_ONLY: string[] = ['fresh8', 'fresh9', 'fresh10', 'fresh11', 'fresh12'];

function share(outcomes: DefinitionOutcome[]): number {
  return outcomes.filter((o) => o.right).length / Math.max(1, outcomes.length);
}

function misses(outcomes: DefinitionOutcome[]): string {
  return outcomes
    .filter((o) => !o.right)
    .map(
      (o) =>
        `${o.file.path}:${o.definition.line} ${o.definition.symbol} want ${o.definition.convention}, got ${o.got}`,
    )
    .join('\n  ');
}

describe('labelled corpus of real and rewritten loss code', function () {
  this.timeout(120000);
  let score: CorpusScore;
  before(() => {
    score = scoreCorpus(loadCorpus(), analyzeAsTheCli());
  });
  const part = (set: string, split?: string) =>
    score.outcomes.filter((o) => o.file.set === set && (split === undefined || o.file.split === split));

  it('makes no smoothing claim on any file without label smoothing (tuned and held-out)', () => {
    const claims = score.falseClaims
      .filter((c) => !REPORTED_ONLY.includes(c.file.set))
      .map((c) => `${c.file.path}:${c.finding.line} ${c.finding.symbol} ${c.finding.convention}`);
    assert.deepEqual(claims, []);
  });

  it('gets every hand-derived realworld label', () => {
    const outcomes = part('realworld');
    assert.equal(share(outcomes), 1, misses(outcomes));
  });

  it('keeps the convention of at least 98% of the torch-verified meaning-preserving rewrites', () => {
    const outcomes = part('rewrites');
    assert.ok(outcomes.length >= 300, `only ${outcomes.length} rewrites`);
    assert.ok(share(outcomes) >= 0.98, `${share(outcomes)}\n  ${misses(outcomes)}`);
  });

  it('keeps its share of the real definitions of the parts it was tuned with', () => {
    const floors: [string, number][] = [
      ['positive', 0.97],
      ['negative', 0.965],
      ['fresh', 0.89],
      ['fresh5', 0.95],
      ['fresh7', 0.85],
      ['b19c', 0.85],
      ['b19b', 0.94],
      ['b19a', 0.85],
      ['b20b', 0.72],
      ['b20a', 0.78],
      ['b21c', 0.92],
      ['b21a', 0.95],
      ['fresh2', 0.88],
      ['fresh3', 0.95],
      ['b21b', 0.93],
      ['fresh4', 0.93],
      ['fresh6', 0.86],
    ];
    for (const [set, floor] of floors) {
      const outcomes = part(set, 'tune');
      assert.ok(share(outcomes) >= floor, `${set}: ${share(outcomes)} < ${floor}\n  ${misses(outcomes)}`);
    }
  });

  it('reports the held-out parts (not tuned to)', () => {
    for (const set of REPORTED_ONLY) {
      const outcomes = part(set, 'holdout');
      assert.ok(outcomes.length > 0, `no held-out ${set} labels`);
      console.log(
        `      held-out ${set}: ${outcomes.filter((o) => o.right).length}/${outcomes.length} right`,
      );
    }
    for (const set of REPORTED_ONLY) {
      const claims = score.falseClaims.filter((c) => c.file.set === set).length;
      console.log(`      held-out ${set}: ${claims} smoothing claims on files without smoothing`);
    }
  });
});
