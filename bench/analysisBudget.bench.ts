// The longest time the analysis holds the extension host in one go, on files up to 100,000 lines, as the extension
// runs it (src/extension/analysisCache.ts): opening a file parses and analyses it in slices; after each edit the
// reparse (incremental, or whole in lezer's steps) runs in slices, a hover analyses the statement under the
// cursor at once, and diagnostics analyse the file in slices. Files over MAX_ANALYSED_LINES are not analysed. Goal: no block over 50 ms.
import { cpus, loadavg } from 'node:os';
import {
  hostScheduler,
  MAX_ANALYSED_LINES,
  runInSlices,
  type Scheduler,
  tooLargeToAnalyse,
} from '../src/extension/analysisBudget';
import { IncrementalAnalysis } from '../src/extension/incrementalAnalysis';
import { cpuMs, generateFile, verdict } from './support';

const GOAL_MS = 50;
const SIZES = (process.env.BUDGET_LINES ?? '1000,5000,20000,100000').split(',').map(Number);
const EDITS = Number(process.env.EDITS ?? 40);

/** Wall-clock and CPU milliseconds of each block the host was held for. */
class Blocks {
  readonly wall: number[] = [];
  readonly cpu: number[] = [];
  private wallStart = 0;
  private cpuStart = 0;
  start(): void {
    this.wallStart = performance.now();
    this.cpuStart = cpuMs();
  }
  end(): void {
    this.wall.push(performance.now() - this.wallStart);
    this.cpu.push(cpuMs() - this.cpuStart);
  }
}

/** The host scheduler, recording how long each slice held the thread. */
class Recording extends Blocks implements Scheduler {
  now = (): number => performance.now();
  pause = async (): Promise<void> => {
    this.end();
    await hostScheduler.pause();
    this.start();
  };
}

async function sliced<T>(steps: Generator<void, T>, recording: Recording): Promise<T> {
  recording.start();
  const result = await runInSlices(steps, () => false, recording);
  recording.end();
  if (result === null) throw new Error('unreachable: never stale');
  return result;
}

function timed<T>(work: () => T, blocks: Blocks): T {
  blocks.start();
  const result = work();
  blocks.end();
  return result;
}

async function measure(lines: number): Promise<void> {
  if (tooLargeToAnalyse(lines)) {
    console.log(
      `${lines} lines: not analysed (over ${MAX_ANALYSED_LINES}): status bar and log say so; longest block 0 ms`,
    );
    return;
  }
  const engine = new IncrementalAnalysis();
  const base = generateFile(lines);
  const open = new Recording();
  let parse = await sliced(engine.reparseSteps(base), open);
  await sliced(engine.analyzeSteps(parse), open);
  const reparse = new Recording();
  const hover = new Blocks();
  const diagnostics = new Recording();
  for (let i = 0; i < EDITS; i++) {
    const at = Math.floor((((i * 7919) % 997) / 997) * base.length);
    const text = base.slice(0, at) + (i % 2 ? ' ' : 'x') + base.slice(at);
    const previous = { parse, edits: [{ fromA: at, toA: at, fromB: at, toB: at + 1 }] };
    const edited = await sliced(engine.reparseSteps(text, previous), reparse);
    timed(() => engine.analyzeAt(edited, at), hover);
    await sliced(engine.analyzeSteps(edited), diagnostics);
    parse = engine.reparse(base, { parse: edited, edits: [{ fromA: at, toA: at + 1, fromB: at, toB: at }] });
  }
  const longest = (xs: number[]) => Math.max(...xs).toFixed(1);
  const worst = [open, reparse, hover, diagnostics];
  const wall = Math.max(...worst.flatMap((b) => b.wall));
  const cpu = Math.max(...worst.flatMap((b) => b.cpu));
  console.log(
    `${lines} lines, longest block wall / CPU ms: open (sliced parse + analysis, ${open.wall.length} slices) ${longest(open.wall)} / ${longest(open.cpu)}; ` +
      `${EDITS} edits: reparse ${longest(reparse.wall)} / ${longest(reparse.cpu)}, hover ${longest(hover.wall)} / ${longest(hover.cpu)}, diagnostics slices ${longest(diagnostics.wall)} / ${longest(diagnostics.cpu)} ` +
      `— longest ${wall.toFixed(1)} / ${cpu.toFixed(1)} ms, goal < ${GOAL_MS} ms: ${verdict(wall < GOAL_MS)} (wall), ${verdict(cpu < GOAL_MS)} (CPU)`,
  );
  engine.dispose();
}

export async function run(): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs`,
  );
  for (const lines of SIZES) await measure(lines);
}
