import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { DEFAULT_STATE, type PlaygroundState, restorable } from '../../src/core/playground/state';
import { type SavedState, storedTextsOf, withStoredTexts } from '../../src/core/playground/storedTexts';
import { Endpoint, LoadText, SendStoredTextPart, StoreText, StoreTextPart } from '../../src/core/protocol';
import type { TextStorage as Storage, TextFolder } from '../../src/extension/playground/textStorage';
import { TextStore } from '../../src/webview/textStore';
import { replacedRef, savedReplaced } from '../../src/webview/ui/heldUndo';
import { installFakeVscode } from '../extension/support/fakeVscode';

installFakeVscode();
const {
  TextStorage,
}: { TextStorage: typeof Storage } = require('../../src/extension/playground/textStorage');

const IDS = ['logits-input', 'targets-input', 'weights-input', 'prior-input'];
const rows = (n: number, v: number) =>
  `[${Array.from({ length: n }, (_, r) => `[${r + v}, -1.5, 3]`).join(',\n')}]`;
const long = rows(20_000, 0.25);
const other = rows(20_000, 0.5);
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const schedule = (run: () => void, ms: number) => {
  const t = setTimeout(run, ms);
  return () => clearTimeout(t);
};

/** A folder in memory; `failWrites` makes writing throw, as a full disk or a read-only storage would. */
function memoryFolder() {
  const files = new Map<string, { data: Uint8Array; mtime: number }>();
  let now = 0;
  const folder: TextFolder & { files: typeof files; failWrites: boolean } = {
    files,
    failWrites: false,
    write: async (name, data) => {
      if (folder.failWrites) throw new Error('EROFS: read-only file system');
      files.set(name, { data, mtime: now++ });
    },
    read: async (name) => {
      const file = files.get(name);
      if (!file) throw new Error(`ENOENT ${name}`);
      return file.data;
    },
    list: async () => [...files].map(([name, { mtime }]) => ({ name, mtime })),
    remove: async (name) => {
      files.delete(name);
    },
  };
  return folder;
}

/** The host (its TextStorage over `folder`) and a webview's TextStore, wired like the panel and main.ts. */
function panel(folder = memoryFolder()) {
  const problems: string[] = [];
  const log: string[] = [];
  let stored = 0;
  const storage = new TextStorage(folder, {
    sha256: async (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
    now: () => 1e9,
    keepUnnamedMs: 0,
    log: (m) => log.push(m),
  });
  const posted: string[] = [];
  const host: Endpoint = new Endpoint({
    post: (m) => setImmediate(() => webview.receive(m)),
    report: (p) => problems.push(`host: ${p}`),
    schedule,
  });
  const webview: Endpoint = new Endpoint({
    post: (m) => {
      posted.push((m as { method?: string }).method ?? 'reply');
      setImmediate(() => host.receive(structuredClone(m)));
    },
    report: (p) => problems.push(`webview: ${p}`),
    schedule,
  });
  host.onNotification(StoreTextPart, (part) => storage.receive(part));
  host.onRequest(StoreText, (params) => storage.store(params));
  host.onRequest(LoadText, (ref) => storage.load(ref, (part) => host.notify(SendStoredTextPart, part)));
  const store = new TextStore(
    webview,
    tick,
    () => stored++,
    (p) => problems.push(p),
  );
  /** Saves as main.ts does once `stored` is called: the state by reference, its texts stored. */
  async function save(state: PlaygroundState, kept?: { id: string; text: string }) {
    const before = stored;
    let forms = store.saved(state, kept);
    while (!forms.complete) {
      await tick();
      if (stored > before) forms = store.saved(state, kept);
    }
    return forms;
  }
  return { folder, store, save, problems, log, posted };
}

describe('long texts are stored by the host, not saved in the webview state', () => {
  it('once stored, a 22 MB text is not in the state passed to setState; it restores after a reload', async () => {
    const huge = `[${'[0.25, -1.5, 3.125, 0.5],\n'.repeat(860_000)}[1, 2, 3, 4]]`;
    assert.ok(huge.length > 22e6);
    const p = panel();
    const state = { ...DEFAULT_STATE, logitsText: huge, epsilon: 0.3 };
    const { own, host } = await p.save(state);
    const json = JSON.stringify(own);
    assert.ok(json.length < 2000, `${json.length} characters saved`);
    assert.equal(JSON.stringify(host).length, json.length);
    assert.equal(p.posted.filter((m) => m === StoreTextPart.method).length, Math.ceil(huge.length / 2 ** 20));
    const again = panel(p.folder);
    const read = await again.store.load(Object.values(storedTextsOf(own)));
    const restored = restorable(withStoredTexts(JSON.parse(json), read));
    assert.equal(restored?.logitsText, huge);
    assert.equal(restored?.epsilon, 0.3);
    assert.deepEqual([...p.problems, ...again.problems], []);
  });

  it('sends a text once: later saves of states holding it only name it', async () => {
    const p = panel();
    await p.save({ ...DEFAULT_STATE, logitsText: long });
    const sent = p.posted.length;
    const { own } = await p.save({ ...DEFAULT_STATE, logitsText: long, epsilon: 0.1 });
    assert.equal(p.posted.length, sent, 'nothing posted to the host');
    assert.equal((own as SavedState).logitsText, '');
    assert.equal(p.folder.files.size, 1);
  });

  it('does not send a text again when a paste replaced it and it is kept for undo', async () => {
    const p = panel();
    await p.save({ ...DEFAULT_STATE, logitsText: long });
    const sent = p.posted.length;
    // textEdits.ts commits the paste first, then keeps the text it replaced.
    await p.save({ ...DEFAULT_STATE, logitsText: other });
    const pasted = p.posted.length;
    const { own } = await p.save({ ...DEFAULT_STATE, logitsText: other }, { id: 'logits-input', text: long });
    assert.equal(p.posted.length, pasted, 'the replaced text was not sent again');
    assert.ok(pasted > sent);
    assert.equal(replacedRef(own)?.length, long.length);
  });

  it('keeps a text inline in the state until it is stored, so a panel closed meanwhile loses nothing', async () => {
    const p = panel();
    const storing = p.store.saved({ ...DEFAULT_STATE, logitsText: long }, undefined);
    assert.equal(storing.complete, false);
    assert.equal((storing.own as SavedState).logitsText, long);
    assert.deepEqual(storedTextsOf(storing.own), {});
    const { own } = await p.save({ ...DEFAULT_STATE, logitsText: long });
    assert.equal((own as SavedState).logitsText, '', 'by reference once stored');
    const short = p.store.saved({ ...DEFAULT_STATE, logitsText: '[[1, 2]]' }, undefined);
    assert.equal(short.complete, true);
    assert.equal(short.host.logitsText, '[[1, 2]]');
  });

  it('keeps the text in the state, with a note, when the host cannot store it', async () => {
    const p = panel();
    p.folder.failWrites = true;
    const { own, host } = await p.save({ ...DEFAULT_STATE, logitsText: long });
    assert.equal((own as SavedState).logitsText, long);
    assert.equal(host.logitsText, long);
    assert.deepEqual(host.storedTexts, {});
    assert.match(p.problems.join('\n'), /the pasted 0\.4 MB text stays in the panel's state: EROFS/);
    assert.match(p.log.join('\n'), /not stored: EROFS/);
    const sent = p.posted.length;
    await p.save({ ...DEFAULT_STATE, logitsText: long, epsilon: 0.2 });
    assert.equal(p.posted.length, sent, 'not offered again');
  });

  it('keeps every other field, and says so, when a stored text is gone', async () => {
    const p = panel();
    const { own } = await p.save({ ...DEFAULT_STATE, logitsText: long, targetsText: '[1]', bins: 7 });
    p.folder.files.clear();
    const again = panel(p.folder);
    const read = await again.store.load(Object.values(storedTextsOf(own)));
    const restored = restorable(withStoredTexts(own, read));
    assert.deepEqual([restored?.logitsText, restored?.targetsText, restored?.bins], ['', '[1]', 7]);
    assert.match(
      again.problems.join('\n'),
      /a pasted 0\.4 MB text could not be restored: the stored text is gone/,
    );
  });

  it('stores the held text a key replaced too, and offers it again after a reload', async () => {
    const p = panel();
    const kept = { id: 'logits-input', text: other };
    const { own, host } = await p.save({ ...DEFAULT_STATE, logitsText: 'x' }, kept);
    assert.ok(JSON.stringify(own).length < 2000);
    assert.equal(JSON.stringify(host).includes('replacedHeldText'), false, 'the host keeps no held text');
    const ref = replacedRef(own);
    assert.ok(ref);
    const again = panel(p.folder);
    const read = await again.store.load([ref]);
    assert.deepEqual(savedReplaced(JSON.parse(JSON.stringify(own)), IDS, read), kept);
    assert.equal(savedReplaced(own, IDS), undefined, 'not before it is read back');
  });

  it('deletes the files no saved state names any more', async () => {
    const p = panel();
    const { own: first } = await p.save({ ...DEFAULT_STATE, logitsText: long });
    await p.save({ ...DEFAULT_STATE, logitsText: long, targetsText: other });
    assert.equal(p.folder.files.size, 2);
    const { own } = await p.save({ ...DEFAULT_STATE, logitsText: '[[1]]', targetsText: other });
    for (const v of [0.75, 0.8, 0.9, 0.95])
      await p.save({ ...DEFAULT_STATE, logitsText: rows(20_000, v), targetsText: other });
    assert.equal(p.folder.files.size, 5, 'the two named, and the three stored before the last');
    assert.equal(p.folder.files.has(`${storedTextsOf(first).logitsText?.hash}.txt`), false);
    assert.ok(p.folder.files.has(`${storedTextsOf(own).targetsText?.hash}.txt`));
  });
});
