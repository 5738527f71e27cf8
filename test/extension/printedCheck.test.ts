import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePython } from '../../src/core/analysis';
import { literalTensor } from '../../src/core/explain/literalCall';
import { checkPrinted, printedAt } from '../../src/core/explain/printedCheck';

const SEED004 = readFileSync(join(__dirname, '../fixtures/python/seed004_four_implementations.py'), 'utf8');

/** Seed 004 with its printed output written as a comment after the first `print(v)`. */
function withPrinted(comment: string): { source: string; line: number; column: number } {
  const source = SEED004.replace('    print(v)\n', `    print(v)  # ${comment}\n`);
  const lines = source.split('\n');
  const line = lines.findIndex((l) => l.includes(`# ${comment}`)) + 1;
  return { source, line, column: lines[line - 1]!.indexOf(comment) + 3 };
}

describe('printed loss check (editor)', () => {
  it('seed 004: printed 1.4178 ≠ 1.5161 that the code computes at smoothing=0.5; it equals ε = 0.3 under K−1', () => {
    const { source, line, column } = withPrinted('tensor(1.4178)');
    const check = checkPrinted(source, line, column, analyzePython(source));
    assert.ok(check);
    assert.equal(check.range.line, line);
    assert.equal(
      source.split('\n')[line - 1]!.slice(check.range.column - 1, check.range.endColumn - 1),
      'tensor(1.4178)',
    );
    assert.match(
      check.markdown,
      /^\*\*Printed 1\.4178 ≠ 1\.5161\*\* that this code computes at `smoothing=0\.5` \(K−1\)/,
    );
    assert.match(check.markdown, /under K−1 it equals ε = 0\.3 \(/);
    assert.match(check.markdown, /under uniform ε\/K it equals ε = 0\.375 /);
  });

  it('says when the printed value is what the code computes, and when no ε prints it', () => {
    const same = withPrinted('tensor(1.5161)');
    assert.match(
      checkPrinted(same.source, same.line, same.column, analyzePython(same.source))!.markdown,
      /^\*\*Printed 1\.5161 = 1\.5161\*\*/,
    );
    const off = withPrinted('tensor(0.2000)');
    assert.match(
      checkPrinted(off.source, off.line, off.column, analyzePython(off.source))!.markdown,
      /under K−1 no ε in \[0, 1\] prints it; under uniform ε\/K no ε in \[0, 1\] prints it\./,
    );
  });

  it('offers nothing away from a printed value or a loss call, and says so when the inputs are not literals', () => {
    const { source, line } = withPrinted('tensor(1.4178)');
    const findings = analyzePython(source);
    assert.equal(checkPrinted(source, line, 3, findings), null, 'on the code, not the comment');
    assert.equal(checkPrinted('x = 1  # tensor(1.4178)\n', 1, 12, []), null, 'no loss call above');
    const opaque = source.replace('v = crit(Variable(predict),', 'v = crit(model(batch),');
    const check = checkPrinted(
      opaque,
      line,
      source.split('\n')[line - 1]!.indexOf('tensor') + 2,
      analyzePython(opaque),
    );
    assert.match(check!.markdown, /the inputs of `crit` on line \d+ are not written out here/);
  });

  it('reads printed values and literal tensors', () => {
    assert.deepEqual(printedAt('print(v)  # 1.4178', 13), { start: 12, end: 18, text: '1.4178' });
    assert.equal(printedAt('x = 1.4178  # note', 5), null);
    assert.equal(printedAt('s = "# tensor(1.0)"', 10), null);
    const src = 'a = torch.tensor([[1, 2], [3, 4]], dtype=torch.float64)\nb = a\n';
    assert.deepEqual(Array.from(literalTensor('Variable(b).float()', src, src.length)!.data), [1, 2, 3, 4]);
    assert.equal(literalTensor('model(x)', src, src.length), null);
  });
});
