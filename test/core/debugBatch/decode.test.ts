import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeJsonResult, decodePythonString, resultText } from '../../../src/core/debugBatch';

/** Python 3's `repr(str)` for the characters our JSON can hold (what adapters without rawString send). */
function pythonRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (c === '\\') out += '\\\\';
    else if (c === quote) out += `\\${quote}`;
    else if (c === '\n') out += '\\n';
    else if (c === '\r') out += '\\r';
    else if (c === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += c;
  }
  return out + quote;
}

describe('debugBatch: reading evaluate results', () => {
  it('decodes Python string reprs as Python writes them (quotes, backslashes, \\x, \\u, \\U escapes)', () => {
    // Each literal below is what CPython's repr() printed for the string beside it.
    const cases: [string, string][] = [
      ["'[1,2.5,NaN]'", '[1,2.5,NaN]'],
      [`'{"kind": "other", "type": "builtins.str"}'`, '{"kind": "other", "type": "builtins.str"}'],
      [`'a\\'b"c'`, 'a\'b"c'],
      [`"it's"`, "it's"],
      ["'\\\\n'", '\\n'],
      ["'tab\\there\\x07\\u2028\\U0001f600'", 'tab\there\x07\u2028\u{1f600}'],
      ["''", ''],
    ];
    for (const [literal, text] of cases) assert.equal(decodePythonString(literal), text, literal);
  });

  it('refuses what is not one string literal', () => {
    for (const bad of ["'abc", "'a'b'", '[1, 2]', "'\\x4'", "'ab\\'"])
      assert.equal(decodePythonString(bad), null, bad);
  });

  it('repr then decode is the identity for any string (property, 500 cases)', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.oneof(
            fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
            fc.constantFrom('\\', "'", '"', 'é', '\u2028', '😀'),
          ),
          maxLength: 60,
        }),
        (s) => decodePythonString(pythonRepr(s)) === s,
      ),
      { seed: 12, numRuns: 500 },
    );
  });

  it('takes a raw result as it is and a quoted one unquoted', () => {
    assert.equal(resultText('{"a": [1, 2]}'), '{"a": [1, 2]}');
    assert.equal(resultText(`'{"a": [1, 2]}'`), '{"a": [1, 2]}');
  });

  it('reads the JSON inside either form, and says when the debugger shortened it', () => {
    const probe = { kind: 'tensor', shape: [3, 4], dtype: 'torch.float32', device: 'cpu' };
    assert.deepEqual(decodeJsonResult(JSON.stringify(probe)), { ok: true, value: probe });
    assert.deepEqual(decodeJsonResult(pythonRepr(JSON.stringify(probe))), { ok: true, value: probe });
    // debugpy's SafeRepr keeps 2/3 of the limit from the start and 1/3 from the end around '...'.
    const long = JSON.stringify({ values: Array.from({ length: 50 }, (_, i) => i) });
    const shortened = `${pythonRepr(long.slice(0, 40)).slice(0, -1)}...${pythonRepr(long.slice(-20)).slice(1)}`;
    const out = decodeJsonResult(shortened);
    assert.equal(out.ok, false);
    assert.match(!out.ok ? out.reason : '', /shortened the value/);
    const other = decodeJsonResult('<built-in method foo>');
    assert.match(!other.ok ? other.reason : '', /not the JSON Loss Lens asked for/);
  });
});
