import { strict as assert } from 'node:assert';
import { StatePersister } from '../../src/webview/statePersister';

/** Timers that fire when the test says so. */
function clock() {
  let timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  return {
    schedule: (run: () => void, ms: number) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return () => {
        timer.cancelled = true;
      };
    },
    elapse: () => {
      const due = timers.filter((t) => !t.cancelled);
      timers = [];
      for (const t of due) t.run();
    },
    get waiting() {
      return timers.filter((t) => !t.cancelled).length;
    },
  };
}

describe('when the playground saves its state', () => {
  it('saves a change that is not an ε step at once', () => {
    const saved: string[] = [];
    const persister = new StatePersister<string>((s) => saved.push(s), clock().schedule, 120);
    persister.changed('loss', false);
    persister.changed('convention', false);
    assert.deepEqual(saved, ['loss', 'convention']);
  });

  it('saves a slider drag once, with its last ε, when the slider rests', () => {
    const saved: string[] = [];
    const timers = clock();
    const persister = new StatePersister<string>((s) => saved.push(s), timers.schedule, 120);
    for (const step of ['ε 0.1', 'ε 0.2', 'ε 0.3']) persister.changed(step, true);
    assert.deepEqual(saved, []);
    assert.equal(timers.waiting, 1);
    timers.elapse();
    assert.deepEqual(saved, ['ε 0.3']);
  });

  it('saves ε steps with the next other change at once, and not again when the slider would have rested', () => {
    const saved: string[] = [];
    const timers = clock();
    const persister = new StatePersister<string>((s) => saved.push(s), timers.schedule, 120);
    persister.changed('ε 0.4', true);
    persister.changed('ε 0.4, K−1', false);
    timers.elapse();
    assert.deepEqual(saved, ['ε 0.4, K−1']);
  });

  it('does not save the state it saved last again', () => {
    const saved: string[] = [];
    const timers = clock();
    const persister = new StatePersister<string>((s) => saved.push(s), timers.schedule, 120);
    const state = 'seed';
    persister.changed(state, false);
    persister.changed(state, true);
    timers.elapse();
    assert.deepEqual(saved, ['seed']);
  });
});
