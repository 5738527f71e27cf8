import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePython, RULES, ruleOf } from '../../src/core/analysis';
import { analyzeFixture, pitfalls } from './helpers';

const ROOT = join(__dirname, '..', '..');
/** Every Python file the tests analyse: the corpus, the real-world files, the sample workspace, the fixtures. */
const PYTHON_DIRS = [
  'test/analysis/corpus',
  'test/analysis/realworld',
  'sample-workspace',
  'test/fixtures/python',
];

function pythonFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.py'))
    .map((f) => join(ROOT, dir, f));
}

describe('analysis: pitfalls with ranges and fixes', () => {
  const findings = analyzeFixture('pitfalls.py');
  const one = (rule: string, line: number) => {
    const f = pitfalls(findings, rule).find((x) => x.line === line);
    if (!f) throw new Error(`no ${rule} at line ${line}`);
    return f;
  };
  const edit = (rule: string, line: number) =>
    one(rule, line).fix?.edits.map((e) => [e.range.line, e.range.column, e.range.endColumn, e.newText]);

  it('softmax / log_softmax into cross_entropy, with "pass the logits" fixes', () => {
    const f = one('softmax-into-cross-entropy', 14);
    assert.deepEqual([f.column, f.endColumn], [30, 35]);
    assert.deepEqual(edit('softmax-into-cross-entropy', 14), [[14, 30, 35, 'logits']]);
    assert.deepEqual(edit('log-softmax-into-cross-entropy', 15), [[15, 30, 59, 'logits']]);
    assert.deepEqual(edit('softmax-into-cross-entropy', 37), [[37, 31, 50, 'out']]);
  });

  it('BCELoss on raw logits, fixed at the constructor; not when a sigmoid is applied', () => {
    assert.deepEqual(edit('bce-on-logits', 17), [[16, 15, 22, 'BCEWithLogitsLoss']]);
    assert.equal(pitfalls(findings, 'bce-on-logits').length, 1);
  });

  it('label smoothing outside [0, 1] through a constant', () => {
    assert.deepEqual(
      [one('label-smoothing-out-of-range', 19).column, one('label-smoothing-out-of-range', 19).endColumn],
      [13, 35],
    );
  });

  it('legacy size_average/reduce → reduction', () => {
    assert.deepEqual(edit('deprecated-size-average-reduce', 20), [[20, 23, 41, "reduction='sum'"]]);
  });

  it('softmax without dim, kl_div mean, Variable, batch max', () => {
    assert.equal(one('softmax-without-dim', 21).column, 9);
    assert.deepEqual(edit('kl-div-mean-reduction', 22), [[22, 50, 50, ", reduction='batchmean'"]]);
    assert.deepEqual(edit('kl-div-mean-reduction', 23), [[23, 36, 36, "reduction='batchmean'"]]);
    assert.deepEqual(edit('deprecated-variable', 24), [[24, 9, 20, 'x']]);
    assert.equal(one('batch-max-class-count', 25).endColumn, 28);
  });

  it('weight multiplied into log-probs (seed 001)', () => {
    const f = pitfalls(analyzeFixture('seed001_k_minus_1.py'), 'weight-in-log-probs');
    assert.deepEqual(
      f.map((x) => [x.line, x.column]),
      [[29, 25]],
    );
  });

  it('rule ids are stable kebab-case, each with a title and docs', () => {
    for (const r of RULES) {
      assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(r.title && r.docs.length > 40, r.id);
    }
  });
});

describe('analysis: the pitfall rule registry', () => {
  it('registers every rule a pitfall finding carries, and no rule that no check emits', () => {
    const emitted = new Set<string>();
    for (const file of PYTHON_DIRS.flatMap(pythonFiles)) {
      for (const f of analyzePython(readFileSync(file, 'utf8'))) {
        if (f.kind !== 'pitfall') continue;
        assert.ok(ruleOf(f), `${file}:${f.line}: unregistered rule ${f.rule}`);
        emitted.add(f.rule ?? '');
      }
    }
    assert.deepEqual([...emitted].sort(), RULES.map((r) => r.id).sort());
  });
});
