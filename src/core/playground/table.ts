/** The numbers the playground shows, as rows for the copyable table and the CSV export. */
import type { PlaygroundResult } from './compute';
import type { ModelPoint } from './model';

export const formatLoss = (value: number): string =>
  Number.isNaN(value) ? 'nan' : Number.isFinite(value) ? value.toFixed(4) : value > 0 ? 'inf' : '-inf';

/** Per-sample rows: index, target, predicted, probability of the target, loss at the current ε. */
export function sampleRows(
  result: Pick<PlaygroundResult, 'rows' | 'table'>,
  point: ModelPoint,
  limit = Number.POSITIVE_INFINITY,
): string[][] {
  const n = Math.min(result.rows, limit);
  const { target, predicted, probability } = result.table;
  return Array.from({ length: n }, (_, i) => [
    String(i),
    String(target[i]),
    String(predicted[i]),
    String(probability[i]),
    String(point.perSample[i]),
  ]);
}

export function sampleHeader(result: Pick<PlaygroundResult, 'family' | 'cols'>): string[] {
  return result.family === 'binary' && result.cols > 1
    ? ['row', 'mean target', 'predicted (mean p > 0.5)', 'mean probability', 'loss']
    : ['row', 'target', 'predicted', 'p(target)', 'loss'];
}

const csvCell = (cell: string): string => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

export function toCsv(header: string[], rows: string[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n')}\n`;
}

export function toTsv(header: string[], rows: string[][]): string {
  return `${[header, ...rows].map((row) => row.join('\t')).join('\n')}\n`;
}

/** What `#loss-value` shows: torch's 4 decimals, or the first values of an unreduced loss. */
export function headlineText(reduction: string, value: number, perSample: Float64Array): string {
  if (reduction !== 'none') return formatLoss(value);
  const shown = Array.from(perSample.slice(0, 8), formatLoss).join(', ');
  return `[${shown}${perSample.length > 8 ? ', …' : ''}]`;
}
