import { strict as assert } from 'node:assert';
import { DelayedErrors, ERROR_DELAY_MS } from '../../src/webview/delayedErrors';

/** A clock the test advances by hand: no real time, so no test depends on speed. */
function manualClock() {
  let timers: { at: number; run: () => void }[] = [];
  let now = 0;
  return {
    schedule: (run: () => void, ms: number) => {
      const timer = { at: now + ms, run };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((t) => t.at <= now);
      timers = timers.filter((t) => t.at > now);
      for (const t of due) t.run();
    },
  };
}

describe('playground: errors wait until typing pauses', () => {
  it('shows nothing for an error fixed by the next keystroke, and shows one that stays', () => {
    const clock = manualClock();
    const shown: string[][] = [];
    const errors = new DelayedErrors<string>((e) => shown.push([...e]), clock.schedule);
    let headline = 0;
    errors.fail(['Line 1, column 3: unexpected x'], () => headline++);
    clock.advance(ERROR_DELAY_MS / 2);
    errors.clear(); // the next keystroke made the text valid again
    clock.advance(ERROR_DELAY_MS * 2);
    assert.deepEqual(shown, [], 'no message flashed');
    assert.equal(errors.shown, false);

    errors.fail(['a'], () => headline++);
    clock.advance(ERROR_DELAY_MS / 2);
    errors.fail(['b'], () => headline++); // still typing: the wait starts again
    clock.advance(ERROR_DELAY_MS - 1);
    assert.deepEqual(shown, []);
    clock.advance(1);
    assert.deepEqual(shown, [['b']]);
    assert.equal(errors.shown, true);
    assert.equal(headline, 1);
    errors.clear();
    assert.deepEqual(shown, [['b'], []], 'fixed: the message goes at once');
  });
});
