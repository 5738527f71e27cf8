import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parser } from '@lezer/python';
import { TreeFragment } from '@lezer/common';
function generateFile(lines: number): string {
  const seeds = ['seed000_linear_combination.py', 'seed004_four_implementations.py', 'libraries.py'];
  const chunks = seeds.map((s) => readFileSync(join('/work/main/test/fixtures/python', s), 'utf8'));
  const filler = (i: number) => `def helper_${i}(x, y):\n    z = x * ${i} + y\n    return z.sum()\n\n`;
  let text = '';
  for (let i = 0; text.split('\n').length < lines; i++) text += i % 4 === 3 ? chunks[i % chunks.length] : filler(i);
  return text.split('\n').slice(0, lines).join('\n');
}
const base = generateFile(5000);
const i = 300;
const at = Math.floor((((i * 7919) % 997) / 997) * base.length);
const text = base.slice(0, at) + 'x' + base.slice(at);
const t0 = parser.parse(base);
const frags = TreeFragment.applyChanges(TreeFragment.addTree(t0), [{ fromA: at, toA: at, fromB: at, toB: at + 1 }]);
const inc = parser.parse(text, frags);
const fresh = parser.parse(text);
const tops = (t: typeof inc) => { let k = 0; for (let c = t.topNode.firstChild; c; c = c.nextSibling) k++; return k; };
console.log(tops(inc), tops(fresh), inc.toString() === fresh.toString());
// find first differing top-level node
const a: string[] = [], b: string[] = [];
for (let c = inc.topNode.firstChild; c; c = c.nextSibling) a.push(`${c.name}@${c.from}-${c.to}`);
for (let c = fresh.topNode.firstChild; c; c = c.nextSibling) b.push(`${c.name}@${c.from}-${c.to}`);
const k = a.findIndex((x, j) => x !== b[j]);
console.log('edit at', at, 'first diff', a[k], 'vs', b[k], JSON.stringify(text.slice(at - 40, at + 20)));
const n = inc.topNode.childAfter(at - 1)!; console.log(n.name, n.from, n.to);
