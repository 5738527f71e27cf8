// Real loss code from well-known libraries (test/analysis/realworld/*.py, each with its source and licence on the
// first line) against hand-derived expectations (realworld/expected.json). Earlier work was tuned with it, so it
// is a regression suite now; test/analysis/corpus holds the parts that were not tuned to (see corpus.test.ts).
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePython, type Finding } from '../../src/core/analysis';
import { locate } from '../support/corpus';

interface ExpectedDefinition {
  symbol: string;
  line: number;
  convention: Finding['convention'];
  epsilonParam: string | null;
  why: string;
  /** A torch call or constructor rather than a class / function. */
  call?: boolean;
  /** Debatable or hard cases: pass when the analysis reports nothing there, else its convention must be accepted. */
  optional?: boolean;
  accept?: Finding['convention'][];
  details?: { maskedRowsInMean?: boolean };
}

interface ExpectedPitfall {
  rule: string;
  description: string;
  line: number;
}

interface ExpectedFile {
  source: string;
  license: string;
  definitions: ExpectedDefinition[];
  pitfalls: ExpectedPitfall[];
  /** Precision checks: rules that must NOT fire anywhere in the file. */
  absentPitfalls?: { rule: string; why: string }[];
}

const DIR = join(__dirname, 'realworld');
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, ExpectedFile>;

function show(f: Finding): string {
  return `${f.line}:${f.kind}:${f.symbol ?? '-'}:${f.convention ?? f.rule ?? '-'}${f.epsilonParam ? `(ε=${f.epsilonParam})` : ''}`;
}

describe('real-world loss code (tuned corpus)', () => {
  for (const [file, exp] of Object.entries(expected)) {
    describe(file, () => {
      let findings: Finding[] = [];
      let listing = '';
      before(() => {
        findings = analyzePython(readFileSync(join(DIR, file), 'utf8'));
        listing = findings.map(show).join('\n    ');
      });

      for (const d of exp.definitions) {
        const label = `${d.optional ? '(optional) ' : ''}${d.call ? 'call' : 'def'} ${d.symbol} @${d.line} → ${d.convention}`;
        it(label, function () {
          const f = locate(findings, d);
          if (d.optional) {
            if (!f) this.skip();
            assert.ok(
              (d.accept ?? [d.convention]).includes(f.convention),
              `${d.symbol}: got ${f.convention}, accept ${(d.accept ?? [d.convention]).join('|')} — ${d.why}\n    findings:\n    ${listing}`,
            );
            return;
          }
          assert.ok(
            f,
            `no loss finding for ${d.symbol} near line ${d.line} — ${d.why}\n    findings:\n    ${listing}`,
          );
          assert.equal(f.convention, d.convention, `${d.symbol}: ${d.why}\n    got ${show(f)}: ${f.message}`);
        });
        if (!d.optional && !d.call && d.epsilonParam !== null) {
          it(`def ${d.symbol} names ε parameter '${d.epsilonParam}'`, () => {
            const f = locate(findings, d);
            assert.ok(f, `no loss finding for ${d.symbol}`);
            assert.equal(f.epsilonParam, d.epsilonParam, `${d.symbol}: got ${show(f)}`);
          });
        }
        if (d.details?.maskedRowsInMean !== undefined) {
          const want = d.details.maskedRowsInMean;
          it(`def ${d.symbol} ${want ? 'reports' : 'does not report'} masked rows counted in the mean`, () => {
            const f = locate(findings, d);
            assert.ok(f, `no loss finding for ${d.symbol}`);
            assert.equal(
              Boolean(f.details?.maskedRowsInMean),
              want,
              `${d.symbol}: details ${JSON.stringify(f.details)}`,
            );
          });
        }
      }

      for (const p of exp.pitfalls) {
        it(`pitfall ${p.rule} @${p.line}`, () => {
          const hit = findings.find(
            (f) => f.kind === 'pitfall' && f.rule === p.rule && Math.abs(f.line - p.line) <= 1,
          );
          assert.ok(hit, `${p.description}\n    findings:\n    ${listing}`);
        });
      }

      for (const a of exp.absentPitfalls ?? []) {
        it(`precision: no ${a.rule}`, () => {
          const wrong = findings.filter((f) => f.kind === 'pitfall' && f.rule === a.rule);
          assert.equal(
            wrong.length,
            0,
            `${a.why}\n    false positives at lines ${wrong.map((f) => f.line).join(', ')}`,
          );
        });
      }
    });
  }
});
