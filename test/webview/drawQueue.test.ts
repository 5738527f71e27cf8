import { strict as assert } from 'node:assert';
import { DrawQueue } from '../../src/webview/drawQueue';

/** Frames run when the test says so. */
function frames() {
  const queued: (() => void)[] = [];
  return {
    request: (run: () => void) => queued.push(run),
    get waiting() {
      return queued.length;
    },
    run: () => {
      for (const run of queued.splice(0)) run();
    },
  };
}

function queue(visible: Set<string>) {
  const clock = frames();
  const drawn: string[][] = [[]];
  let drains = 0;
  const q = new DrawQueue<string>(
    (plot) => drawn.at(-1)!.push(plot),
    (plot) => visible.has(plot),
    clock.request,
    () => drains++,
  );
  const frame = () => {
    drawn.push([]);
    clock.run();
  };
  return { q, clock, drawn, frame, drains: () => drains };
}

describe('plot draws spread over frames', () => {
  it('draws one plot a frame, none in the task that asks, the plots on screen first', () => {
    const { q, drawn, frame, drains } = queue(new Set(['gradient', 'reliability']));
    q.add(['sweep', 'heatmap', 'gradient', 'gap', 'reliability']);
    assert.deepEqual(drawn, [[]]);
    for (let i = 0; i < 5; i++) frame();
    assert.deepEqual(drawn.slice(1), [['gradient'], ['reliability'], ['sweep'], ['heatmap'], ['gap']]);
    assert.equal(q.size, 0);
    assert.equal(drains(), 1);
  });

  it('draws a plot asked for again before its frame once, and asks for one frame at a time', () => {
    const { q, clock, drawn, frame } = queue(new Set());
    q.add(['sweep', 'heatmap']);
    q.add(['heatmap', 'sweep', 'gap']);
    assert.equal(clock.waiting, 1);
    for (let i = 0; i < 4; i++) frame();
    assert.deepEqual(drawn.slice(1), [['sweep'], ['heatmap'], ['gap'], []]);
    assert.equal(clock.waiting, 0);
  });

  it('picks up plots asked for while it drains, and tells each time it has drawn the last one', () => {
    const { q, drawn, frame, drains } = queue(new Set());
    q.add(['sweep']);
    frame();
    assert.equal(drains(), 1);
    q.add(['gap']);
    frame();
    assert.deepEqual(drawn.slice(1), [['sweep'], ['gap']]);
    assert.equal(drains(), 2);
  });
});
