/**
 * The webview ⇄ worker stream: the client (computeClient.ts) and the worker's service (computeService.ts) wired
 * back to back through a post that transfers like postMessage. The worker waits at a gate between parts, so each
 * test decides exactly when a part goes out and when a cancellation comes in (no timing involved).
 */
import { strict as assert } from 'node:assert';
import { computePlayground } from '../../src/core/playground/compute';
import { PLOT_PARTS } from '../../src/core/playground/parts';
import { DEFAULT_STATE, type PlaygroundState } from '../../src/core/playground/state';
import {
  CancelCompute,
  Compute,
  type ComputeParams,
  ComputePart,
  Endpoint,
  type ResultPart,
  SendTextPart,
  TEXT_PART_LENGTH,
} from '../../src/core/protocol';
import { ComputeClient, fitsInline } from '../../src/webview/computeClient';
import { serveCompute } from '../../src/webview/computeService';
import { TextsHeld, TextsSent } from '../../src/webview/workerTexts';

/** Generated data always goes to the worker (see fitsInline). */
const generated = (patch: Partial<PlaygroundState> = {}): ComputeParams => ({
  state: { ...DEFAULT_STATE, synthetic: { rows: 40, cols: 7, seed: 5 }, epsilon: 0.2, ...patch },
  scope: 'full',
});

/** Pasted logits and class indices, too long to compute inline. */
function pastedRows(rows: number): PlaygroundState {
  const logitsText = `[${Array.from({ length: rows }, (_, r) => `[${r % 7}, ${r % 3}, 0.5]`).join(', ')}]`;
  const targetsText = `[${Array.from({ length: rows }, (_, r) => r % 3).join(', ')}]`;
  return { ...DEFAULT_STATE, logitsText, targetsText };
}

/** Where the worker waits between parts until the test lets it go on. */
class Gate {
  private waiting: (() => void)[] = [];
  open = false;
  readonly pass = (): Promise<void> =>
    this.open ? Promise.resolve() : new Promise((resolve) => this.waiting.push(resolve));
  get held(): number {
    return this.waiting.length;
  }
  release(): void {
    for (const go of this.waiting.splice(0)) go();
  }
}

/** Lets every message and continuation queued so far run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

async function until(condition: () => boolean): Promise<void> {
  for (let turns = 0; !condition(); turns++) {
    assert.ok(turns < 1000, 'never happened');
    await settle();
  }
}

function wired(gate: Gate) {
  const problems: string[] = [];
  const fromWorker: string[] = [];
  const toWorker: unknown[] = [];
  const schedule = () => () => undefined;
  const webview: Endpoint = new Endpoint({
    post: (m) => {
      toWorker.push(m);
      queueMicrotask(() => worker.receive(structuredClone(m)));
    },
    report: (p) => problems.push(`webview: ${p}`),
    schedule,
  });
  const worker: Endpoint = new Endpoint({
    post: (m, transfer) => {
      const moved = structuredClone(m, { transfer });
      fromWorker.push((m as { method?: string }).method ?? 'reply');
      queueMicrotask(() => webview.receive(moved));
    },
    report: (p) => problems.push(`worker: ${p}`),
    schedule,
  });
  serveCompute(worker, gate.pass);
  const client = new ComputeClient(
    async () => webview,
    (p) => problems.push(`client: ${p}`),
  );
  return { client, problems, fromWorker, toWorker };
}

describe('compute stream between the webview and its worker', () => {
  it('delivers the loss part first, then every plot part, and ends complete with the whole result', async () => {
    const gate = new Gate();
    gate.open = true;
    const { client, problems } = wired(gate);
    const params = generated();
    const parts: ResultPart[] = [];
    const end = await client.run(params, (part) => parts.push(part));
    assert.deepEqual(end, { ok: true });
    assert.deepEqual(
      parts.map((p) => p.name),
      ['loss', ...PLOT_PARTS],
    );
    const whole: Record<string, unknown> = { ok: true };
    for (const p of parts) Object.assign(whole, p.name === 'loss' ? p.value : { [p.name]: p.value });
    assert.deepEqual(whole, computePlayground(params.state));
    assert.deepEqual(problems, []);
  });

  it('shows the loss part while the plots still compute', async () => {
    const gate = new Gate();
    const { client } = wired(gate);
    const parts: string[] = [];
    const end = client.run(generated(), (part) => parts.push(part.name));
    await until(() => gate.held === 1);
    gate.release();
    await until(() => gate.held === 1 && parts.length === 1);
    assert.deepEqual(parts, ['loss']);
    gate.open = true;
    gate.release();
    assert.deepEqual(await end, { ok: true });
    assert.equal(parts.length, 1 + PLOT_PARTS.length);
  });

  it('drops every part of a cancelled job, also those already on their way, and ends it as cancelled', async () => {
    const gate = new Gate();
    const { client, fromWorker, problems } = wired(gate);
    const parts: string[] = [];
    const first = client.run(generated(), (part) => parts.push(part.name));
    await until(() => gate.held === 1);
    gate.release();
    await until(() => gate.held === 1 && parts.length === 1);
    // The worker posts the model part in the continuation this release queues, before the cancellation reaches it.
    gate.release();
    client.cancel();
    await until(() => gate.held === 1);
    gate.open = true;
    gate.release();
    assert.deepEqual(await first, { ok: false, cancelled: true });
    assert.deepEqual(parts, ['loss']);
    assert.deepEqual(fromWorker, ['worker/part', 'worker/part', 'reply']);
    assert.deepEqual(problems, []);
  });

  it('streams the next job in full after a cancelled one', async () => {
    const gate = new Gate();
    const { client } = wired(gate);
    const stale: string[] = [];
    const fresh: string[] = [];
    const first = client.run(generated(), (part) => stale.push(part.name));
    await until(() => gate.held === 1);
    client.cancel();
    gate.open = true;
    gate.release();
    assert.deepEqual(await first, { ok: false, cancelled: true });
    const second = await client.run(generated({ convention: 'k_minus_1' }), (part) => fresh.push(part.name));
    assert.deepEqual(second, { ok: true });
    assert.deepEqual(stale, []);
    assert.deepEqual(fresh, ['loss', ...PLOT_PARTS]);
  });

  it('sends each input text to the worker once per change, not with every computation', async () => {
    const gate = new Gate();
    gate.open = true;
    const { client, toWorker, problems } = wired(gate);
    const pasted = { ...pastedRows(6000), epsilon: 0.1 };
    const { logitsText, targetsText } = pasted;
    const ends = [];
    for (const [state, scope] of [
      [pasted, 'full'],
      [{ ...pasted, epsilon: 0.2 }, 'exact'],
      [{ ...pasted, epsilon: 0.3 }, 'exact'],
      [{ ...pasted, convention: 'k_minus_1' }, 'full'],
      [{ ...pasted, targetsText: `${targetsText} ` }, 'full'],
    ] as const)
      ends.push(await client.run({ state, scope }, () => undefined));
    assert.deepEqual(ends, Array(5).fill({ ok: true }));
    const sent = toWorker.map((m) => m as { method?: string; params: Record<string, unknown> });
    const texts = sent.filter((m) => m.method === SendTextPart.method).map((m) => m.params);
    assert.deepEqual(texts, [
      { key: 'logitsText', text: logitsText, append: false },
      { key: 'targetsText', text: targetsText, append: false },
      { key: 'targetsText', text: `${targetsText} `, append: false },
    ]);
    const jobs = sent
      .filter((m) => m.method === Compute.method)
      .map((m) => m.params.state as PlaygroundState);
    assert.equal(jobs.length, 5);
    assert.ok(jobs.every((s) => s.logitsText === '' && s.targetsText === ''));
    assert.deepEqual(problems, []);
  });

  it('computes each job on its own texts, also those the worker already held', async () => {
    const gate = new Gate();
    gate.open = true;
    const { client } = wired(gate);
    const a = pastedRows(6000);
    const b = { ...a, targetsText: a.targetsText.replace('[0, 1, 2', '[2, 2, 2') };
    for (const state of [a, b, a, { ...a, epsilon: 0.9 }]) {
      assert.ok(!fitsInline({ state, scope: 'full' }));
      let loss: number | undefined;
      await client.run({ state, scope: 'full' }, (part) => {
        if (part.name === 'loss') loss = part.value.exact.value;
      });
      const whole = computePlayground(state);
      assert.ok(whole.ok);
      assert.equal(loss, whole.exact.value);
    }
  });

  it('ends a refused job with the errors on its fields, after no part', async () => {
    const gate = new Gate();
    gate.open = true;
    const { client } = wired(gate);
    const parts: string[] = [];
    const end = await client.run(generated({ synthetic: null, logitsText: 'x'.repeat(70_000) }), (part) =>
      parts.push(part.name),
    );
    assert.ok(!end.ok && 'errors' in end && end.errors[0]!.field === 'logits');
    assert.deepEqual(parts, []);
  });
});

describe('input texts sent to the worker in parts', () => {
  const at = (state: PlaygroundState) => ({ state, scope: 'full' as const });

  it('cuts a long text into parts of at most the part length that the worker joins again', () => {
    const sent = new TextsSent(10);
    const held = new TextsHeld();
    const state = { ...DEFAULT_STATE, logitsText: 'x'.repeat(25), targetsText: '[0]' };
    const { request, parts } = sent.job(at(state), 1);
    assert.deepEqual(
      parts.map((p) => [p.key, p.text.length, p.append]),
      [
        ['logitsText', 10, false],
        ['logitsText', 10, true],
        ['logitsText', 5, true],
        ['targetsText', 3, false],
      ],
    );
    for (const part of parts) held.receive(part);
    assert.deepEqual(held.params(request), at(state));
  });

  it('sends an emptied text as one empty part, and nothing for the texts the worker holds', () => {
    const sent = new TextsSent(10);
    const state = { ...DEFAULT_STATE, weightText: '[1, 2]' };
    sent.job(at(state), 1);
    assert.deepEqual(sent.job(at(state), 2).parts, []);
    assert.deepEqual(sent.job(at({ ...state, weightText: '' }), 3).parts, [
      { key: 'weightText', text: '', append: false },
    ]);
  });
});

describe('validation of the stream messages', () => {
  const state = DEFAULT_STATE;

  it('worker/compute takes a job number, a state and a scope, and nothing else', () => {
    assert.equal(Compute.method, 'worker/compute');
    assert.ok(Compute.isParams({ job: 1, state, scope: 'full' }));
    assert.ok(Compute.isParams({ job: 2, state, scope: 'exact' }));
    for (const bad of [
      { state, scope: 'full' },
      { job: 1.5, state, scope: 'full' },
      { job: '1', state, scope: 'full' },
      { job: 1, state, scope: 'plots' },
      { job: 1, state: { ...state, version: 9 }, scope: 'full' },
      { job: 1, state, scope: 'full', transfer: [] },
    ])
      assert.equal(Compute.isParams(bad), false, JSON.stringify(bad).slice(0, 80));
  });

  it('worker/text names a text of the state, and carries a part of it no longer than the part length', () => {
    assert.equal(SendTextPart.method, 'worker/text');
    assert.ok(SendTextPart.isParams({ key: 'logitsText', text: '[[1, 2]]', append: false }));
    assert.ok(SendTextPart.isParams({ key: 'priorText', text: 'x'.repeat(TEXT_PART_LENGTH), append: true }));
    for (const bad of [
      { key: 'loss', text: '', append: false },
      { key: 'logitsText', text: 'x'.repeat(TEXT_PART_LENGTH + 1), append: true },
      { key: 'logitsText', text: '', append: 'no' },
      { key: 'logitsText', text: '' },
      { key: 'logitsText', text: '', append: false, job: 1 },
    ])
      assert.equal(SendTextPart.isParams(bad), false, JSON.stringify(bad).slice(0, 80));
  });

  it('worker/compute ends complete, refused with errors, or cancelled', () => {
    for (const end of [
      { ok: true },
      { ok: false, errors: [{ field: 'logits', line: 1, column: 1, message: 'm' }] },
      { ok: false, cancelled: true },
    ])
      assert.ok(Compute.isResult(end), JSON.stringify(end));
    for (const bad of [
      {},
      { ok: true, model: {} },
      { ok: false },
      { cancelled: true },
      { ok: false, cancelled: 1 },
      { ok: false, errors: [], cancelled: true },
    ])
      assert.equal(Compute.isResult(bad), false, JSON.stringify(bad));
  });

  it('worker/part carries a job number and a valid part', () => {
    assert.equal(ComputePart.method, 'worker/part');
    const loss = {
      name: 'loss',
      value: {
        rows: 1,
        cols: 2,
        family: 'categorical',
        targetKind: 'index',
        lossInput: 'logits',
        notes: [],
        exact: { epsilon: 0, value: Number.NaN },
        prior: null,
      },
    };
    assert.ok(ComputePart.isParams({ job: 3, part: loss }));
    assert.equal(ComputePart.isParams({ part: loss }), false);
    assert.equal(ComputePart.isParams({ job: 3, part: { ...loss, name: 'plots' } }), false);
    assert.equal(ComputePart.isParams({ job: 3, part: loss, extra: 1 }), false);
  });

  it('worker/cancel names a job', () => {
    assert.equal(CancelCompute.method, 'worker/cancel');
    assert.ok(CancelCompute.isParams({ job: 4 }));
    for (const bad of [{}, { job: 'all' }, { job: 4, reason: 'newer input' }])
      assert.equal(CancelCompute.isParams(bad), false);
  });
});
