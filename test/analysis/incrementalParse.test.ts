import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangedRange, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import fc from 'fast-check';
import { AnalysisSession, type PythonParse, parsePython } from '../../src/core/analysis';
import { fuzz, fuzzRuns } from '../support/fuzz';
import { FIXTURES } from './helpers';

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.py'))
  .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));

const filler = (i: number) => `def helper_${i}(x, y):\n    z = x * ${i} + y\n    return z.sum()\n\n`;
const snippets = [
  'class K:\n    def k(self):\n        t = torch.empty(3) \\\n            .fill_(1)\n        return t\n\n',
  'x = 1 + \\\n    2\n\n',
  'class A:\n    """doc\n    more"""\n    def f(self):\n        return 1\n\n',
  'def g(a,\n      b):\n    return (a +\n            b)\n\n',
  '# hi\nclass B:\n    # c\n    x = 1\n# trailing\n\n',
  'if a:\n    pass\nelse:\n    pass\n\n',
  'try:\n    f()\nexcept E:\n    g()\nfinally:\n    h()\n\n',
  '@decorator\ndef d():\n    return f"{x!r}"\n',
];

/** Filler functions interleaved with snippets and pieces of the fixtures, as the hover bench builds its file. */
function mixedFile(seed: number, units = 90): string {
  let text = '';
  for (let i = 0; i < units; i++) {
    if (i % 3 !== 2) text += filler(i);
    else if ((i + seed) % 2) text += snippets[(i + seed) % snippets.length];
    else text += fixtures[(i + seed) % fixtures.length];
  }
  return text;
}

const pieces = [
  'x',
  ' ',
  '\n',
  '    ',
  '\t',
  '"',
  "'",
  '"""',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '\\',
  '\\\n',
  ':',
];
const keywords = ['#', 'else:\n', 'elif b:\n', 'except:\n', '@d\n', 'def f():\n', 'class C:\n', '\r\n', 'f"'];

interface Edit {
  at: number;
  remove: number;
  insert: string;
}

const editArb: fc.Arbitrary<Edit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 60 })),
  insert: fc.oneof(
    fc.constant(''),
    fc.constantFrom(...pieces),
    fc.constantFrom(...keywords),
    fc.array(fc.constantFrom(...pieces), { maxLength: 4 }).map((p) => p.join('')),
  ),
});

/** Applies one edit; `at` is a fraction of the text's length. */
function apply(text: string, edit: Edit): { text: string; range: ChangedRange } {
  const from = Math.min(text.length, Math.floor(edit.at * (text.length + 1)));
  const to = Math.min(text.length, from + edit.remove);
  return {
    text: text.slice(0, from) + edit.insert + text.slice(to),
    range: { fromA: from, toA: to, fromB: from, toB: from + edit.insert.length },
  };
}

function drain(steps: Generator<void, PythonParse>): PythonParse {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function hasError(tree: Tree): boolean {
  let found = false;
  tree.iterate({
    enter: (n) => {
      if (n.type.isError) found = true;
    },
  });
  return found;
}

function nodes(tree: Tree): string[] {
  const out: string[] = [];
  tree.iterate({ enter: (n) => void out.push(`${n.name}@${n.from}-${n.to}`) });
  return out;
}

function assertLikeFresh(parse: PythonParse): void {
  const fresh = parsePython(parse.text).tree;
  assert.deepEqual(nodes(parse.tree), nodes(fresh));
  assert.equal(parse.tree.length, fresh.length);
  for (let at = 0; at <= parse.text.length; at += 97) {
    const inner = parse.tree.resolveInner(at, 1);
    const expected = fresh.resolveInner(at, 1);
    assert.deepEqual([inner.name, inner.from, inner.to], [expected.name, expected.from, expected.to]);
    assert.equal(inner.parent?.name, expected.parent?.name);
  }
}

/** Runs the edit sequences from `base`, some reparsed one by one, some several edits at once. */
function check(base: string, steps: Edit[][]): void {
  let parse = parsePython(base);
  for (const batch of steps) {
    let text = parse.text;
    const ranges: ChangedRange[] = [];
    for (const edit of batch) {
      const next = apply(text, edit);
      text = next.text;
      ranges.push(next.range);
    }
    parse = parsePython(text, parse, ranges);
    assertLikeFresh(parse);
  }
}

const stepsArb = fc.array(fc.array(editArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 8 });

describe('incremental parsing', () => {
  it('gives the tree of a fresh parse after random edits of the fixtures', () => {
    fc.assert(
      fc.property(fc.nat(fixtures.length - 1), stepsArb, (i, steps) => check(fixtures[i], steps)),
      fuzz(60),
    );
  });

  it('gives the tree of a fresh parse after random edits of mixed files', () => {
    fc.assert(
      fc.property(fc.nat(16), stepsArb, (seed, steps) => check(mixedFile(seed), steps)),
      fuzz(12),
    );
  });

  it('gives the tree of a fresh parse while edits are made, then undone one by one', () => {
    fc.assert(
      fc.property(fc.nat(16), fc.array(editArb, { minLength: 1, maxLength: 4 }), (seed, edits) => {
        let parse = parsePython(mixedFile(seed));
        const undo: { text: string; range: ChangedRange }[] = [];
        for (const edit of edits) {
          const next = apply(parse.text, edit);
          const { fromA, toB } = next.range;
          undo.push({ text: parse.text, range: { fromA, toA: toB, fromB: fromA, toB: next.range.toA } });
          parse = parsePython(next.text, parse, [next.range]);
          assertLikeFresh(parse);
        }
        for (const step of undo.reverse()) {
          parse = parsePython(step.text, parse, [step.range]);
          assertLikeFresh(parse);
        }
      }),
      fuzz(12),
    );
  });

  it('parses in steps as at once, chunks included, through edits and their undo', () => {
    const session = new AnalysisSession();
    const chunks = (parse: PythonParse) => parse.chunks.map((c) => [c.length, nodes(c.tree).join(' ')]);
    fc.assert(
      fc.property(fc.nat(16), fc.array(editArb, { minLength: 1, maxLength: 4 }), (seed, edits) => {
        let atOnce = parsePython(mixedFile(seed));
        let inSteps = drain(session.parseSteps(atOnce.text));
        const undo: { text: string; range: ChangedRange }[] = [];
        const step = (text: string, range: ChangedRange) => {
          atOnce = parsePython(text, atOnce, [range]);
          inSteps = drain(session.parseSteps(text, inSteps, [range]));
          assert.deepEqual(nodes(inSteps.tree), nodes(atOnce.tree));
          assert.deepEqual(chunks(inSteps), chunks(atOnce));
        };
        for (const edit of edits) {
          const next = apply(atOnce.text, edit);
          const { fromA, toB } = next.range;
          undo.push({ text: atOnce.text, range: { fromA, toA: toB, fromB: fromA, toB: next.range.toA } });
          step(next.text, next.range);
        }
        for (const { text, range } of undo.reverse()) step(text, range);
      }),
      fuzz(12),
    );
  });

  it('on code without syntax errors, gives the tree the parser gives the whole text', () => {
    const texts = [...fixtures, mixedFile(0), mixedFile(1), mixedFile(1).replace(/\n/g, '\r\n')];
    const clean = texts.filter((text) => !hasError(parser.parse(text)));
    assert.ok(
      clean.length > fixtures.length / 2,
      `${clean.length} of ${texts.length} texts parse without errors`,
    );
    for (const text of clean) {
      const whole = parser.parse(text);
      assert.deepEqual(nodes(parsePython(text).tree), nodes(whole));
    }
  });

  it('reparses only the statement an edit breaks, even when the error unbalances the indentation', () => {
    const units = Array.from({ length: 60 }, (_, i) => (i % 4 === 3 ? snippets[0] : filler(i)));
    const base = units.join('');
    const before = parsePython(base);
    for (const line of ['        t = torch.empty(3)', '    z = x * 7 + y', '    def k(self):']) {
      const at = base.indexOf(line) + 1;
      const typed = `${base.slice(0, at)}x${base.slice(at)}`;
      const after = parsePython(typed, before, [{ fromA: at, toA: at, fromB: at, toB: at + 1 }]);
      assert.ok(hasError(after.tree), line);
      const kept = after.chunks.filter((c) => before.chunks.includes(c)).length;
      assert.equal(
        kept,
        before.chunks.length - 1,
        `an edit in ${line.trim()} reparsed more than its statement`,
      );
      assertLikeFresh(after);
    }
  });

  it('keeps the tree exact when typing and deleting one character at many places', () => {
    const units = Array.from({ length: 200 }, (_, i) => (i % 4 === 3 ? snippets[0] : filler(i)));
    const base = units.join('');
    let parse = parsePython(base);
    for (let i = 0; i < fuzzRuns(40); i++) {
      const at = Math.floor((((i * 7919) % 997) / 997) * base.length);
      const typed = `${base.slice(0, at)}${i % 2 ? ' ' : 'x'}${base.slice(at)}`;
      parse = parsePython(typed, parse, [{ fromA: at, toA: at, fromB: at, toB: at + 1 }]);
      assertLikeFresh(parse);
      parse = parsePython(base, parse, [{ fromA: at, toA: at + 1, fromB: at, toB: at }]);
      assertLikeFresh(parse);
    }
  });
});
