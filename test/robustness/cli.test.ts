// Issue 9, items 12 and 16: the bundled CLI refuses what is not a regular source file (a FIFO hung it, /dev/zero
// ate 4 GB) with exit 2 and a message, exits quietly when its reader stops early, and takes `-h` after `--` as a
// file name.
import * as assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { MAX_SOURCE_BYTES } from '../../src/cli/sourceFile';

const BUNDLE = join(__dirname, '..', '..', 'dist', 'cli.js');
const FIXTURE = join(__dirname, '..', 'fixtures', 'python', 'seed004_four_implementations.py');
/** Only guards against a hang (the bug); no result depends on it. */
const HANG_MS = 60_000;

function cli(...args: string[]) {
  return spawnSync(process.execPath, [BUNDLE, ...args], { encoding: 'utf8', timeout: HANG_MS });
}

describe('robustness: CLI inputs and output pipe (issue 9, items 12 and 16)', function () {
  this.timeout(3 * HANG_MS);
  let dir = '';
  before(function () {
    if (!existsSync(BUNDLE)) this.skip();
    dir = mkdtempSync(join(tmpdir(), 'loss-lens-cli-'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('refuses a FIFO with exit 2 instead of waiting for a writer', function () {
    if (process.platform === 'win32') this.skip();
    const fifo = join(dir, 'pipe.py');
    execFileSync('mkfifo', [fifo]);
    const r = cli('explain', fifo);
    assert.equal(r.signal, null, 'it did not hang');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read .*pipe\.py: not a regular file/);
  });

  it('refuses /dev/zero and a directory with exit 2', function () {
    if (process.platform === 'win32') this.skip();
    for (const path of ['/dev/zero', dir]) {
      const r = cli('explain', path);
      assert.equal(r.status, 2, path);
      assert.match(r.stderr, /not a regular file/);
    }
  });

  it('refuses a file over the size cap, still reporting the others', () => {
    const huge = join(dir, 'huge.py');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_SOURCE_BYTES + 1);
    const r = cli('explain', '--json', huge, FIXTURE);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /huge\.py: \d+ bytes, more than the 16 MiB the CLI reads/);
    assert.equal((JSON.parse(r.stdout) as { files: unknown[] }).files.length, 1);
  });

  it('ignores a FIFO sibling when resolving imports', function () {
    if (process.platform === 'win32') this.skip();
    const pkg = mkdtempSync(join(dir, 'pkg-'));
    execFileSync('mkfifo', [join(pkg, 'helpers.py')]);
    execFileSync('mkfifo', [join(pkg, 'other.py')]);
    const loss = [
      'import torch.nn as nn',
      'import torch.nn.functional as F',
      'from .helpers import smooth_targets',
      'class LS(nn.Module):',
      '    def forward(self, x, y):',
      '        q = smooth_targets(y, x.size(-1), 0.1)',
      '        return -(q * F.log_softmax(x, -1)).sum(-1).mean()',
    ];
    writeFileSync(join(pkg, 'main.py'), loss.join('\n'));
    const r = cli('explain', join(pkg, 'main.py'));
    assert.equal(r.signal, null, 'it did not hang');
    assert.equal(r.status, 0);
  });

  it('exits quietly with its own code when the reader closes the pipe early (`| head`)', async () => {
    const files = Array.from({ length: 20 }, () => FIXTURE);
    const child = spawn(process.execPath, [BUNDLE, 'explain', '--json', ...files]);
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((done) => child.on('close', done));
    assert.equal(stderr, '');
    assert.equal(code, 0);
  });

  it('takes -h and --help after -- as file names', () => {
    assert.deepEqual(parseArgs(['explain', '--', '-h', '--help']), {
      command: 'explain',
      json: false,
      failOn: null,
      files: ['-h', '--help'],
    });
    const r = cli('explain', '--', '-h');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /cannot read -h/);
    assert.doesNotMatch(r.stdout, /usage:/);
  });
});
