import { strict as assert } from 'node:assert';
import { DEFAULT_STATE } from '../../src/core/playground/state';
import {
  ApplySeed,
  Compute,
  Endpoint,
  GetSnapshot,
  SaveFile,
  type Snapshot,
  StateChanged,
  WebviewReady,
} from '../../src/core/protocol';

interface Pair {
  host: Endpoint;
  webview: Endpoint;
  problems: string[];
  /** Messages the webview side posted, as the host received them. */
  fromWebview: unknown[];
}

/** Two endpoints wired back to back, delivering asynchronously like postMessage. */
function pair(timeoutMs = 1000): Pair {
  const problems: string[] = [];
  const fromWebview: unknown[] = [];
  const schedule = (run: () => void, ms: number) => {
    const t = setTimeout(run, ms);
    return () => clearTimeout(t);
  };
  const host: Endpoint = new Endpoint({
    post: (m) => queueMicrotask(() => webview.receive(m)),
    report: (p) => problems.push(`host: ${p}`),
    schedule,
    timeoutMs,
  });
  const webview: Endpoint = new Endpoint({
    post: (m) => {
      fromWebview.push(m);
      queueMicrotask(() => host.receive(m));
    },
    report: (p) => problems.push(`webview: ${p}`),
    schedule,
    timeoutMs,
  });
  return { host, webview, problems, fromWebview };
}

const tick = () => new Promise((r) => setTimeout(r, 5));

const SNAPSHOT: Snapshot = { state: DEFAULT_STATE, lossText: '1.4670', lossValue: 1.467, errors: [] };

describe('playground protocol', () => {
  it('uses {id, method, params} envelopes and answers requests by id', async () => {
    const { host, webview, fromWebview } = pair();
    webview.onRequest(GetSnapshot, () => SNAPSHOT);
    host.onNotification(WebviewReady, () => undefined);
    webview.notify(WebviewReady, { hasState: false });
    assert.deepEqual(await host.request(GetSnapshot, {}), SNAPSHOT);
    assert.deepEqual(fromWebview[0], { method: 'webview/ready', params: { hasState: false } });
    assert.deepEqual(fromWebview[1], { id: 1, result: SNAPSHOT });
  });

  it('delivers notifications with validated params', async () => {
    const { host, webview, problems } = pair();
    const seeds: unknown[] = [];
    webview.onNotification(ApplySeed, (s) => seeds.push(s));
    host.notify(ApplySeed, { epsilon: 0.1, convention: 'k_minus_1' });
    await tick();
    assert.deepEqual(seeds, [{ epsilon: 0.1, convention: 'k_minus_1' }]);
    assert.deepEqual(problems, []);
  });

  it('rejects and reports malformed, unknown and invalid messages without throwing', async () => {
    const { host, problems } = pair();
    host.onNotification(StateChanged, () => assert.fail('must not run'));
    host.receive('hello');
    host.receive({ method: 42, params: {} });
    host.receive({ method: 'nope/never', params: {} });
    host.receive({ method: 'playground/stateChanged', params: { ...DEFAULT_STATE, epsilon: 3 } });
    host.receive({ id: 99, result: 1 });
    await tick();
    assert.equal(problems.length, 5);
    assert.match(problems[0]!, /malformed/);
    assert.match(problems[2]!, /unknown method nope\/never/);
    assert.match(problems[3]!, /stateChanged: invalid params/);
    assert.match(problems[4]!, /unknown request 99/);
  });

  it('answers a request with invalid params with an error reply', async () => {
    const { host, webview } = pair();
    host.onRequest(SaveFile, () => ({ saved: true }));
    const bad = { kind: 'exe', suggestedName: 'x', content: '' } as unknown as Parameters<
      typeof webview.request
    >[1];
    await assert.rejects(webview.request(SaveFile, bad), /not sent: invalid params/);
    const reply = new Promise<unknown>((resolve) => {
      const probe = new Endpoint({ post: resolve, report: () => undefined, schedule: () => () => undefined });
      probe.onRequest(SaveFile, () => ({ saved: true }));
      probe.receive({ id: 7, method: 'playground/saveFile', params: { kind: 'exe' } });
    });
    assert.deepEqual(await reply, { id: 7, error: 'invalid params for playground/saveFile' });
  });

  it('rejects a reply whose result does not validate, and times out unanswered requests', async () => {
    const { host, webview } = pair(20);
    webview.onRequest(GetSnapshot, () => ({ ...SNAPSHOT, lossValue: 'x' }) as unknown as Snapshot);
    await assert.rejects(host.request(GetSnapshot, {}), /invalid result/);
    const silent = new Endpoint({
      post: () => undefined,
      report: () => undefined,
      schedule: (run, ms) => {
        const t = setTimeout(run, ms);
        return () => clearTimeout(t);
      },
      timeoutMs: 10,
    });
    await assert.rejects(silent.request(GetSnapshot, {}), /timed out/);
  });

  it('turns a throwing handler into an error reply', async () => {
    const { host, webview } = pair();
    webview.onRequest(GetSnapshot, () => {
      throw new Error('boom');
    });
    await assert.rejects(host.request(GetSnapshot, {}), /boom/);
  });

  it('fails outstanding requests when disposed', async () => {
    const lonely = new Endpoint({
      post: () => undefined,
      report: () => undefined,
      schedule: () => () => undefined,
    });
    const pending = lonely.request(Compute, { job: 1, state: DEFAULT_STATE, scope: 'full' });
    lonely.dispose();
    await assert.rejects(pending, /channel closed/);
  });
});
