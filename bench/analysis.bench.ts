// Hover latency after an edit on a 5,000-line Python file: what the hover provider runs (incremental reparse +
// findings at the cursor + picking the innermost), with the cursor at the edit and elsewhere; and, separately, the
// debounced full-file diagnostics pass after an edit. No forced GC between edits: collection pauses count. Each p95
// is also printed as a ratio to one full parse (hovers) and one full parse + analysis (diagnostics) of the same file,
// timed in the same run (issue 11), so that a busy machine slows both sides alike.
import { cpus, loadavg } from 'node:os';
import type { ChangedRange } from '@lezer/common';
import { type Finding, findingAt, type PythonParse } from '../src/core/analysis';
import { IncrementalAnalysis } from '../src/extension/incrementalAnalysis';
import { generateFile, median, percentile, timeMs, verdict } from './support';

const GOAL_MS = 5;
const LINES = 5000;
const HOVER_EDITS = Number(process.env.EDITS ?? 400);
const DIAGNOSTIC_EDITS = 60;
/** Issue 11's goals: hover p95 ≤ this × one full parse; diagnostics p95 ≤ this × one full parse + analysis. */
const HOVER_GOAL_RATIO = 0.15;
const DIAGNOSTICS_GOAL_RATIO = 0.5;
/** Full parses (and parses + analyses) timed before, between and after the series, for their medians. */
const REFERENCE_RUNS = 2;

/** The extension's engine: one session for the whole run, as for one extension context. */
const engine = new IncrementalAnalysis();
const reparse = engine.reparse.bind(engine);
const analyze = engine.analyze.bind(engine);
const analyzeAt = engine.analyzeAt.bind(engine);

/** As src/extension/findingsAt.ts: the innermost loss at the cursor, else the innermost pitfall. */
function hoverFinding(findings: readonly Finding[], offset: number, text: string): Finding | null {
  const line = text.slice(0, offset).split('\n').length;
  const column = offset - text.lastIndexOf('\n', offset - 1);
  const loss = findingAt(
    findings.filter((f) => f.kind === 'loss'),
    line,
    column,
  );
  return (
    loss ??
    findingAt(
      findings.filter((f) => f.kind === 'pitfall'),
      line,
      column,
    )
  );
}

/** Where the i-th edit types: a pseudo-random offset, spread over the whole file. */
function editOffset(text: string, i: number): number {
  return Math.floor((((i * 7919) % 997) / 997) * text.length);
}

interface Series {
  label: string;
  times: number[];
  hits: number;
  /** Incremental trees whose top-level statements differ from a fresh parse of the same text. */
  misparsed: number;
  /** The most top-level statements one edit parsed again, of `statements` in the file. */
  mostReparsed: number;
  statements: number;
}

function topLevelShape(parse: PythonParse): string {
  const spans: number[] = [];
  for (let n = parse.tree.topNode.firstChild; n; n = n.nextSibling) spans.push(n.from, n.to);
  return spans.join(',');
}

/**
 * Types one character (a space or a letter) at a pseudo-random place, then deletes it again, as typing does; after
 * each of these edits, times the incremental reparse plus `step`. At most one edit is pending, so the file is the
 * one a person edits, not one riddled with hundreds of syntax errors.
 */
function measure(
  label: string,
  edits: number,
  firstEdit: number,
  step: (parse: PythonParse, at: number) => boolean,
): Series {
  const base = generateFile(LINES);
  let parse = reparse(base);
  analyze(parse);
  const series: Series = {
    label,
    times: [],
    hits: 0,
    misparsed: 0,
    mostReparsed: 0,
    statements: parse.chunks.length,
  };
  const timed = (text: string, change: ChangedRange, at: number): void => {
    const before = new Set(parse.chunks);
    const start = performance.now();
    parse = reparse(text, { parse, edits: [change] });
    const hit = step(parse, at);
    series.times.push(performance.now() - start);
    const reparsed = parse.chunks.filter((chunk) => !before.has(chunk)).length;
    series.mostReparsed = Math.max(series.mostReparsed, reparsed);
    if (hit) series.hits++;
    if (topLevelShape(parse) !== topLevelShape(reparse(text))) series.misparsed++;
  };
  for (let i = firstEdit; series.times.length < edits; i++) {
    const at = editOffset(base, i);
    const typed = i % 2 ? ' ' : 'x';
    timed(base.slice(0, at) + typed + base.slice(at), { fromA: at, toA: at, fromB: at, toB: at + 1 }, at);
    timed(base, { fromA: at, toA: at + 1, fromB: at, toB: at }, at);
  }
  return series;
}

/** What an edit's work is compared with: a whole parse of the file, and a whole parse + analysis with no caches. */
interface Reference {
  parse: number[];
  analysis: number[];
}

function timeReference(into: Reference): void {
  const text = generateFile(LINES);
  for (let i = 0; i < REFERENCE_RUNS; i++) {
    const opened = new IncrementalAnalysis();
    into.parse.push(timeMs(() => opened.reparse(text)));
    into.analysis.push(timeMs(() => opened.analyze(opened.reparse(text))));
    opened.dispose();
  }
}

/** Prints the series' percentiles; returns its p95. */
function report(s: Series, goal: number | null): number {
  const sorted = [...s.times].sort((a, b) => a - b);
  const p50 = percentile(sorted, 0.5);
  const p95 = percentile(sorted, 0.95);
  const max = sorted[sorted.length - 1];
  const goalNote = goal === null ? '' : ` — goal p95 < ${goal} ms: ${verdict(p95 < goal)}`;
  console.log(
    `${s.label}, ${LINES} lines, ${s.times.length} edits (${s.hits} with a finding, ${s.misparsed} incremental trees unlike a fresh parse, at most ${s.mostReparsed} of ${s.statements} top-level statements parsed again by one edit): p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, max ${max.toFixed(1)} ms${goalNote}`,
  );
  return p95;
}

function ratio(p95: number, reference: number, goal: number): string {
  const r = p95 / reference;
  return `${r.toFixed(3)}× (goal ≤ ${goal}×: ${verdict(r <= goal)})`;
}

export async function run(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs`,
  );
  const coldStart = performance.now();
  analyze(reparse(generateFile(LINES)));
  console.log(`cold parse + full analysis of the file: ${(performance.now() - coldStart).toFixed(1)} ms`);
  const reference: Reference = { parse: [], analysis: [] };
  timeReference(reference);
  // Each series types at its own places, so none finds the texts another one analysed in the caches.
  const atEdit = measure(
    'hover at the edit (reparse + analyzeAt + innermost)',
    HOVER_EDITS,
    0,
    (parse, at) => {
      return hoverFinding(analyzeAt(parse, at), at, parse.text) !== null;
    },
  );
  const elsewhere = measure('hover elsewhere after an edit', HOVER_EDITS, 300, (parse, at) => {
    const cursor = (at + Math.floor(parse.text.length / 3)) % parse.text.length;
    return hoverFinding(analyzeAt(parse, cursor), cursor, parse.text) !== null;
  });
  timeReference(reference);
  const diagnostics = measure(
    'full-file diagnostics after an edit (reparse + analyze)',
    DIAGNOSTIC_EDITS,
    600,
    (parse) => {
      return analyze(parse).some((f) => f.kind === 'pitfall');
    },
  );
  timeReference(reference);
  const atEditP95 = report(atEdit, GOAL_MS);
  const elsewhereP95 = report(elsewhere, GOAL_MS);
  const diagnosticsP95 = report(diagnostics, null);
  const both = {
    label: 'hover after an edit, both cursors',
    times: [...atEdit.times, ...elsewhere.times],
    hits: atEdit.hits + elsewhere.hits,
    misparsed: atEdit.misparsed + elsewhere.misparsed,
    mostReparsed: Math.max(atEdit.mostReparsed, elsewhere.mostReparsed),
    statements: atEdit.statements,
  };
  const bothP95 = report(both, GOAL_MS);
  const parse = median(reference.parse);
  const parseAndAnalysis = median(reference.analysis);
  const runs = reference.parse.length;
  console.log(
    `one full parse of the file: median ${parse.toFixed(1)} ms of ${runs}; full parse + analysis, no caches: median ${parseAndAnalysis.toFixed(1)} ms of ${runs} (before, between and after the series)`,
  );
  console.log(
    `hover p95 / one full parse: at the edit ${ratio(atEditP95, parse, HOVER_GOAL_RATIO)}, elsewhere ${ratio(elsewhereP95, parse, HOVER_GOAL_RATIO)}, both cursors ${ratio(bothP95, parse, HOVER_GOAL_RATIO)}`,
  );
  console.log(
    `diagnostics p95 / one full parse + analysis: ${ratio(diagnosticsP95, parseAndAnalysis, DIAGNOSTICS_GOAL_RATIO)}; / one full parse: ${(diagnosticsP95 / parse).toFixed(3)}×`,
  );
}
