import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeParsed, parsePython } from './src/core/analysis';
const seeds = ['seed000_linear_combination.py', 'seed004_four_implementations.py', 'libraries.py'];
const chunks = seeds.map((s) => readFileSync(join('test', 'fixtures', 'python', s), 'utf8'));
const filler = (i: number) => `def helper_${i}(x, y):\n    z = x * ${i} + y\n    return z.sum()\n\n`;
let text = '';
for (let i = 0; text.split('\n').length < 5000; i++) text += i % 4 === 3 ? chunks[i % chunks.length] : filler(i);
const p = parsePython(text);
for (let i = 0; i < 3; i++) { const t = performance.now(); analyzeParsed(p); console.log(performance.now() - t); }
