import { strict as assert } from 'node:assert';
import { LatestRunner } from '../../src/webview/latestRunner';
import { offsetOf } from '../../src/webview/textPosition';

describe('webview job runner', () => {
  it('runs one job at a time and keeps only the newest waiting one', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    let release: () => void = () => undefined;
    const runner = new LatestRunner<number, number>(
      (n) => {
        started.push(n);
        return new Promise((resolve) => {
          release = () => resolve(n * 10);
        });
      },
      (_, r) => finished.push(r),
      () => assert.fail('no failure expected'),
    );
    runner.run(1);
    runner.run(2);
    runner.run(3);
    assert.deepEqual(started, [1]);
    release();
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(started, [1, 3]);
    release();
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(finished, [10, 30]);
    assert.equal(runner.busy, false);
  });

  it('merges waiting jobs so a full recompute is never dropped for an exact one', async () => {
    type Job = { scope: 'full' | 'exact'; n: number };
    const ran: Job[] = [];
    let release: () => void = () => undefined;
    const runner = new LatestRunner<Job, void>(
      (job) => {
        ran.push(job);
        return new Promise((resolve) => {
          release = resolve;
        });
      },
      () => undefined,
      () => undefined,
      (older, newer) => (older.scope === 'full' ? { ...newer, scope: 'full' } : newer),
    );
    runner.run({ scope: 'exact', n: 0 });
    runner.run({ scope: 'full', n: 1 });
    runner.run({ scope: 'exact', n: 2 });
    release();
    await new Promise((r) => setTimeout(r, 0));
    assert.deepEqual(ran[1], { scope: 'full', n: 2 });
  });

  it('reports failures and carries on', async () => {
    const failures: unknown[] = [];
    const runner = new LatestRunner<number, number>(
      (n) => (n === 1 ? Promise.reject(new Error('bad')) : Promise.resolve(n)),
      () => undefined,
      (_, e) => failures.push(e),
    );
    runner.run(1);
    await new Promise((r) => setTimeout(r, 0));
    assert.equal(failures.length, 1);
  });
});

describe('webview error positions', () => {
  it('maps 1-based line and column to a text offset', () => {
    const text = '[[0, 1],\n [2, x]]';
    assert.equal(text[offsetOf(text, 2, 6)], 'x');
    assert.equal(offsetOf(text, 9, 1), text.length);
  });
});
