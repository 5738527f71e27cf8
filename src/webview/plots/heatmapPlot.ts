/**
 * The smoothed targets as a heatmap drawn straight to canvas (block averages for big inputs). Each cell also shows
 * its value when there is room, and a labelled colour bar gives the scale, so colour is never the only cue.
 */
import { lerpArray } from '../../core/playground/model';
import { type HeatGrid, heatSummary } from '../../core/playground/views';
import { pixelRatio } from './pixelRatio';
import { figure, fmt, type Plot, type View } from './plot';
import type { Theme } from './theme';

const MARGIN = { left: 64, top: 28, right: 70, bottom: 44 };
const MIN_CELL_FOR_TEXT = 34;

type Rgb = [number, number, number];

/** Any CSS colour → RGB, through the canvas's own colour parser. */
function rgbOf(ctx: CanvasRenderingContext2D, colour: string): Rgb {
  ctx.fillStyle = '#000';
  ctx.fillStyle = colour;
  const s = String(ctx.fillStyle);
  if (s.startsWith('#')) return [1, 3, 5].map((i) => Number.parseInt(s.slice(i, i + 2), 16)) as Rgb;
  return (s.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number) as Rgb;
}

/** A monotone ramp from the background to the theme's first series colour, as a 256-entry lookup table. */
function ramp(ctx: CanvasRenderingContext2D, theme: Theme): Uint8ClampedArray {
  const [from, to] = [rgbOf(ctx, theme.background), rgbOf(ctx, theme.series[0]!)];
  const table = new Uint8ClampedArray(256 * 3);
  for (let i = 0; i < 256; i++)
    for (let k = 0; k < 3; k++) table[i * 3 + k] = from[k]! + ((to[k]! - from[k]!) * i) / 255;
  return table;
}

const offscreen = document.createElement('canvas');

/** One pixel per cell, scaled up without smoothing: cheap enough for every slider step. */
function cellImage(
  grid: HeatGrid,
  values: Float64Array,
  table: Uint8ClampedArray,
  max: number,
): HTMLCanvasElement {
  const image = new ImageData(grid.cols, grid.rows);
  const px = image.data;
  for (let i = 0; i < values.length; i++) {
    const level = max > 0 ? Math.round(Math.min(Math.max(values[i]! / max, 0), 1) * 255) * 3 : 0;
    px[i * 4] = table[level]!;
    px[i * 4 + 1] = table[level + 1]!;
    px[i * 4 + 2] = table[level + 2]!;
    px[i * 4 + 3] = 255;
  }
  if (offscreen.width !== grid.cols) offscreen.width = grid.cols;
  if (offscreen.height !== grid.rows) offscreen.height = grid.rows;
  offscreen.getContext('2d')!.putImageData(image, 0, 0);
  return offscreen;
}

function drawCells(
  ctx: CanvasRenderingContext2D,
  grid: HeatGrid,
  values: Float64Array,
  theme: Theme,
  w: number,
  h: number,
): void {
  const max = Math.max(1e-12, ...values);
  const table = ramp(ctx, theme);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(cellImage(grid, values, table, max), MARGIN.left, MARGIN.top, w, h);
  const [cw, ch] = [w / grid.cols, h / grid.rows];
  if (cw >= MIN_CELL_FOR_TEXT && ch >= 14) drawCellValues(ctx, grid, values, theme, max, cw, ch);
  drawScale(ctx, theme, table, max, MARGIN.left + w + 16, h);
}

function drawCellValues(
  ctx: CanvasRenderingContext2D,
  grid: HeatGrid,
  values: Float64Array,
  theme: Theme,
  max: number,
  cw: number,
  ch: number,
): void {
  ctx.font = '11px sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  values.forEach((v, i) => {
    const [r, c] = [Math.floor(i / grid.cols), i % grid.cols];
    ctx.fillStyle = v / max > 0.55 ? theme.background : theme.foreground;
    ctx.fillText(v.toFixed(3), MARGIN.left + (c + 0.5) * cw, MARGIN.top + (r + 0.5) * ch);
  });
  ctx.textBaseline = 'alphabetic';
}

function drawScale(
  ctx: CanvasRenderingContext2D,
  theme: Theme,
  table: Uint8ClampedArray,
  max: number,
  x: number,
  h: number,
): void {
  for (let i = 0; i < 32; i++) {
    const level = Math.round((1 - i / 31) * 255) * 3;
    ctx.fillStyle = `rgb(${table[level]},${table[level + 1]},${table[level + 2]})`;
    ctx.fillRect(x, MARGIN.top + (i * h) / 32, 12, Math.ceil(h / 32));
  }
  ctx.fillStyle = theme.foreground;
  ctx.textAlign = 'left';
  ctx.fillText(fmt(max, 3), x + 16, MARGIN.top + 10);
  ctx.fillText('0', x + 16, MARGIN.top + h);
}

/** Every `stride`-th index, the stride chosen so labels at least `minGap` px apart never overlap. */
function tickIndices(count: number, cellSize: number, minGap: number): number[] {
  const stride = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => s * cellSize >= minGap) ?? count;
  return Array.from({ length: Math.ceil(count / stride) }, (_, i) => i * stride);
}

/** Row and class numbers at cell centres (first index of the block when cells are block averages). */
function drawTicks(ctx: CanvasRenderingContext2D, grid: HeatGrid, w: number, h: number): void {
  const [cw, ch] = [w / grid.cols, h / grid.rows];
  ctx.font = '11px sans-serif';
  ctx.textAlign = 'center';
  for (const c of tickIndices(grid.cols, cw, 30))
    ctx.fillText(String(c * grid.colStep), MARGIN.left + (c + 0.5) * cw, MARGIN.top + h + 14);
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const r of tickIndices(grid.rows, ch, 16))
    ctx.fillText(String(r * grid.rowStep), MARGIN.left - 6, MARGIN.top + (r + 0.5) * ch);
  ctx.textBaseline = 'alphabetic';
}

function drawAxes(ctx: CanvasRenderingContext2D, grid: HeatGrid, theme: Theme, w: number, h: number): void {
  ctx.fillStyle = theme.foreground;
  drawTicks(ctx, grid, w, h);
  ctx.font = '12px sans-serif';
  ctx.textAlign = 'center';
  const colLabel = grid.colStep > 1 ? `class (blocks of ${grid.colStep})` : 'class';
  ctx.fillText(colLabel, MARGIN.left + w / 2, MARGIN.top + h + 34);
  ctx.save();
  ctx.translate(16, MARGIN.top + h / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.fillText(grid.rowStep > 1 ? `sample (blocks of ${grid.rowStep})` : 'sample', 0, 0);
  ctx.restore();
}

export function heatmapPlot(): Plot {
  const { figure: fig, canvas, summary } = figure('plot-heatmap', 'Smoothed targets');
  /** Full draws size the canvas to its box; slider steps reuse that size (no forced layout). */
  const resize = () => {
    const box = canvas.parentElement!.getBoundingClientRect();
    const ratio = pixelRatio();
    canvas.width = Math.max(200, box.width) * ratio;
    canvas.height = Math.max(160, box.height) * ratio;
  };
  const paint = (view: View) => {
    const { at0, at1 } = view.result.heat;
    const values = lerpArray(at0.values, at1.values, view.state.epsilon);
    const ratio = pixelRatio();
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const [w, h] = [
      canvas.width / ratio - MARGIN.left - MARGIN.right,
      canvas.height / ratio - MARGIN.top - MARGIN.bottom,
    ];
    ctx.fillStyle = view.theme.background;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = view.theme.foreground;
    ctx.font = '12px sans-serif';
    ctx.textAlign = 'left';
    ctx.fillText(`Smoothed targets at ε = ${view.state.epsilon}`, MARGIN.left, 16);
    if (values.length === 0) {
      summary.textContent = `${view.result.rows}×${view.result.cols} targets: an empty batch, nothing to show.`;
      return;
    }
    drawCells(ctx, at0, values, view.theme, w, h);
    drawAxes(ctx, at0, view.theme, w, h);
    summary.textContent = heatSummary(
      at0,
      view.result,
      values,
      view.result.heat.extremes,
      view.state.epsilon,
    );
  };
  const draw = (view: View) => {
    resize();
    paint(view);
  };
  return { id: 'plot-heatmap', needs: ['heat'], figure: fig, canvas, draw, moveEpsilon: paint };
}
