import * as assert from 'node:assert/strict';
import { AnalysisSession, parsePython } from '../../src/core/analysis';
import {
  MAX_ANALYSED_LINES,
  runInSlices,
  type Scheduler,
  SLICE_MS,
  tooLargeMessage,
  tooLargeToAnalyse,
} from '../../src/extension/analysisBudget';

/** A clock that moves only when a step says so, and a pause that records the time of each slice. */
function fakeScheduler(): Scheduler & { time: number; slices: number[] } {
  let sliceStart = 0;
  const fake = {
    time: 0,
    slices: [] as number[],
    now: () => fake.time,
    pause: async () => {
      fake.slices.push(fake.time - sliceStart);
      sliceStart = fake.time;
    },
  };
  return fake;
}

/** `count` steps, each taking `ms` of the fake clock; returns how many ran. */
function* work(clock: { time: number }, count: number, ms: number, done: { closed: boolean }) {
  let ran = 0;
  try {
    for (; ran < count; ran++) {
      clock.time += ms;
      yield;
    }
    return ran;
  } finally {
    done.closed = true;
  }
}

const SOURCE = `import torch.nn.functional as F

def smooth(x, y, eps=0.1):
    return F.cross_entropy(x, y, label_smoothing=eps)

class Model:
    def forward(self, x):
        return F.softmax(x, dim=-1)

loss = F.cross_entropy(F.softmax(logits, dim=-1), target)
`;

describe('robustness: the analysis never holds the extension host long (issue 9 item 11)', () => {
  it('work runs in slices of SLICE_MS, handing the thread back in between', async () => {
    const scheduler = fakeScheduler();
    const state = { closed: false };
    const ran = await runInSlices(work(scheduler, 100, 3, state), () => false, scheduler);
    assert.equal(ran, 100);
    assert.ok(
      scheduler.slices.length >= Math.floor((100 * 3) / (SLICE_MS + 3)),
      `${scheduler.slices.length} pauses`,
    );
    for (const slice of scheduler.slices)
      assert.ok(slice >= SLICE_MS && slice < SLICE_MS + 3, `slice of ${slice} ms`);
  });

  it('a step longer than a slice is followed by a pause, not by more work', async () => {
    const scheduler = fakeScheduler();
    await runInSlices(work(scheduler, 5, 40, { closed: false }), () => false, scheduler);
    assert.deepEqual(scheduler.slices, [40, 40, 40, 40, 40]);
  });

  it('stops between slices once the result is no longer wanted, and closes the work', async () => {
    const scheduler = fakeScheduler();
    const state = { closed: false };
    let slices = 0;
    const result = await runInSlices(work(scheduler, 1000, 1, state), () => slices++ >= 2, scheduler);
    assert.equal(result, null);
    assert.ok(state.closed, 'the generator was returned');
    assert.ok(scheduler.time <= 3 * (SLICE_MS + 1), `ran ${scheduler.time} ms of fake time`);
  });

  it('documents over MAX_ANALYSED_LINES are not analysed, and the message says why', () => {
    assert.equal(tooLargeToAnalyse(MAX_ANALYSED_LINES), false);
    assert.equal(tooLargeToAnalyse(MAX_ANALYSED_LINES + 1), true);
    assert.equal(tooLargeToAnalyse(100_000), true);
    assert.match(tooLargeMessage(100_000), /100,000 lines, more than the 10,000/);
  });

  it('the parse in steps is the parse, whole or incremental, and yields along the way', () => {
    const session = new AnalysisSession();
    const text = SOURCE.repeat(20);
    let steps = 0;
    const sliced = session.parseSteps(text);
    let step = sliced.next();
    for (; !step.done; step = sliced.next()) steps++;
    assert.ok(steps > 100, `${steps} steps`);
    assert.equal(step.value.tree.toString(), parsePython(text).tree.toString());
    const at = text.indexOf('eps=0.1') + 4;
    const edited = `${text.slice(0, at)}2${text.slice(at)}`;
    const reparsed = session.parseSteps(edited, step.value, [{ fromA: at, toA: at, fromB: at, toB: at + 1 }]);
    let result = reparsed.next();
    while (!result.done) result = reparsed.next();
    assert.equal(result.value.tree.toString(), parsePython(edited).tree.toString());
  });

  it('the analysis in steps gives the findings of the analysis, one step per definition or statement', () => {
    const session = new AnalysisSession({ cache: false });
    const parse = parsePython(SOURCE);
    const steps = session.analyzeSteps(parse);
    let count = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) count++;
    // Two definitions, then four top-level statements (the import, both definitions, the assignment).
    assert.equal(count, 2 + 4);
    assert.deepEqual(step.value, session.analyzeParsed(parse));
    assert.ok(step.value.length > 2);
  });
});
