// parseTensor on a 4096 x 1000 PyTorch repr vs JSON.parse of the same numbers, in values per second.
import { formatTensor, parseTensor } from '../src/core/parse';
import type { Tensor } from '../src/core/tensor';
import { lcg, median, timeMs } from './support';

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

/** Interleaves the two parsers so both see the same machine state; returns JSON time / core time. */
function compare(label: string, repr: string, json: string, expected: Tensor): number {
  const parsed = parseTensor(repr);
  if (!parsed.ok || parsed.tensor.data.length !== expected.data.length)
    throw new Error(`${label}: parse failed`);
  warmUp(repr, json);
  const core: number[] = [];
  const baseline: number[] = [];
  // No forced gc() between runs: a full collection discards the scanner's optimized code (it embeds the
  // previous call's objects), which an editor session only meets now and then.
  for (let i = 0; i < REPS; i++) {
    core.push(timeMs(() => parseTensor(repr)));
    baseline.push(timeMs(() => JSON.parse(json)));
  }
  const millions = expected.data.length / 1e6;
  const [c, b] = [median(core), median(baseline)];
  const rate = (ms: number): string => `${(millions / (ms / 1000)).toFixed(1)} M values/s`;
  console.log(
    `${label}: parseTensor ${c.toFixed(1)} ms (${rate(c)}, ${(repr.length / 1e6).toFixed(1)} MB)` +
      ` | JSON.parse ${b.toFixed(1)} ms (${rate(b)}, ${(json.length / 1e6).toFixed(1)} MB) | ratio ${(b / c).toFixed(2)}x`,
  );
  return b / c;
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
  console.log(
    `goal (>= ${GOAL.toFixed(1)}x JSON.parse on each repr): ${ratios.every((r) => r >= GOAL) ? 'met' : 'missed'}`,
  );
}
