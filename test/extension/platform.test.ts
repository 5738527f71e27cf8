import * as assert from 'node:assert/strict';
import { platform as nodePlatform } from '../../src/extension/platform/node';
import { platform as webPlatform } from '../../src/extension/platform/web';

const signal = new AbortController().signal;
/** Only a guard against a hang: starting Node takes seconds on a busy machine. */
const options = { timeoutMs: 60_000, maxOutputBytes: 1024, signal, stdin: '' };

describe('platform: Node and web extension hosts', () => {
  for (const [name, platform] of [
    ['node', nodePlatform],
    ['web', webPlatform],
  ] as const) {
    it(`${name}: nonces are 16 random bytes in base64, fresh each time`, () => {
      const nonces = Array.from({ length: 8 }, () => platform.nonce());
      for (const n of nonces) assert.equal(Buffer.from(n, 'base64').length, 16, n);
      assert.equal(new Set(nonces).size, nonces.length);
    });

    it(`${name}: SHA-256 of a text's UTF-8 bytes, in hex`, async () => {
      assert.equal(
        await platform.sha256('abc'),
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      );
      assert.equal(await platform.sha256('ε'), await nodePlatform.sha256('\u03b5'));
      assert.notEqual(await platform.sha256('ε'), await platform.sha256('e'));
    });
  }

  it('node: starts processes and reports their output', async () => {
    assert.equal(nodePlatform.canSpawn, true);
    const outcome = await nodePlatform.execFile(
      process.execPath,
      ['-e', 'process.stdout.write("hi")'],
      options,
    );
    assert.deepEqual(outcome, { ok: true, stdout: 'hi' });
  });

  it('web: cannot start processes and says it needs a desktop or remote host', async () => {
    assert.equal(webPlatform.canSpawn, false);
    const outcome = await webPlatform.execFile('python3', [], options);
    assert.equal(outcome.ok, false);
    assert.match(outcome.ok ? '' : outcome.failure.message, /desktop or remote extension host/);
  });
});
