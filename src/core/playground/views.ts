/** Display-sized views of the input: the smoothed-target heatmap grid, one row, and the per-sample table. */
import type { Tensor } from '../tensor';
import type { Prepared } from './prepare';

/** Block averages of a (rows, cols) matrix, at most maxRows × maxCols cells. */
export interface HeatGrid {
  rows: number;
  cols: number;
  rowStep: number;
  colStep: number;
  values: Float64Array;
}

export const HEAT_MAX_ROWS = 96;
export const HEAT_MAX_COLS = 120;

/** The grid a (rows, cols) matrix is averaged onto: blocks of rowStep × colStep cells (smaller at the edges). */
export function heatLayout(
  rows: number,
  cols: number,
): { rowStep: number; colStep: number; gr: number; gc: number } {
  // At least 1: an empty batch (0 rows) gives an empty grid, not 0/0 steps.
  const rowStep = Math.max(1, Math.ceil(rows / HEAT_MAX_ROWS));
  const colStep = Math.max(1, Math.ceil(cols / HEAT_MAX_COLS));
  return { rowStep, colStep, gr: Math.ceil(rows / rowStep), gc: Math.ceil(cols / colStep) };
}

export function downsample(data: Float64Array, rows: number, cols: number): HeatGrid {
  const { rowStep, colStep, gr, gc } = heatLayout(rows, cols);
  const sums = new Float64Array(gr * gc);
  const counts = new Float64Array(gr * gc);
  for (let r = 0; r < rows; r++) {
    const base = Math.floor(r / rowStep) * gc;
    for (let c = 0; c < cols; c++) {
      const cell = base + Math.floor(c / colStep);
      sums[cell]! += data[r * cols + c]!;
      counts[cell]! += 1;
    }
  }
  return { rows: gr, cols: gc, rowStep, colStep, values: sums.map((s, i) => s / counts[i]!) };
}

/** The row the probabilities plot shows: one sample's classes, or every element of a binary vector. */
export interface RowView {
  index: number;
  label: 'class' | 'element';
  probabilities: Float64Array;
  targetAt0: Float64Array;
  targetAt1: Float64Array;
}

export const MAX_ELEMENTS_SHOWN = 2000;

/** The flat range the row plots show: the chosen row's classes, or the first elements of a binary vector. */
export function rowRange(p: Prepared, row: number): { index: number; start: number; end: number } {
  if (p.cols === 1) return { index: 0, start: 0, end: Math.min(p.rows, MAX_ELEMENTS_SHOWN) };
  const index = Math.max(0, Math.min(row, p.rows - 1));
  return { index, start: index * p.cols, end: (index + 1) * p.cols };
}

export function rowView(p: Prepared, probs: Tensor, at0: Tensor, at1: Tensor, row: number): RowView {
  const { index, start, end } = rowRange(p, row);
  const slice = (t: Tensor): Float64Array => Float64Array.from(t.data.subarray(start, end));
  const label = p.cols === 1 ? 'element' : 'class';
  return { index, label, probabilities: slice(probs), targetAt0: slice(at0), targetAt1: slice(at1) };
}

/** Per sample: the target (class index, or mean target for multi-label rows), the prediction and its probability. */
export interface SampleTable {
  target: Float64Array;
  predicted: Float64Array;
  probability: Float64Array;
}

function argmax(data: Float64Array, start: number, size: number): number {
  let best = 0;
  for (let c = 1; c < size; c++) if (data[start + c]! > data[start + best]!) best = c;
  return best;
}

export function sampleTable(p: Prepared, probs: Tensor): SampleTable {
  const table: SampleTable = {
    target: new Float64Array(p.rows),
    predicted: new Float64Array(p.rows),
    probability: new Float64Array(p.rows),
  };
  for (let r = 0; r < p.rows; r++) {
    const start = r * p.cols;
    const y = p.targetKind === 'index' ? p.target.data[r]! : argmax(p.target.data, start, p.cols);
    const binary = p.family === 'binary';
    table.target[r] = binary ? mean(p.target.data, start, p.cols) : y;
    table.predicted[r] = binary
      ? Number(mean(probs.data, start, p.cols) > 0.5)
      : argmax(probs.data, start, p.cols);
    const isClass = y >= 0 && y < p.cols;
    table.probability[r] = binary
      ? mean(probs.data, start, p.cols)
      : isClass
        ? probs.data[start + y]!
        : Number.NaN;
  }
  return table;
}

function mean(data: Float64Array, start: number, size: number): number {
  let s = 0;
  for (let i = 0; i < size; i++) s += data[start + i]!;
  return s / size;
}

/**
 * Lines (value at ε = 0, value at ε = 1) among which every smoothed target's extremes lie: each target is the same
 * affine map of its ε = 0 value (ignored rows stay 0), so the extremes at any ε come from the elements with the
 * smallest and largest ε = 0 value (the ties' smallest and largest ε = 1 value).
 */
export type ExtremeLines = [number, number][];

export function extremeLines(at0: Float64Array, at1: Float64Array): ExtremeLines {
  let [lo, hi] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const a of at0) [lo, hi] = [Math.min(lo, a), Math.max(hi, a)];
  const ends = (a: number): [number, number][] => {
    let [min, max] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    at0.forEach((v, i) => {
      if (v === a) [min, max] = [Math.min(min, at1[i]!), Math.max(max, at1[i]!)];
    });
    return [
      [a, min],
      [a, max],
    ];
  };
  return at0.length ? [...ends(lo), ...ends(hi)] : [];
}

/** The heatmap in words: what is drawn (block averages when the matrix is large) and the targets' true range. */
export function heatSummary(
  grid: HeatGrid,
  size: { rows: number; cols: number },
  drawn: Float64Array,
  extremes: ExtremeLines,
  epsilon: number,
): string {
  const f = (x: number) => x.toFixed(4);
  const at = extremes.map(([a, b]) => a + (b - a) * epsilon);
  const range = `from ${f(Math.min(...at))} to ${f(Math.max(...at))}`;
  const targets = `${size.rows}×${size.cols} targets`;
  if (grid.rowStep === 1 && grid.colStep === 1) return `${targets}; values ${range}.`;
  const [lo, hi] = [Math.min(...drawn), Math.max(...drawn)];
  return `${targets}, drawn as ${grid.rows}×${grid.cols} averages of ${grid.rowStep}×${grid.colStep} blocks (${f(lo)} to ${f(hi)}); the targets themselves range ${range}.`;
}
