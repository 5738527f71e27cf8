import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@lezer/python';
import { type ChangedRange, type Tree, TreeFragment } from '@lezer/common';
function generateFile(lines: number): string {
  const seeds = ['seed000_linear_combination.py', 'seed004_four_implementations.py', 'libraries.py'];
  const chunks = seeds.map((s) => readFileSync(join('/work/main/test/fixtures/python', s), 'utf8'));
  const filler = (i: number) => `def helper_${i}(x, y):\n    z = x * ${i} + y\n    return z.sum()\n\n`;
  let text = '';
  for (let i = 0; text.split('\n').length < lines; i++) text += i % 4 === 3 ? chunks[i % chunks.length] : filler(i);
  return text.split('\n').slice(0, lines).join('\n');
}
/** Clips fragments to top-level statement boundaries of their tree. */
function clip(frags: readonly TreeFragment[]): TreeFragment[] {
  const out: TreeFragment[] = [];
  for (const f of frags) {
    // boundaries in tree coords: f.from + f.offset .. f.to + f.offset
    const lo = f.from + f.offset, hi = f.to + f.offset;
    let start = -1, end = -1;
    for (let c = f.tree.topNode.firstChild; c; c = c.nextSibling) {
      if (start < 0 && c.from >= lo) start = c.from;
      if (c.to <= hi && c.nextSibling && c.nextSibling.from <= hi) end = c.nextSibling.from; 
    }
    if (lo === 0) start = 0;
    if (start < 0 || end <= start) continue;
    out.push(new TreeFragment(start - f.offset, end - f.offset, f.tree, f.offset, false, false));
  }
  return out;
}
const base = generateFile(5000);
const mode = process.env.MODE ?? 'plain';
let tree: Tree = parser.parse(base);
let frags: readonly TreeFragment[] = TreeFragment.addTree(tree);
let bad = 0; const times: number[] = [];
const step = (text: string, ch: ChangedRange) => {
  let f = TreeFragment.applyChanges(frags, [ch]);
  if (mode === 'clip') f = clip(f);
  const t0 = performance.now();
  tree = parser.parse(text, f);
  times.push(performance.now() - t0);
  frags = TreeFragment.addTree(tree, f);
  if (tree.toString() !== parser.parse(text).toString()) bad++;
};
for (let i = 300; i < 400; i++) {
  const at = Math.floor((((i * 7919) % 997) / 997) * base.length);
  const typed = i % 2 ? ' ' : 'x';
  step(base.slice(0, at) + typed + base.slice(at), { fromA: at, toA: at, fromB: at, toB: at + 1 });
  step(base, { fromA: at, toA: at + 1, fromB: at, toB: at });
}
times.sort((a, b) => a - b);
console.log(mode, 'bad', bad, 'of 200; parse p50', times[100].toFixed(2), 'p95', times[190].toFixed(2));
{
  const at = Math.floor((((300 * 7919) % 997) / 997) * base.length);
  const text = base.slice(0, at) + 'x' + base.slice(at);
  const t0 = parser.parse(base);
  const tops = (t: Tree) => { let k = 0; for (let c = t.topNode.firstChild; c; c = c.nextSibling) k++; return k; };
  const f0 = TreeFragment.applyChanges(TreeFragment.addTree(t0), [{ fromA: at, toA: at, fromB: at, toB: at + 1 }]);
  console.log('frags', f0.map((f) => `${f.from}-${f.to} off ${f.offset} ${f.openStart} ${f.openEnd}`));
  console.log('plain', tops(parser.parse(text, f0)));
  const c = clip(f0);
  console.log('clip frags', c.map((f) => `${f.from}-${f.to} off ${f.offset}`), tops(parser.parse(text, c)));
  console.log('only before', tops(parser.parse(text, [c[0]])), 'only after', tops(parser.parse(text, [c[1]])));
  console.log('fresh', tops(parser.parse(text)));
  console.log('edit line', JSON.stringify(text.slice(at - 60, at + 40)));
}
{
  const at = Math.floor((((300 * 7919) % 997) / 997) * base.length);
  const text = base.slice(0, at) + 'x' + base.slice(at);
  const f0 = TreeFragment.applyChanges(TreeFragment.addTree(parser.parse(base)), [{ fromA: at, toA: at, fromB: at, toB: at + 1 }]);
  const inc = parser.parse(text, f0);
  const cls = inc.topNode.firstChild!.nextSibling!;
  let n = inc.topNode.firstChild; while (n && n.from < 2179) n = n.nextSibling;
  console.log(n!.name, n!.from, n!.to);
  const body = n!.getChild('Body')!;
  let k = 0; for (let c = body.firstChild; c && k < 12; c = c.nextSibling, k++) console.log('  ', c.name, c.from, c.to, JSON.stringify(text.slice(c.from, Math.min(c.to, c.from + 40))));
  console.log(JSON.stringify(text.slice(3000, 3200)));
}
