// `loss-lens explain` follows a file's imports of the workspace's own modules: among the files it was given
// (placed by path or by their `# source:` line) and beside it on disk.
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/main';

const HELPER = [
  'import torch',
  'def smooth_targets(y, k, eps):',
  '    q = torch.full((y.size(0), k), eps / (k - 1))',
  '    q.scatter_(1, y.unsqueeze(1), 1 - eps)',
  '    return q',
].join('\n');

const LOSS = (from: string) =>
  [
    'import torch.nn as nn',
    'import torch.nn.functional as F',
    `from ${from} import smooth_targets`,
    'class LS(nn.Module):',
    '    def __init__(self, eps=0.1):',
    '        super().__init__()',
    '        self.eps = eps',
    '    def forward(self, x, y):',
    '        q = smooth_targets(y, x.size(-1), self.eps)',
    '        return -(q * F.log_softmax(x, -1)).sum(-1).mean()',
  ].join('\n');

function conventionOf(files: string[], file: string): unknown {
  let out = '';
  assert.equal(
    run(
      ['explain', '--json', ...files],
      (s) => (out += s),
      () => undefined,
    ),
    0,
  );
  const report = JSON.parse(out).files.find((f: { file: string }) => f.file === file);
  return report.findings.find((f: { symbol: string }) => f.symbol === 'LS')?.convention ?? null;
}

describe('cli: following imports of the workspace’s own modules', () => {
  it('reads a relative import beside the file on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loss-lens-'));
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'pkg', 'utils.py'), HELPER);
    writeFileSync(join(dir, 'pkg', 'loss.py'), LOSS('.utils'));
    assert.equal(conventionOf([join(dir, 'pkg', 'loss.py')], join(dir, 'pkg', 'loss.py')), 'k_minus_1');
  });

  it('places copied files by their `# source:` line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loss-lens-'));
    writeFileSync(join(dir, 'proj__utils.py'), `# source: me/proj/proj/nn/utils.py@abc\n${HELPER}`);
    writeFileSync(join(dir, 'proj__loss.py'), `# source: me/proj/proj/nn/loss.py@abc\n${LOSS('.utils')}`);
    const loss = join(dir, 'proj__loss.py');
    assert.equal(conventionOf([loss], loss), 'k_minus_1');
  });

  it('follows a package beside the file to the helper its __init__.py re-exports (star import)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loss-lens-'));
    mkdirSync(join(dir, 'common'));
    writeFileSync(join(dir, 'common', '__init__.py'), 'from .targets import *\n');
    writeFileSync(join(dir, 'common', 'targets.py'), HELPER);
    writeFileSync(join(dir, 'train.py'), LOSS('common'));
    assert.equal(conventionOf([join(dir, 'train.py')], join(dir, 'train.py')), 'k_minus_1');
  });

  it('says nothing it cannot see when the module is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loss-lens-'));
    writeFileSync(join(dir, 'loss.py'), LOSS('.missing'));
    assert.notEqual(conventionOf([join(dir, 'loss.py')], join(dir, 'loss.py')), 'k_minus_1');
  });
});
