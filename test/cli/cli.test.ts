import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../../src/cli/args';
import { run } from '../../src/cli/main';

const FIXTURES = join(__dirname, '..', 'fixtures', 'python');
const seed = (n: string) => join(FIXTURES, n);
const KEYS = [
  'line',
  'column',
  'endLine',
  'endColumn',
  'kind',
  'symbol',
  'convention',
  'epsilon',
  'epsilonParam',
  'torchEquivalent',
  'rule',
  'message',
  'severity',
  'modes',
];

function cli(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(
    argv,
    (s) => {
      out += s;
    },
    (s) => {
      err += s;
    },
  );
  return { code, out, err };
}

describe('cli: loss-lens explain', () => {
  it('prints the exact JSON shape, 1-based positions, class line for classes', () => {
    const { code, out } = cli('explain', '--json', seed('seed004_four_implementations.py'));
    assert.equal(code, 0);
    const parsed = JSON.parse(out) as { files: { file: string; findings: Record<string, unknown>[] }[] };
    assert.deepEqual(Object.keys(parsed), ['files']);
    assert.deepEqual(Object.keys(parsed.files[0]), ['file', 'findings']);
    for (const f of parsed.files[0].findings) assert.deepEqual(Object.keys(f), KEYS);
    const devin = parsed.files[0].findings.find((f) => f.line === 9);
    assert.equal(devin?.convention, 'k_minus_1');
    assert.equal(devin?.column, 1);
  });

  it('lists in JSON the other modes of a loss definition that follow another convention', () => {
    const { out } = cli('explain', '--json', seed('modes.py'));
    const findings = (JSON.parse(out) as { files: { findings: Record<string, unknown>[] }[] }).files[0]
      .findings;
    const modes = (symbol: string) => findings.find((f) => f.symbol === symbol && f.line !== null)?.modes;
    assert.deepEqual(modes('TrainOnly'), [{ when: 'eval mode', convention: 'none' }]);
    assert.deepEqual(modes('Modes'), [
      { when: "mode='k_minus_1'", convention: 'k_minus_1' },
      { when: "mode='plain'", convention: 'none' },
    ]);
    assert.equal(modes('Plain'), null);
  });

  it('gives pitfalls their registry severity in JSON, and losses null', () => {
    const { out } = cli('explain', '--json', seed('pitfalls.py'));
    const [file] = (JSON.parse(out) as { files: { findings: Record<string, unknown>[] }[] }).files;
    const severity = (rule: string) => file.findings.find((f) => f.rule === rule)?.severity;
    assert.equal(severity('label-smoothing-out-of-range'), 'error');
    assert.equal(severity('softmax-into-cross-entropy'), 'warning');
    assert.equal(severity('deprecated-variable'), 'information');
    for (const f of file.findings)
      assert.equal(f.severity === null, f.kind === 'loss', `${f.line}: ${f.rule}`);
  });

  it('--fail-on pitfall fails on warnings and errors only, without it never', () => {
    assert.equal(cli('explain', '--fail-on', 'pitfall', seed('pitfalls.py')).code, 1);
    assert.equal(cli('explain', seed('pitfalls.py')).code, 0);
    assert.equal(cli('explain', '--fail-on=pitfall', seed('seed003_bce_batch_max.py')).code, 1);
    // seed002 has only deprecated Variable calls: information, which the editor does not show as a problem.
    assert.equal(cli('explain', '--fail-on=pitfall', seed('seed002_fastai.py')).code, 0);
  });

  it('--fail-on LEVEL fails on pitfalls of that severity or worse', () => {
    const code = (level: string, file: string) => cli('explain', '--fail-on', level, seed(file)).code;
    assert.equal(code('error', 'pitfalls.py'), 1);
    assert.equal(code('error', 'seed003_bce_batch_max.py'), 0);
    assert.equal(code('warning', 'seed003_bce_batch_max.py'), 1);
    assert.equal(code('warning', 'seed002_fastai.py'), 0);
    assert.equal(code('information', 'seed002_fastai.py'), 1);
    assert.equal(code('hint', 'seed002_fastai.py'), 1);
    assert.equal(code('hint', 'seed000_linear_combination.py'), 1);
    assert.deepEqual(parseArgs(['explain', '--fail-on=hint', 'a.py']), {
      command: 'explain',
      json: false,
      failOn: 'hint',
      files: ['a.py'],
    });
    const bad = cli('explain', '--fail-on', 'fatal', seed('pitfalls.py'));
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--fail-on expects error, warning, information, hint or pitfall, got fatal/);
    assert.equal(cli('explain', seed('pitfalls.py'), '--fail-on').code, 2);
  });

  it('exits 2 on bad arguments and unreadable files, still reporting the others', () => {
    assert.equal(cli('explain').code, 2);
    assert.equal(cli('explain', '--bogus', 'x.py').code, 2);
    assert.equal(cli('frobnicate').code, 2);
    const r = cli('explain', '--json', join(FIXTURES, 'missing.py'), seed('seed000_linear_combination.py'));
    assert.equal(r.code, 2);
    assert.match(r.err, /cannot read .*missing\.py/);
    assert.equal((JSON.parse(r.out) as { files: unknown[] }).files.length, 1);
  });

  it('prints a readable report and help', () => {
    const text = cli('explain', seed('seed003_bce_batch_max.py')).out;
    assert.match(text, /BCELossWithLabelSmoothing {2}batch_max_plus_1/);
    assert.match(text, /pitfall {2}batch-max-class-count \(warning\)/);
    const help = cli('--help').out;
    assert.match(help, /usage: loss-lens explain \[--json\] \[--fail-on LEVEL\] FILE\.\.\./);
    assert.match(help, /error, warning, information or hint \(worst first\), or pitfall \(= warning\)/);
  });

  it('the bundled dist/cli.js behaves the same (after npm run build)', function () {
    const bundle = join(__dirname, '..', '..', 'dist', 'cli.js');
    if (!existsSync(bundle)) this.skip();
    const r = spawnSync(
      process.execPath,
      [bundle, 'explain', '--json', '--fail-on', 'pitfall', seed('pitfalls.py')],
      { encoding: 'utf8' },
    );
    assert.equal(r.status, 1);
    assert.ok((JSON.parse(r.stdout) as { files: unknown[] }).files.length === 1);
    const bad = spawnSync(process.execPath, [bundle, 'explain', '/nonexistent.py'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
  });
});
