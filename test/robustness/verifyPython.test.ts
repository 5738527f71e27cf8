// Issue 9, item 14: "Verify with Python" passes its case on stdin (a 32,000-class case made the argument too long:
// E2BIG thrown through a promise documented never to reject), keeps only a short tail of stderr (more than 64 KB
// of it killed a run whose stdout was valid, and became the notification), and runs Python isolated in an empty
// temporary directory (`python -c` put the current directory, with a workspace's json.py or torch.py, first on
// sys.path).
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { platform } from '../../src/extension/platform/node';
import { coreValue, type VerifyCase } from '../../src/extension/verify/case';
import { installFakeVscode } from '../extension/support/fakeVscode';

installFakeVscode();
const {
  runTorch,
}: typeof import('../../src/extension/verify/python') = require('../../src/extension/verify/python');

const PYTHON = '/usr/bin/python3';
const signal = new AbortController().signal;
/** A 32,000-word vocabulary: three rows of logits over every class. */
const CLASSES = 32_000;
const LARGE: VerifyCase = {
  method: 'cross_entropy',
  epsilon: 0.1,
  reduction: 'mean',
  input: [0, 1, 2].map((r) => Array.from({ length: CLASSES }, (_, k) => Math.sin(r * 7 + k) * 3)),
  target: [5, 31_999, 12_345],
};
const SMALL: VerifyCase = { ...LARGE, input: [[0.5, -1, 2]], target: [2] };

describe('robustness: Verify with Python (issue 9, item 14)', () => {
  let dir = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'loss-lens-verify-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** An executable "interpreter" running `body` under /bin/sh. */
  function fakePython(name: string, body: string): string {
    const path = join(dir, name);
    writeFileSync(path, `#!/bin/sh\n${body}\n`);
    chmodSync(path, 0o755);
    return path;
  }

  it('never rejects, even where spawning throws (E2BIG, a NUL in an argument)', async () => {
    const options = { timeoutMs: 60_000, maxOutputBytes: 1024, signal, stdin: '' };
    for (const args of [['x'.repeat(4_000_000)], ['a\0b']]) {
      const outcome = await platform.execFile(process.execPath, args, options);
      assert.equal(outcome.ok, false);
    }
  });

  it('sends a 32,000-class case on stdin, in an empty temporary directory, with -I', async function () {
    if (process.platform === 'win32') this.skip();
    const seen = join(dir, 'seen');
    const python = fakePython(
      'records',
      `{ pwd; ls -A; printf '%s\\n' "$1"; } > '${seen}'; cat > '${seen}.stdin'; echo '{"value": 1, "torch": "fake"}'`,
    );
    assert.deepEqual(await runTorch(python, LARGE, signal), { ok: true, value: 1, torch: 'fake' });
    const [cwd, firstArg, ...rest] = readFileSync(seen, 'utf8').trim().split('\n');
    assert.notEqual(cwd, process.cwd());
    assert.ok(cwd?.startsWith(tmpdir()), cwd);
    assert.deepEqual([firstArg, rest], ['-I', []], 'the directory was empty and -I came first');
    assert.equal(existsSync(cwd!), false, 'the directory is removed afterwards');
    assert.deepEqual(JSON.parse(readFileSync(`${seen}.stdin`, 'utf8')), LARGE);
  });

  it('keeps a valid result when stderr floods (1 MB), and shows only a short tail when Python fails', async function () {
    if (process.platform === 'win32') this.skip();
    const flood = `head -c 1000000 /dev/zero | tr '\\0' w >&2`;
    const chatty = fakePython('chatty', `${flood}; echo '{"value": 2.5, "torch": "fake"}'`);
    assert.deepEqual(await runTorch(chatty, SMALL, signal), { ok: true, value: 2.5, torch: 'fake' });
    const failing = fakePython('failing', `${flood}; echo >&2; echo 'RuntimeError: boom' >&2; exit 1`);
    assert.deepEqual(await runTorch(failing, SMALL, signal), {
      ok: false,
      error: 'Python failed: RuntimeError: boom',
    });
    const oneLine = fakePython('oneline', `${flood}; exit 3`);
    const result = await runTorch(oneLine, SMALL, signal);
    assert.ok(!result.ok && result.error.length < 400, 'a notification, not a megabyte');
  });

  describe(`with ${PYTHON}`, () => {
    before(function () {
      if (!existsSync(PYTHON)) {
        console.log(`      skipped: ${PYTHON} is not installed`);
        this.skip();
      }
    });

    it('computes a 32,000-class case (the argument was too long)', async function () {
      this.timeout(120_000);
      const result = await runTorch(PYTHON, LARGE, signal);
      if (!result.ok) {
        assert.match(result.error, /torch is not installed/);
        return;
      }
      const core = coreValue(LARGE);
      assert.ok(
        Math.abs(result.value - core) <= 1e-9 * Math.max(1, Math.abs(core)),
        `${result.value} vs ${core}`,
      );
    });

    it("imports no json.py or torch.py from the extension host's current directory", async function () {
      this.timeout(120_000);
      const workspace = mkdtempSync(join(dir, 'workspace-'));
      for (const name of ['json.py', 'torch.py', 'site.py'])
        writeFileSync(join(workspace, name), 'raise SystemExit("imported the workspace copy")\n');
      const before = process.cwd();
      process.chdir(workspace);
      try {
        const result = await runTorch(PYTHON, SMALL, signal);
        if (result.ok) assert.ok(Math.abs(result.value - coreValue(SMALL)) < 1e-9);
        else assert.match(result.error, /torch is not installed/);
      } finally {
        process.chdir(before);
      }
    });
  });
});
