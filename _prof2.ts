import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePython } from './src/core/analysis';
import { buildModule } from './src/core/analysis/module';
import { collectNodes, scanPitfalls } from './src/core/analysis/pitfalls/scan';
import { callFindings } from './src/core/analysis/calls';
import { moduleSignature, definitionKey } from './src/core/analysis/cache';
const seeds = ['seed000_linear_combination.py', 'seed004_four_implementations.py', 'libraries.py'];
const chunks = seeds.map((s) => readFileSync(join('test', 'fixtures', 'python', s), 'utf8'));
const filler = (i: number) => `def helper_${i}(x, y):\n    z = x * ${i} + y\n    return z.sum()\n\n`;
let text = '';
for (let i = 0; text.split('\n').length < 5000; i++) text += i % 4 === 3 ? chunks[i % chunks.length] : filler(i);
const p = parsePython(text);
for (let i = 0; i < 3; i++) {
  let t = performance.now(); const mod = buildModule(p.tree, text); const a = performance.now() - t;
  t = performance.now(); const nodes = collectNodes(p.tree); const b = performance.now() - t;
  t = performance.now(); const sig = moduleSignature(mod); for (const d of mod.definitions) definitionKey(d, mod, sig); const c = performance.now() - t;
  t = performance.now(); callFindings(nodes.calls, mod, []); const d = performance.now() - t;
  t = performance.now(); scanPitfalls(nodes, mod); const e = performance.now() - t;
  console.log({a, b, c, d, e, defs: mod.definitions.length, calls: nodes.calls.length});
}
