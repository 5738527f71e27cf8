import * as assert from 'node:assert/strict';
import { parsePython } from '../../src/core/analysis';

/** The first line of each chunk the parse cut the text into (each chunk is one top-level statement). */
function statements(text: string): string[] {
  let at = 0;
  return parsePython(text).chunks.map((chunk) => {
    const line = text.slice(at, at + chunk.length).split(/\r\n|\r|\n/)[0];
    at += chunk.length;
    return line;
  });
}

describe('top-level statements, found without parsing', () => {
  it('cut at lines that start at column 0', () => {
    assert.deepEqual(statements('import torch\nx = 1\n\ndef f():\n    return x\n'), [
      'import torch',
      'x = 1',
      'def f():',
    ]);
  });

  it('keep comments, blank lines and stray indented lines with the statement before', () => {
    assert.deepEqual(statements('x = 1\n# note\n\n   y = 2\nz = 3\n'), ['x = 1', 'z = 3']);
  });

  it('keep else, elif, except and finally with their statement, but not a name that starts like them', () => {
    const text =
      'if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\ntry:\n    f()\nexcept E:\n    g()\nfinally:\n    h()\nelsewhere = 1\n';
    assert.deepEqual(statements(text), ['if a:', 'try:', 'elsewhere = 1']);
  });

  it('keep decorators with what they decorate, across blank lines and comments', () => {
    assert.deepEqual(statements('@a\n@b(1)\n\n# c\ndef f():\n    pass\n@d\nclass C:\n    pass\n'), [
      '@a',
      '@d',
    ]);
  });

  it('do not cut inside brackets, strings, or after a line continuation', () => {
    const text = [
      'x = f(1,',
      '2)',
      's = """',
      'not = a statement',
      '"""',
      "t = 'a\\",
      "b = 2'",
      'u = 1 + \\',
      '2',
      "v = '# not a comment ('",
      'w = 3',
      '',
    ].join('\n');
    assert.deepEqual(statements(text), [
      'x = f(1,',
      's = """',
      "t = 'a\\",
      'u = 1 + \\',
      "v = '# not a comment ('",
      'w = 3',
    ]);
  });

  it('end a one-line string left open at its line, and a triple-quoted one at the end of the text', () => {
    assert.deepEqual(statements("a = 'open\nb = 1\n"), ["a = 'open", 'b = 1']);
    assert.deepEqual(statements('a = """open\nb = 1\nc = 2\n'), ['a = """open']);
  });

  it('read \\r\\n and a lone \\r as line breaks', () => {
    assert.deepEqual(statements('x = 1\r\ny = (1,\r\n2)\rz = 3\r'), ['x = 1', 'y = (1,', 'z = 3']);
  });
});
