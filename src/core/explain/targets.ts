import type { Convention } from '../analysis/findings';
import {
  CONVENTIONS,
  isSmoothingConvention,
  type SmoothingConvention,
  smoothTargets,
  targetValues,
} from '../smoothing';
import { tensor } from '../tensor';
import { formatNumber, table } from './markdown';

/** K used for the tables when the code does not say. */
export const DEFAULT_TABLE_CLASSES = 5;
/** Above this many classes a per-class row is unreadable: the table collapses the middle. */
const MAX_TABLE_COLUMNS = 8;

/** One row of smoothed class probabilities for target class 0; the padding class (K−2 convention) is the last. */
export function categoricalRow(convention: Convention, classes: number, epsilon: number): number[] | null {
  if (convention === 'k_minus_2_padding') {
    // K−2 with a padding class = K−1 over the K−1 non-padding classes, padding zeroed.
    const { on, off } = targetValues('k_minus_1', classes - 1, epsilon);
    return [on, ...Array<number>(classes - 2).fill(off), 0];
  }
  if (convention !== 'uniform' && convention !== 'k_minus_1') return null;
  const { on, off } = targetValues(convention, classes, epsilon);
  return [on, ...Array<number>(classes - 1).fill(off)];
}

/** Smoothed value of a binary target t in a batch `batch` (max+1 depends on the whole batch). */
export function binaryTarget(
  convention: SmoothingConvention,
  epsilon: number,
  t: number,
  batch: number[],
): number {
  return smoothTargets(tensor([batch.length + 1], [t, ...batch]), 2, epsilon, convention).data[0]!;
}

function categoricalTable(row: number[], padding: boolean): string {
  const columns = row.length <= MAX_TABLE_COLUMNS ? row.map((_, i) => i) : [0, 1, 2, row.length - 1];
  const header = columns.map((c, i) => {
    const name =
      c === 0 ? 'class 0 = y (target)' : padding && c === row.length - 1 ? 'padding' : `class ${c}`;
    return i > 0 && c !== columns[i - 1]! + 1 ? `… ${name}` : name;
  });
  return table(header, [columns.map((c) => formatNumber(row[c]!))]);
}

function binaryTable(convention: SmoothingConvention, epsilon: number): string {
  const rows =
    convention === 'batch_max_plus_1'
      ? [
          [
            'batch holds a 1',
            formatNumber(binaryTarget(convention, epsilon, 1, [])),
            formatNumber(binaryTarget(convention, epsilon, 0, [1])),
          ],
          ['all-zero batch', '—', formatNumber(binaryTarget(convention, epsilon, 0, []))],
        ]
      : [
          [
            'any batch',
            formatNumber(binaryTarget(convention, epsilon, 1, [])),
            formatNumber(binaryTarget(convention, epsilon, 0, [])),
          ],
        ];
  return table(['batch', 't = 1', 't = 0'], rows);
}

/** The smoothed target as a Markdown table, or null for conventions without smoothing. */
export function smoothedTargetTable(convention: Convention, classes: number, epsilon: number): string | null {
  if (isSmoothingConvention(convention) && CONVENTIONS[convention].family === 'binary') {
    return binaryTable(convention, epsilon);
  }
  const row = categoricalRow(convention, classes, epsilon);
  return row && categoricalTable(row, convention === 'k_minus_2_padding');
}
