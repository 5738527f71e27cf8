// Hover latency after an edit: incremental reparse + full analysis + findingAt on a 5,000-line Python file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeParsed, findingAt, parsePython } from '../src/core/analysis';

const GOAL_MS = 5;
const EDITS = 200;

function generateFile(lines: number): string {
  const seeds = ['seed000_linear_combination.py', 'seed004_four_implementations.py', 'libraries.py'];
  const chunks = seeds.map((s) =>
    readFileSync(join(__dirname, '..', 'test', 'fixtures', 'python', s), 'utf8'),
  );
  const filler = (i: number) => `def helper_${i}(x, y):\n    z = x * ${i} + y\n    return z.sum()\n\n`;
  let text = '';
  for (let i = 0; text.split('\n').length < lines; i++)
    text += i % 4 === 3 ? chunks[i % chunks.length] : filler(i);
  return text.split('\n').slice(0, lines).join('\n');
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export async function run(): Promise<void> {
  let text = generateFile(5000);
  let parse = parsePython(text);
  analyzeParsed(parse);
  const times: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const at = Math.floor((((i * 7919) % 997) / 997) * text.length);
    const inserted = i % 2 ? ' ' : '';
    const removed = i % 2 ? 0 : text[at] === ' ' ? 1 : 0;
    const next = text.slice(0, at) + inserted + text.slice(at + removed);
    const start = performance.now();
    parse = parsePython(next, parse, [
      { fromA: at, toA: at + removed, fromB: at, toB: at + inserted.length },
    ]);
    const findings = analyzeParsed(parse);
    findingAt(findings, 100 + (i % 4000), 10);
    times.push(performance.now() - start);
    text = next;
  }
  const fullStart = performance.now();
  analyzeParsed(parsePython(text));
  const full = performance.now() - fullStart;
  times.sort((a, b) => a - b);
  const p50 = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  console.log(
    `analysis after a one-character edit, 5,000 lines, ${EDITS} edits: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms (full parse + analysis ${full.toFixed(1)} ms)`,
  );
  console.log(`goal p95 < ${GOAL_MS} ms: goal ${p95 < GOAL_MS ? 'met' : 'missed'}`);
}
