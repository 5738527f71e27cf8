import { strict as assert } from 'node:assert';
import { DrawQueue } from '../../src/webview/drawQueue';

/**
 * A queue on a fake clock and fake frames: frames run when the test says so, and each draw takes the time the
 * test gives that plot.
 */
function queue(options: { budgetMs: number; visible?: Set<string>; cost?: Record<string, number> }) {
  const frames: (() => void)[] = [];
  let clock = 0;
  const drawn: string[][] = [[]];
  let drains = 0;
  const q = new DrawQueue<string>({
    draw: (plot) => {
      drawn.at(-1)!.push(plot);
      clock += options.cost?.[plot] ?? 10;
    },
    frame: (run) => frames.push(run),
    now: () => clock,
    budgetMs: options.budgetMs,
    ...(options.visible && { first: (plot: string) => options.visible!.has(plot) }),
    drained: () => drains++,
  });
  const frame = () => {
    drawn.push([]);
    for (const run of frames.splice(0)) run();
  };
  return { q, drawn, frame, waiting: () => frames.length, drains: () => drains };
}

describe('plot draws spread over frames', () => {
  it('draws one plot a frame at budget 0, none in the task that asks, the plots on screen first', () => {
    const { q, drawn, frame, drains } = queue({ budgetMs: 0, visible: new Set(['gradient', 'reliability']) });
    q.add(['sweep', 'heatmap', 'gradient', 'gap', 'reliability']);
    assert.deepEqual(drawn, [[]]);
    for (let i = 0; i < 5; i++) frame();
    assert.deepEqual(drawn.slice(1), [['gradient'], ['reliability'], ['sweep'], ['heatmap'], ['gap']]);
    assert.equal(q.size, 0);
    assert.equal(drains(), 1);
  });

  it('draws a plot asked for again before its frame once, and asks for one frame at a time', () => {
    const { q, drawn, frame, waiting } = queue({ budgetMs: 0 });
    q.add(['sweep', 'heatmap']);
    q.add(['heatmap', 'sweep', 'gap']);
    assert.equal(waiting(), 1);
    for (let i = 0; i < 4; i++) frame();
    assert.deepEqual(drawn.slice(1), [['sweep'], ['heatmap'], ['gap'], []]);
    assert.equal(waiting(), 0);
  });

  it('draws within a budget: cheap plots share a frame, a costly one ends it, always one at least', () => {
    const cost = { sweep: 2, heatmap: 3, perSample: 20, gradient: 20, gap: 2 };
    const { q, drawn, frame } = queue({ budgetMs: 8, cost });
    q.add(Object.keys(cost));
    frame();
    frame();
    frame();
    assert.deepEqual(drawn.slice(1), [['sweep', 'heatmap', 'perSample'], ['gradient'], ['gap']]);
  });

  it('lets the plots take turns when asked for at every step faster than they draw (a slider drag)', () => {
    const plots = ['sweep', 'perSample', 'probabilities', 'gradient'];
    const { q, drawn } = queue({ budgetMs: 8 });
    for (let step = 0; step < 8; step++) {
      drawn.push([]);
      q.add(plots);
      q.run();
    }
    const counts = plots.map((p) => drawn.flat().filter((d) => d === p).length);
    assert.deepEqual(counts, [2, 2, 2, 2]);
    assert.ok(drawn.slice(1).every((frame) => frame.length === 1));
  });

  it('draws at once on run(), picks up plots asked for while it drains, and tells when it has drawn the last', () => {
    const { q, drawn, frame, drains } = queue({ budgetMs: 100 });
    q.add(['sweep']);
    q.run();
    assert.deepEqual(drawn, [['sweep']]);
    assert.equal(drains(), 1);
    frame();
    q.add(['gap']);
    frame();
    assert.deepEqual(drawn, [['sweep'], [], ['gap']]);
    assert.equal(drains(), 2);
  });
});
