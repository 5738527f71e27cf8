import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { run } from '../../src/cli/main';
import { AnalysisSession, parsePython } from '../../src/core/analysis';
import { LineIndex } from '../../src/core/analysis/syntax';
import { fuzz } from '../support/fuzz';

const SOURCE = [
  'import torch.nn.functional as F',
  '',
  'def loss(x, y):',
  '    return F.cross_entropy(F.softmax(x, dim=-1), y, label_smoothing=0.1)',
  '',
  'other = F.cross_entropy(a, b, label_smoothing=2.0)',
  '',
].join('\n');

const positions = (text: string) =>
  new AnalysisSession({ cache: false })
    .analyzePython(text)
    .map((f) => [f.line, f.column, f.endLine, f.endColumn, f.rule ?? f.symbol]);

describe('robustness: CR-only line endings (issue 9 item 13)', () => {
  it('the line index ends lines at a lone \\r, \\r\\n and \\n alike', () => {
    const lines = new LineIndex('a\rb\r\nc\nd');
    assert.deepEqual(
      [0, 2, 5, 7].map((o) => lines.position(o)),
      [1, 2, 3, 4].map((line) => ({ line, column: 1 })),
    );
    assert.deepEqual(lines.position(4), { line: 2, column: 3 }, 'the \\n of a \\r\\n is still on its line');
  });

  it('the line index places every offset of any mix of \\r, \\n and \\r\\n as a split at each break does', () => {
    const text = fc
      .array(fc.constantFrom('\r', '\n', '\r\n', 'a', 'bc'), { maxLength: 40 })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(text, (t) => {
        const starts = [0, ...[...t.matchAll(/\r\n?|\n/g)].map((m) => m.index + m[0].length)];
        const lines = new LineIndex(t);
        for (let offset = 0; offset <= t.length; offset++) {
          const line = starts.filter((s) => s <= offset).length - 1;
          assert.deepEqual(lines.position(offset), { line: line + 1, column: offset - starts[line]! + 1 });
        }
      }),
      fuzz(300),
    );
  });

  it('findings of a CR-only file are on the lines of the same file with \\n', () => {
    const lf = positions(SOURCE);
    assert.ok(lf.some(([line]) => line === 4) && lf.some(([line]) => line === 6), JSON.stringify(lf));
    assert.deepEqual(positions(SOURCE.replace(/\n/g, '\r')), lf);
    assert.deepEqual(positions(SOURCE.replace(/\n/g, '\r\n')), lf);
  });

  it('the CLI reports them on their lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loss-lens-cr-'));
    try {
      const file = join(dir, 'cr.py');
      writeFileSync(file, SOURCE.replace(/\n/g, '\r'));
      let out = '';
      run(
        ['explain', '--json', file],
        (s) => (out += s),
        () => {},
      );
      const lines = (JSON.parse(out) as { files: { findings: { line: number }[] }[] }).files[0]!.findings.map(
        (f) => f.line,
      );
      assert.deepEqual(
        lines,
        positions(SOURCE).map(([line]) => line),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an incremental reparse of a CR-only file gives the tree of a fresh parse', () => {
    const before = SOURCE.replace(/\n/g, '\r');
    const at = before.indexOf('other');
    const after = `${before.slice(0, at)}x = 1\r${before.slice(at)}`;
    const edited = parsePython(after, parsePython(before), [{ fromA: at, toA: at, fromB: at, toB: at + 6 }]);
    assert.equal(edited.tree.toString(), parsePython(after).tree.toString());
    assert.ok(edited.chunks.length > 1, 'a CR-only file is cut into chunks at its statements');
  });
});
