import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser as base0 } from '@lezer/python';
import { ContextTracker } from '@lezer/lr';
import { type ChangedRange, type Tree, TreeFragment } from '@lezer/common';
function generateFile(lines: number): string {
  const seeds = ['seed000_linear_combination.py', 'seed004_four_implementations.py', 'libraries.py'];
  const chunks = seeds.map((s) => readFileSync(join('/work/main/test/fixtures/python', s), 'utf8'));
  const filler = (i: number) => `def helper_${i}(x, y):\n    z = x * ${i} + y\n    return z.sum()\n\n`;
  let text = '';
  for (let i = 0; text.split('\n').length < lines; i++) text += i % 4 === 3 ? chunks[i % chunks.length] : filler(i);
  return text.split('\n').slice(0, lines).join('\n');
}
interface Cx { hash: number; parent: Cx | null; indent: number; flags: number }
const t = base0.context as unknown as { start: Cx; shift: any; reduce: any; reuse: any };
const tracker = new ContextTracker<Cx>({
  start: t.start, shift: t.shift, reduce: t.reduce, reuse: t.reuse,
  hash(cx) { let h = 0; for (let c: Cx | null = cx; c; c = c.parent) h = (Math.imul(h, 31) + c.indent * 64 + c.flags + 1) | 0; return h; },
});
const parser = process.env.MODE === 'plain' ? base0 : base0.configure({ contextTracker: tracker });
const base = generateFile(5000);
let tree: Tree = parser.parse(base);
let frags: readonly TreeFragment[] = TreeFragment.addTree(tree);
let bad = 0; const times: number[] = [];
const step = (text: string, ch: ChangedRange) => {
  const f = TreeFragment.applyChanges(frags, [ch]);
  const t0 = performance.now();
  tree = parser.parse(text, f);
  times.push(performance.now() - t0);
  frags = TreeFragment.addTree(tree, f);
  if (tree.toString() !== base0.parse(text).toString()) bad++;
};
for (let i = 0; i < 300; i++) {
  const at = Math.floor((((i * 7919) % 997) / 997) * base.length);
  const typed = i % 2 ? ' ' : 'x';
  step(base.slice(0, at) + typed + base.slice(at), { fromA: at, toA: at, fromB: at, toB: at + 1 });
  step(base, { fromA: at, toA: at + 1, fromB: at, toB: at });
}
times.sort((a, b) => a - b);
const t1 = performance.now(); parser.parse(base); const full = performance.now() - t1;
console.log(process.env.MODE, 'bad', bad, 'of', times.length, 'parse p50', times[times.length >> 1].toFixed(2), 'p95', times[Math.floor(times.length * 0.95)].toFixed(2), 'full', full.toFixed(1));
