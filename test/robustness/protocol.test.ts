// Issue 9, item 15: validators reject keys named after Object.prototype members (they document that unknown keys
// are rejected, and such keys got persisted), and Endpoint.receive never throws, whatever arrives.
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { DEFAULT_STATE, isPlaygroundState } from '../../src/core/playground/state';
import { Endpoint, StateChanged, WebviewReady } from '../../src/core/protocol';
import { fuzz } from '../support/fuzz';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'];

/** An endpoint that records what it reports and posts, with the two notifications the host handles. */
function endpoint() {
  const problems: string[] = [];
  const posted: unknown[] = [];
  const received: unknown[] = [];
  const e = new Endpoint({
    post: (m) => posted.push(m),
    report: (p) => problems.push(p),
    schedule: () => () => undefined,
  });
  e.onNotification(StateChanged, (s) => received.push(s));
  e.onNotification(WebviewReady, (p) => received.push(p));
  return { e, problems, posted, received };
}

/** `value` with an own key `key` (as JSON.parse and postMessage deliver `__proto__`, an own key, not a prototype). */
function withKey(value: object, key: string, extra: unknown): Record<string, unknown> {
  const out = { ...value };
  Object.defineProperty(out, key, { value: extra, enumerable: true, writable: true, configurable: true });
  return out;
}

describe('robustness: protocol validation (issue 9, item 15)', () => {
  for (const key of PROTOTYPE_KEYS) {
    it(`rejects a state with an own key "${key}" and does not persist it`, () => {
      const state = withKey(DEFAULT_STATE, key, 1);
      assert.ok(Object.hasOwn(state, key));
      assert.equal(isPlaygroundState(state), false);
      const { e, problems, received } = endpoint();
      e.receive({ method: StateChanged.method, params: state });
      assert.deepEqual(received, []);
      assert.match(problems.join('\n'), /invalid params/);
    });
  }

  it('reads no field from Object.prototype: a message without own params is malformed', () => {
    const { e, problems, received } = endpoint();
    e.receive(Object.assign(Object.create({ params: { hasState: true } }), { method: WebviewReady.method }));
    assert.deepEqual(received, []);
    assert.match(problems[0] ?? '', /malformed/);
  });

  it('never throws on cyclic, BigInt, null-prototype or throwing messages, and reports each', () => {
    const cyclic: Record<string, unknown> = { method: 'x' };
    cyclic.self = cyclic;
    const cyclicParams: Record<string, unknown> = { method: StateChanged.method };
    cyclicParams.params = cyclicParams;
    const throwing = {
      get method(): string {
        throw new Error('getter');
      },
    };
    const messages = [cyclic, cyclicParams, { method: 1n }, 10n, Object.create(null), throwing, Symbol('s')];
    const { e, problems } = endpoint();
    for (const m of messages) assert.doesNotThrow(() => e.receive(m));
    assert.equal(problems.length, messages.length);
  });

  it('any message: receive never throws, and a state is accepted only when it is exactly a valid state', () => {
    const anything = fc.anything({
      withBigInt: true,
      withNullPrototype: true,
      withObjectString: true,
      maxDepth: 3,
    });
    const message = fc.oneof(
      anything,
      fc.record({ method: fc.constantFrom(StateChanged.method, WebviewReady.method, 'x'), params: anything }),
      fc
        .tuple(fc.constantFrom(...PROTOTYPE_KEYS, 'extra'), anything)
        .map(([key, value]) => ({ method: StateChanged.method, params: withKey(DEFAULT_STATE, key, value) })),
    );
    fc.assert(
      fc.property(message, (m) => {
        const { e, received } = endpoint();
        e.receive(m);
        for (const r of received)
          if (r !== null && typeof r === 'object' && !('hasState' in r)) {
            assert.ok(isPlaygroundState(r));
            assert.deepEqual(Object.keys(r).sort(), Object.keys(DEFAULT_STATE).sort());
          }
      }),
      fuzz(1000),
    );
  });
});
