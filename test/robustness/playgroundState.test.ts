// Issue 9, item 9: a saved playground state of any version, partial or damaged, restores with every field that is
// still good (the user's pasted text above all); a saved state with nothing of the user's reports no state.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { reduce } from '../../src/core/playground/reducer';
import {
  DEFAULT_STATE,
  isPlaygroundState,
  MAX_TEXT_LENGTH,
  type PlaygroundState,
  restorable,
  restoreState,
} from '../../src/core/playground/state';
import { type SavedState, storedTextsOf } from '../../src/core/playground/storedTexts';
import { RestoreState } from '../../src/core/protocol';
import { installFakeVscode } from '../extension/support/fakeVscode';
import { fuzz } from '../support/fuzz';

/**
 * Saved states exactly as the shipped builds wrote them (`git log -p -- src/core/playground/state.ts`: `version: 1`
 * from 5655e4c, `version: 2` added the prior's fields), written out here so a change of the state cannot change them.
 */
const SHIPPED: Record<string, Record<string, unknown>> = {
  'v1, pasted logits': {
    version: 1,
    loss: 'kl_div',
    inputKind: 'log_probabilities',
    convention: 'k_minus_1',
    epsilon: 0.15,
    reduction: 'batchmean',
    ignoreIndex: -100,
    temperature: 2,
    logitsText: 'tensor([[-1.2, -0.4, -2.0],\n        [-0.1, -3.0, -2.5]])',
    targetsText: '[1, 0]',
    weightText: '1, 2, 1',
    synthetic: null,
    row: 1,
    bins: 15,
  },
  'v1, synthetic stress data': {
    version: 1,
    loss: 'cross_entropy',
    inputKind: 'logits',
    convention: 'uniform',
    epsilon: 0.1,
    reduction: 'mean',
    ignoreIndex: -100,
    temperature: 1,
    logitsText: '',
    targetsText: '',
    weightText: '',
    synthetic: { rows: 4096, cols: 1000, seed: 7 },
    row: 0,
    bins: 10,
  },
  'v2, prior from class counts': {
    version: 2,
    loss: 'cross_entropy',
    inputKind: 'logits',
    convention: 'prior',
    priorSource: 'counts',
    priorText: '50, 30, 20',
    epsilon: 0.2,
    reduction: 'sum',
    ignoreIndex: -100,
    temperature: 1,
    logitsText: '[[1, 2, 3], [0, 0, 1]]',
    targetsText: '[2, 0]',
    weightText: '',
    synthetic: null,
    row: 0,
    bins: 10,
  },
};

/** A shipped state as the current version: version 1 gains the prior's fields at their defaults. */
function migrated(saved: Record<string, unknown>): Record<string, unknown> {
  const { priorSource, priorText } = DEFAULT_STATE;
  return saved.version === 1 ? { ...saved, version: 3, priorSource, priorText } : { ...saved, version: 3 };
}

/** What the host sends back: migrated, then through the strict protocol check it must pass to be sent at all. */
function hostRestores(saved: unknown): PlaygroundState | null {
  const raw: unknown = JSON.parse(JSON.stringify(saved));
  const state = restorable(raw);
  if (state)
    assert.ok(
      RestoreState.isParams({ ...state, storedTexts: storedTextsOf(raw) }),
      'the restored state passes the protocol check',
    );
  return state;
}

describe('robustness: saved playground states restore (issue 9, item 9)', () => {
  for (const [name, saved] of Object.entries(SHIPPED)) {
    it(`restores a shipped state with every field kept: ${name}`, () => {
      assert.deepEqual(hostRestores(saved), migrated(saved));
      assert.deepEqual(reduce(DEFAULT_STATE, { type: 'restore', state: saved }), migrated(saved));
    });
  }

  it('keeps the good fields of an older, partial or damaged state (the repro: the text was lost)', () => {
    const base = SHIPPED['v1, pasted logits']!;
    const damaged = [
      { ...base, version: 0 },
      { ...base, version: undefined },
      { ...base, version: '1' },
      { ...base, epsilon: 1.5 },
      { ...base, bins: 500, temperature: 0 },
      Object.fromEntries(Object.entries(base).filter(([k]) => k !== 'row')),
      { ...base, synthetic: { rows: 0, cols: 1, seed: 1.5 } },
      { ...base, extra: { nested: true }, __proto__: { logitsText: 'inherited' } },
    ];
    for (const saved of damaged) {
      const state = hostRestores(saved);
      assert.ok(state, JSON.stringify(saved));
      assert.equal(state.logitsText, base.logitsText);
      assert.equal(state.targetsText, base.targetsText);
      assert.equal(state.weightText, base.weightText);
      assert.equal(state.loss, 'kl_div');
    }
    const outOfRange = hostRestores({ ...base, epsilon: 1.5, bins: 500 })!;
    assert.deepEqual([outOfRange.epsilon, outOfRange.bins], [DEFAULT_STATE.epsilon, DEFAULT_STATE.bins]);
  });

  it('reports no state for garbage, so the host sends its copy (hasState was true for any value)', () => {
    for (const garbage of [
      undefined,
      null,
      0,
      'state',
      [],
      [DEFAULT_STATE],
      {},
      { version: 1 },
      { loss: 'hinge' },
    ])
      assert.equal(restorable(garbage), null, JSON.stringify(garbage));
    assert.equal(restorable({ targetsText: '[0]' })?.targetsText, '[0]');
  });

  it('any saved state of any version restores with the text the user typed kept', () => {
    const text = fc.string({ unit: 'binary', maxLength: 200 });
    const field = <T>(good: fc.Arbitrary<T>) => fc.oneof(good, fc.anything());
    const saved = fc.record(
      {
        version: fc.oneof(fc.constantFrom(0, 1, 2, '1', null), fc.anything()),
        loss: field(fc.constantFrom('cross_entropy', 'nll_loss', 'binary_cross_entropy', 'kl_div')),
        inputKind: field(fc.constantFrom('logits', 'probabilities', 'log_probabilities')),
        convention: field(fc.constantFrom('uniform', 'k_minus_1', 'binary', 'batch_max_plus_1', 'prior')),
        priorSource: field(fc.constantFrom('frequencies', 'vector', 'counts')),
        priorText: text,
        epsilon: field(fc.double({ min: -1, max: 2 })),
        reduction: field(fc.constantFrom('mean', 'sum', 'none', 'batchmean')),
        ignoreIndex: field(fc.integer()),
        temperature: field(fc.double()),
        logitsText: text,
        targetsText: text,
        weightText: text,
        synthetic: field(fc.record({ rows: fc.integer(), cols: fc.integer(), seed: fc.integer() })),
        row: field(fc.integer()),
        bins: field(fc.integer({ min: -5, max: 80 })),
        constructor: fc.anything(),
        toString: fc.anything(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(saved, (s) => {
        const state = restoreState(s);
        assert.ok(isPlaygroundState(state));
        const texts = ['logitsText', 'targetsText', 'weightText', 'priorText'] as const;
        for (const key of texts) {
          if (typeof s[key] === 'string') assert.equal(state[key], s[key]);
        }
        const typed = texts.some((key) => typeof s[key] === 'string');
        if (typed) assert.deepEqual(hostRestores(s), restoreState(JSON.parse(JSON.stringify(s))));
      }),
      fuzz(500),
    );
  });

  it('does not keep a text over the length limit (it could not be sent or shown)', () => {
    const huge = 'x'.repeat(MAX_TEXT_LENGTH + 1);
    assert.equal(restoreState({ ...DEFAULT_STATE, logitsText: huge }).logitsText, DEFAULT_STATE.logitsText);
  });
});

describe('robustness: the host sends its saved state, migrated (issue 9, item 9)', () => {
  installFakeVscode();
  const { PlaygroundPanel, SAVED_STATE_KEY }: typeof import('../../src/extension/playground/panel') =
    require('../../src/extension/playground/panel');
  const disposable = { dispose: () => undefined };

  /** A panel over a fake webview; returns what it posts after the webview says it is ready. */
  function readyWith(saved: unknown, hasState: boolean): unknown[] {
    const { posted, receive } = openPanel(saved);
    receive({ method: 'webview/ready', params: { hasState } });
    PlaygroundPanel.current?.dispose();
    return posted;
  }

  /** A panel over a fake webview: what it posts, and a way to send it messages. */
  function openPanel(saved: unknown) {
    const posted: unknown[] = [];
    let receive: (m: unknown) => void = () => undefined;
    const webview = {
      options: {},
      html: '',
      cspSource: 'vscode-resource:',
      asWebviewUri: (uri: unknown) => uri,
      postMessage: (m: unknown) => {
        posted.push(m);
        return Promise.resolve(true);
      },
      onDidReceiveMessage: (listener: (m: unknown) => void) => {
        receive = listener;
        return disposable;
      },
    };
    const panel = {
      webview,
      visible: true,
      onDidDispose: () => disposable,
      onDidChangeViewState: () => disposable,
      reveal: () => undefined,
      dispose: () => undefined,
    };
    const ctx = {
      extension: {
        extensionUri: {},
        workspaceState: {
          get: (key: string) => (key === SAVED_STATE_KEY ? saved : undefined),
          update: () => Promise.resolve(),
        },
      },
      log: { warn: () => undefined },
    };
    PlaygroundPanel.revive(ctx as never, panel as never);
    return { posted, receive: (m: unknown) => receive(m) };
  }

  it('sends an older or damaged saved state with the text kept (it was not sent at all)', () => {
    const base = SHIPPED['v1, pasted logits']!;
    const [message] = readyWith({ ...base, version: 0, epsilon: 7 }, false) as {
      method: string;
      params: PlaygroundState;
    }[];
    assert.equal(message?.method, RestoreState.method);
    assert.equal(message?.params.logitsText, base.logitsText);
    assert.equal(message?.params.epsilon, DEFAULT_STATE.epsilon);
  });

  it('sends a version 3 state with the references of its stored texts, for the webview to read back', () => {
    const ref = { hash: 'b'.repeat(64), length: 300_000 };
    const saved = { ...SHIPPED['v2, prior from class counts']!, version: 3, logitsText: '' };
    const [message] = readyWith({ ...saved, storedTexts: { logitsText: ref, targetsText: ref } }, false) as {
      params: SavedState;
    }[];
    assert.deepEqual(
      message?.params,
      { ...saved, storedTexts: { logitsText: ref } },
      'a full field has none',
    );
  });

  it('keeps the debugger source label while a stored text is still the one it sent (same hash)', async () => {
    const long = `[${'0.5, '.repeat(60_000)}1]`;
    const hash = createHash('sha256').update(long).digest('hex');
    const sent = async (storedHash: string) => {
      const { posted, receive } = openPanel(undefined);
      receive({ method: 'webview/ready', params: { hasState: true } });
      PlaygroundPanel.current?.showSource(
        { label: 'debugger', notes: [], refreshable: true },
        { logitsText: long },
      );
      posted.length = 0;
      const ref = { hash: storedHash, length: long.length };
      receive({
        method: 'playground/stateChanged',
        params: { ...DEFAULT_STATE, logitsText: '', storedTexts: { logitsText: ref } },
      });
      await new Promise((r) => setTimeout(r, 10));
      PlaygroundPanel.current?.dispose();
      return posted;
    };
    assert.deepEqual(await sent(hash), []);
    assert.deepEqual(await sent('c'.repeat(64)), [{ method: 'playground/source', params: { source: null } }]);
  });

  it('sends nothing when the webview has its own state, or the saved one holds nothing of the user', () => {
    assert.deepEqual(readyWith(SHIPPED['v1, pasted logits'], true), []);
    assert.deepEqual(readyWith({ version: 1, junk: true }, false), []);
    assert.deepEqual(readyWith('garbage', false), []);
  });
});
