// parseTensor on a 4096 x 1000 PyTorch repr vs JSON.parse of the same numbers, in values per second, on the wall
// clock and in CPU time (which a busy machine's other processes do not inflate).
import { formatTensor, parseTensor } from '../src/core/parse';
import type { Tensor } from '../src/core/tensor';
import {
  formatMs,
  formatRatio,
  lcg,
  medianWallAndCpu,
  ratioWallAndCpu,
  timeWallAndCpu,
  verdicts,
  type WallAndCpu,
} from './support';

const ROWS = 4096;
const COLUMNS = 1000;
const REPS = Number(process.env.REPS ?? 15);
const GOAL = 1.0;
const WARM_UP_RUNS = 20;
const WARM_UP_CHARS = 2000;
const FULL_WARM_UP_RUNS = 3;
/** torch's default print width: full-profile reprs wrap long rows at it. */
const LINE_WIDTH = 80;

/** Deterministic values around zero (sum of four uniforms from a fixed LCG). */
function randomValues(n: number): Float64Array {
  const uniform = lcg(12345);
  return Float64Array.from({ length: n }, () => uniform() + uniform() + uniform() + uniform() - 2);
}

/**
 * As `print(t)` writes a float tensor under torch.set_printoptions(profile='full'): cells of one width, rows
 * wrapped at the print width.
 */
function torchFullRepr(values: Float64Array, cell: (v: number) => string): string {
  const texts = Array.from(values, cell);
  const width = texts.reduce((w, t) => Math.max(w, t.length), 0);
  const cells = texts.map((t) => t.padStart(width));
  const perLine = Math.floor((LINE_WIDTH - 9) / (width + 2));
  const rows: string[] = [];
  for (let r = 0; r < ROWS; r++) {
    const lines: string[] = [];
    for (let c = 0; c < COLUMNS; c += perLine) {
      lines.push(cells.slice(r * COLUMNS + c, r * COLUMNS + Math.min(COLUMNS, c + perLine)).join(', '));
    }
    rows.push(`[${lines.join(',\n         ')}]`);
  }
  // join, not +, so that the text is one flat string like text pasted into an editor.
  return ['tensor([', rows.join(',\n        '), '])'].join('');
}

/** torch's default 4 decimals. */
const fourDecimals = (v: number): string => v.toFixed(4);

/**
 * precision=17 in torch's scientific mode, which it picks for these values (largest / smallest magnitude > 1000):
 * 18 significant digits and a two-digit exponent, `-1.85422920156270271e-01`.
 */
function scientific17(v: number): string {
  const [mantissa, exponent] = v.toExponential(17).split('e') as [string, string];
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}e${sign}${exponent.replace(/^[-+]/, '').padStart(2, '0')}`;
}

/**
 * `formatTensor`'s text as one flat string. It returns `tensor(${body}, dtype=...)`, a rope of three strings,
 * which V8 keeps as a cons string: every `charCodeAt` on it then goes through the indirection (~15% of the
 * parse), which text pasted into the playground (a flat string from the textarea) never has.
 */
function flatText(text: string): string {
  return [text.slice(0, 1), text.slice(1)].join('');
}

function jsonOf(t: Tensor): string {
  const rows: string[] = [];
  for (let r = 0; r < ROWS; r++) rows.push(`[${t.data.subarray(r * COLUMNS, (r + 1) * COLUMNS).join(',')}]`);
  return ['[', rows.join(','), ']'].join('');
}

/**
 * Lets V8 settle object layouts (slack tracking ends after a few instances) and gather type feedback
 * for both parsers before anything is timed, as in a long-running extension host.
 */
function warmUp(repr: string, json: string): void {
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    parseTensor(`${repr.slice(0, WARM_UP_CHARS).replace(/,[^,]*$/, '')}]])`);
    JSON.parse(`${json.slice(0, WARM_UP_CHARS).replace(/,[^,]*$/, '')}]]`);
  }
  for (let i = 0; i < FULL_WARM_UP_RUNS; i++) {
    parseTensor(repr);
    JSON.parse(json);
  }
}

/**
 * Interleaves the two parsers rep by rep so both see the same machine state; returns JSON time / core time on the
 * wall clock and in CPU time (medians of each side's reps).
 */
function compare(label: string, repr: string, json: string, expected: Tensor): WallAndCpu {
  const parsed = parseTensor(repr);
  if (!parsed.ok || parsed.tensor.data.length !== expected.data.length)
    throw new Error(`${label}: parse failed`);
  warmUp(repr, json);
  const core: WallAndCpu[] = [];
  const baseline: WallAndCpu[] = [];
  // No forced gc() between runs: a full collection discards the scanner's optimized code (it embeds the
  // previous call's objects), which an editor session only meets now and then.
  for (let i = 0; i < REPS; i++) {
    core.push(timeWallAndCpu(() => parseTensor(repr)));
    baseline.push(timeWallAndCpu(() => JSON.parse(json)));
  }
  const millions = expected.data.length / 1e6;
  const [c, b] = [medianWallAndCpu(core), medianWallAndCpu(baseline)];
  const ratio = ratioWallAndCpu(b, c);
  const rate = (t: WallAndCpu): string => `${(millions / (t.wall / 1000)).toFixed(1)} M values/s wall`;
  const megabytes = (text: string): string => `${(text.length / 1e6).toFixed(1)} MB`;
  console.log(`${label}, medians of ${REPS}:`);
  console.log(`  parseTensor ${formatMs(c)} (${rate(c)}, ${megabytes(repr)})`);
  console.log(`  JSON.parse  ${formatMs(b)} (${rate(b)}, ${megabytes(json)})`);
  console.log(`  throughput ratio (JSON.parse time / parseTensor time): ${formatRatio(ratio)}`);
  return ratio;
}

export async function run(): Promise<void> {
  const values = randomValues(ROWS * COLUMNS);
  const printed = parseTensor(torchFullRepr(values, fourDecimals));
  if (!printed.ok) throw new Error(printed.error.message);
  const size = `${ROWS}x${COLUMNS}`;
  const full: Tensor = { shape: [ROWS, COLUMNS], data: values };
  const ratios = [
    compare(
      `torch repr ${size}, 4 decimals`,
      torchFullRepr(values, fourDecimals),
      jsonOf(printed.tensor),
      printed.tensor,
    ),
    compare(`torch repr ${size}, precision=17`, torchFullRepr(values, scientific17), jsonOf(full), full),
    compare(
      `torch repr ${size}, repr(x.tolist()) digits`,
      flatText(formatTensor(full, 'torch')),
      jsonOf(full),
      full,
    ),
  ];
  const worst = { wall: Math.min(...ratios.map((r) => r.wall)), cpu: Math.min(...ratios.map((r) => r.cpu)) };
  console.log(`each repr ≥ ${GOAL.toFixed(1)}× JSON.parse: ${verdicts((r) => r >= GOAL, worst)}`);
}
