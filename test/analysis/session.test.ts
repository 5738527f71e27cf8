// Fuzz test of the analysis caches: after random edits of the whole corpus, an `AnalysisSession` that reparses
// incrementally and reuses what it cached finds exactly what a session without caches finds from scratch, and
// `analyzeAt` finds exactly the full analysis's findings at its offset. Seeded and counted in iterations (no
// clocks), so every run checks the same edits: RUNS sequences of up to MAX_STEPS steps (each of 1–3 edits at
// once, or a word typed character by character), TYPING_RUNS typing-and-undoing sequences, about 2 s of CPU;
// `FUZZ=long` (test/support/fuzz.ts) runs 20 times as many from a fresh seed.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChangedRange } from '@lezer/common';
import fc from 'fast-check';
import { AnalysisSession, type Finding, type PythonParse } from '../../src/core/analysis';
import { fuzz, fuzzRuns } from '../support/fuzz';

const RUNS = 30;
const MAX_STEPS = 6;
const TYPING_RUNS = 10;
/** One rewrite variant in this many (sorted by name) joins the corpus. */
const VARIANT_SAMPLE = 40;

const DIR = __dirname;
const pythonFiles = (dir: string): string[] =>
  readdirSync(join(DIR, dir))
    .filter((f) => f.endsWith('.py'))
    .sort()
    .map((f) => join(dir, f));
const variants = pythonFiles('corpus/rewrites/variants').filter((_, i) => i % VARIANT_SAMPLE === 0);
const names = [
  ...pythonFiles('corpus/positive'),
  ...pythonFiles('corpus/negative'),
  ...pythonFiles('realworld'),
  ...variants,
];
const corpus = names.map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }));

/** Code people type into loss code, whole or in pieces. */
const FRAGMENTS = [
  'x',
  'eps',
  ' ',
  '\n',
  '    ',
  '\t',
  '(',
  ')',
  '[',
  ']',
  ':',
  ',',
  '.',
  '"',
  "'",
  '"""',
  '#',
  '\\\n',
  '0.1',
  '1 - ',
  ' * ',
  ' / ',
  'return ',
  'self.',
  'loss = ',
  'label_smoothing=0.2',
  ', reduction="sum"',
  ', dim=-1',
  'F.softmax(logits, dim=1)',
  'F.log_softmax(x, dim=-1)',
  'torch.sigmoid(',
  'nn.CrossEntropyLoss(',
  'F.cross_entropy(probs, target)',
  'nn.BCELoss()(out, y)',
  '* (1 - eps) + eps / n_classes',
  'else:\n',
  'def f(x):\n    return x\n',
  'class C:\n    pass\n',
  'import torch.nn.functional as F\n',
  'import torch.nn as nn\n',
  'eps = 0.3\n',
  'probs = F.softmax(x, dim=1)\n',
];
/** Module-level lines that definitions and statements elsewhere read (inserted at the start of a line). */
const MODULE_LINES = [
  'eps = 0.3\n',
  'smoothing = 0.2\n',
  'num_classes = 10\n',
  'criterion = nn.CrossEntropyLoss(label_smoothing=0.1)\n',
  'loss_fn = nn.BCELoss()\n',
  'head = nn.Sequential(nn.Linear(8, 1), nn.Sigmoid())\n',
  'F = torch.nn.functional\n',
  'import torch.nn.functional as F\n',
  'from torch.nn import functional as nn\n',
  'def log_softmax(x, dim=-1):\n    return x\n',
  'def smooth(y, eps=0.1):\n    return y * (1 - eps) + eps / 2\n',
];
const NUMBERS = ['0', '1', '0.1', '0.2', '0.9', '2', '10', '-1', '1e-6'];
const WORDS = [
  'x',
  'F',
  'nn',
  'torch',
  'softmax',
  'log_softmax',
  'sigmoid',
  'cross_entropy',
  'nll_loss',
  'target',
  'logits',
  'eps',
  'smoothing',
  'mean',
  'sum',
];

type Edit =
  | { kind: 'insert' | 'replace' | 'delete'; at: number; length: number; text: string }
  | { kind: 'deleteLine' | 'indent' | 'dedent' | 'duplicateLine' | 'copyDefinition'; at: number }
  | { kind: 'number' | 'word' | 'topWord' | 'moduleLine'; at: number; text: string };

type Step = { kind: 'edits'; edits: Edit[] } | { kind: 'type'; at: number; text: string };

const at = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const length = fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 80 }));
const fragment = fc.oneof(
  fc.constantFrom(...FRAGMENTS),
  fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 2, maxLength: 4 }).map((p) => p.join('')),
);
const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at, length: fc.constant(0), text: fragment }),
  fc.record({ kind: fc.constant('delete' as const), at, length, text: fc.constant('') }),
  fc.record({ kind: fc.constant('replace' as const), at, length, text: fragment }),
  fc.record({ kind: fc.constantFrom('deleteLine' as const, 'indent' as const, 'dedent' as const), at }),
  fc.record({ kind: fc.constantFrom('duplicateLine' as const, 'copyDefinition' as const), at }),
  fc.record({ kind: fc.constant('number' as const), at, text: fc.constantFrom(...NUMBERS) }),
  fc.record({ kind: fc.constant('word' as const), at, text: fc.constantFrom(...WORDS) }),
  fc.record({ kind: fc.constant('topWord' as const), at, text: fc.constantFrom(...WORDS, ...NUMBERS) }),
  fc.record({ kind: fc.constant('moduleLine' as const), at, text: fc.constantFrom(...MODULE_LINES) }),
);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('edits' as const),
      edits: fc.array(editArb, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('type' as const),
      at,
      text: fc.constantFrom(...FRAGMENTS.filter((f) => f.length > 1)),
    }),
  },
);

/** A replacement of [from, to) by `insert`, as the range `parsePython` takes. */
function replace(
  text: string,
  from: number,
  to: number,
  insert: string,
): { text: string; range: ChangedRange } {
  return {
    text: text.slice(0, from) + insert + text.slice(to),
    range: { fromA: from, toA: to, fromB: from, toB: from + insert.length },
  };
}

function lineAround(text: string, offset: number): { from: number; to: number } {
  const from = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { from, to: end < 0 ? text.length : end + 1 };
}

/** The `at`-th (as a fraction) match of `pattern` in `text`. */
function nthMatch(text: string, pattern: RegExp, at: number): { from: number; to: number } | null {
  const matches = [...text.matchAll(pattern)];
  if (!matches.length) return null;
  const m = matches[Math.floor(at * matches.length)];
  return { from: m.index, to: m.index + m[0].length };
}

/** Applies one edit; positions are fractions of the text as it is now. */
function apply(text: string, edit: Edit): { text: string; range: ChangedRange } {
  const offset = Math.floor(edit.at * (text.length + 1));
  switch (edit.kind) {
    case 'insert':
    case 'delete':
    case 'replace':
      return replace(text, offset, Math.min(text.length, offset + edit.length), edit.text);
    case 'deleteLine': {
      const line = lineAround(text, offset);
      return replace(text, line.from, line.to, '');
    }
    case 'duplicateLine': {
      const line = lineAround(text, offset);
      const own = text.slice(line.from, line.to);
      return replace(text, line.to, line.to, own.endsWith('\n') ? own : `\n${own}`);
    }
    case 'copyDefinition': {
      // A top-level function or class again at the end: names defined twice, edits to either copy.
      const def = nthMatch(text, /^(?:def|class) [^\n]*\n(?:(?:[ \t][^\n]*)?\n)*/gm, edit.at);
      if (!def) return replace(text, offset, offset, '\n');
      const end = text.endsWith('\n') ? text.length : text.length;
      return replace(text, end, end, `${text.endsWith('\n') ? '' : '\n'}${text.slice(def.from, def.to)}`);
    }
    case 'indent': {
      const { from } = lineAround(text, offset);
      return replace(text, from, from, '    ');
    }
    case 'dedent': {
      const { from } = lineAround(text, offset);
      const spaces = /^ {0,4}/.exec(text.slice(from))?.[0].length ?? 0;
      return replace(text, from, from + spaces, '');
    }
    case 'moduleLine': {
      const found = nthMatch(text, /^(?=\S)/gm, edit.at);
      const from = found?.from ?? 0;
      return replace(text, from, from, edit.text);
    }
    case 'topWord': {
      const line = nthMatch(text, /^[A-Za-z_][^\n]*/gm, edit.at);
      const word = line && nthMatch(text.slice(line.from, line.to), /\b\w+\b/g, (edit.at * 7) % 1);
      return line && word
        ? replace(text, line.from + word.from, line.from + word.to, edit.text)
        : replace(text, offset, offset, edit.text);
    }
    case 'number':
    case 'word': {
      const found = nthMatch(
        text,
        edit.kind === 'number' ? /\b\d+(?:\.\d*)?(?:e-?\d+)?\b/g : /\b[A-Za-z_]\w*\b/g,
        edit.at,
      );
      return found
        ? replace(text, found.from, found.to, edit.text)
        : replace(text, offset, offset, edit.text);
    }
  }
}

/** 1-based line and column of an offset, as findings count them. */
function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}

/** The findings whose range contains `offset`, ends inclusive (what `analyzeAt` promises). */
function findingsAt(findings: readonly Finding[], text: string, offset: number): Finding[] {
  const { line, column } = position(text, offset);
  const after = (l: number, c: number) => line > l || (line === l && column >= c);
  const before = (l: number, c: number) => line < l || (line === l && column <= c);
  return findings.filter((f) => after(f.line, f.column) && before(f.endLine, f.endColumn));
}

/** One cached session for the whole file, as the extension holds one for all documents. */
const cached = new AnalysisSession();
const fresh = new AnalysisSession({ cache: false });
let versions = 0;

/** Checks a new version: `analyzeAt` first (a fresh parse's on-demand path), then the whole file. */
function check(name: string, parse: PythonParse, probe: number): void {
  versions++;
  const { text } = parse;
  const expected = fresh.analyzePython(text);
  const offset = Math.floor(probe * (text.length + 1));
  const context = `${name}, offset ${offset}, text:\n${text}`;
  assert.deepEqual(
    cached.analyzeAt(parse, offset),
    findingsAt(expected, text, offset),
    `analyzeAt: ${context}`,
  );
  assert.deepEqual(cached.analyzeParsed(parse), expected, `analyzeParsed: ${context}`);
}

describe('analysis session: cached and incremental == uncached from scratch', () => {
  after(() => {
    cached.dispose();
  });

  it(`after random edits of ${corpus.length} corpus files (${fuzzRuns(RUNS)} runs of up to ${MAX_STEPS} steps)`, () => {
    fc.assert(
      fc.property(
        fc.nat(corpus.length - 1),
        fc.array(fc.tuple(stepArb, at), { minLength: 1, maxLength: MAX_STEPS }),
        (file, steps) => {
          const { name } = corpus[file];
          let parse = cached.parsePython(corpus[file].text);
          check(name, parse, 0.5);
          for (const [step, probe] of steps) {
            if (step.kind === 'type') {
              let offset = Math.floor(step.at * (parse.text.length + 1));
              for (const ch of step.text) {
                const typed = replace(parse.text, offset, offset, ch);
                parse = cached.parsePython(typed.text, parse, [typed.range]);
                offset++;
                check(name, parse, offset / (parse.text.length + 1));
              }
              continue;
            }
            let { text } = parse;
            const ranges: ChangedRange[] = [];
            for (const edit of step.edits) {
              const next = apply(text, edit);
              text = next.text;
              ranges.push(next.range);
            }
            parse = cached.parsePython(text, parse, ranges);
            check(name, parse, probe);
          }
        },
      ),
      fuzz(RUNS),
    );
  });

  it(`while a fragment is typed and deleted again, character by character (${fuzzRuns(TYPING_RUNS)} runs)`, () => {
    fc.assert(
      fc.property(
        fc.nat(corpus.length - 1),
        at,
        fc.constantFrom(...FRAGMENTS.filter((f) => f.length > 3)),
        (file, where, typed) => {
          const { name, text: base } = corpus[file];
          let parse = cached.parsePython(base);
          const start = lineAround(base, Math.floor(where * (base.length + 1))).from;
          for (let i = 1; i <= typed.length; i++) {
            const next = replace(parse.text, start + i - 1, start + i - 1, typed[i - 1]);
            parse = cached.parsePython(next.text, parse, [next.range]);
            check(name, parse, (start + i) / (parse.text.length + 1));
          }
          for (let i = typed.length; i > 0; i--) {
            const next = replace(parse.text, start + i - 1, start + i, '');
            parse = cached.parsePython(next.text, parse, [next.range]);
            check(name, parse, (start + i - 1) / (parse.text.length + 1));
          }
          assert.equal(parse.text, base);
        },
      ),
      fuzz(TYPING_RUNS),
    );
  });

  /** Edits the random ones rarely make, each once a stale cache hit (`before` analysed, then edited to `after`). */
  const regressions: { name: string; before: string; from: string; to: string }[] = [
    {
      name: 'a function that a called function calls changes',
      before: `import torch.nn.functional as F

def inner(y, eps):
    return y * (1 - eps) + eps / 10

def smooth(y, eps):
    return inner(y, eps)

def loss(logits, y, eps=0.1):
    t = smooth(F.one_hot(y, 10), eps)
    return -(t * F.log_softmax(logits, dim=-1)).sum(-1).mean()
`,
      from: 'y * (1 - eps) + eps / 10',
      to: 'y * 1 + 0 * eps',
    },
    {
      name: 'the last of two same-named functions, read as a value, changes',
      before: `import torch.nn.functional as F

def smooth(y, eps):
    return y * (1 - eps) + eps / 10

def loss(logits, y, eps=0.1):
    fn = smooth
    t = fn(F.one_hot(y, 10), eps)
    return -(t * F.log_softmax(logits, dim=-1)).sum(-1).mean()

def smooth(y, eps):
    return y * (1 - eps) + eps / 10
`,
      from: 'y * (1 - eps) + eps / 10\n',
      to: 'y * 1 + 0 * eps\n',
    },
    {
      name: 'lines inserted between a call and the definition it links to',
      before: `import torch.nn.functional as F

def metrics(pred, gold):
    return cal_loss(pred, gold)

def cal_loss(pred, gold, eps=0.1):
    n_class = pred.size(1)
    one_hot = F.one_hot(gold, n_class)
    one_hot = one_hot * (1 - eps) + (1 - one_hot) * eps / (n_class - 1)
    return -(one_hot * F.log_softmax(pred, dim=1)).sum(dim=1).mean()
`,
      from: '\ndef cal_loss',
      to: '\n\n\n# moved down\ndef cal_loss',
    },
  ];
  for (const { name, before, from, to } of regressions)
    it(`after an edit where ${name}`, () => {
      const session = new AnalysisSession();
      const first = session.parsePython(before);
      session.analyzeParsed(first);
      const at = from.endsWith('\n') ? before.lastIndexOf(from) : before.indexOf(from);
      const edited = replace(before, at, at + from.length, to);
      const expected = fresh.analyzePython(edited.text);
      assert.notDeepEqual(expected, fresh.analyzePython(before));
      assert.deepEqual(
        session.analyzeParsed(session.parsePython(edited.text, first, [edited.range])),
        expected,
      );
    });

  it('reused cached work (the comparison is not vacuous)', () => {
    const { definitions, statements } = cached.stats();
    assert.ok(versions > 500, `${versions} versions checked`);
    assert.ok(definitions.hits > definitions.misses, JSON.stringify(definitions));
    assert.ok(statements.hits > statements.misses, JSON.stringify(statements));
    assert.deepEqual(fresh.stats().definitions, { hits: 0, misses: 0, size: 0 });
  });
});
