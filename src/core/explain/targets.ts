import type { Convention } from '../analysis/results';
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

/**
 * The smoothed target of class 0 as its distinct values, not one number per class (K from the code may be 10^9):
 * `on` for the target, 0 for the padding class (K−2 convention, the last), `off` for every other class.
 */
export interface CategoricalTargets {
  readonly classes: number;
  readonly on: number;
  readonly off: number;
  readonly padding: boolean;
}

export function categoricalTargets(
  convention: Convention,
  classes: number,
  epsilon: number,
): CategoricalTargets | null {
  if (convention === 'k_minus_2_padding') {
    // K−2 with a padding class = K−1 over the K−1 non-padding classes, padding zeroed.
    return { classes, ...targetValues('k_minus_1', classes - 1, epsilon), padding: true };
  }
  if (convention !== 'uniform' && convention !== 'k_minus_1') return null;
  return { classes, ...targetValues(convention, classes, epsilon), padding: false };
}

function targetAt(t: CategoricalTargets, c: number): number {
  if (c === 0) return t.on;
  return t.padding && c === t.classes - 1 ? 0 : t.off;
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

function categoricalTable(t: CategoricalTargets): string {
  const all = t.classes <= MAX_TABLE_COLUMNS;
  const columns = all ? Array.from({ length: t.classes }, (_, i) => i) : [0, 1, 2, t.classes - 1];
  const header = columns.map((c, i) => {
    const name =
      c === 0 ? 'class 0 = y (target)' : t.padding && c === t.classes - 1 ? 'padding' : `class ${c}`;
    return i > 0 && c !== columns[i - 1]! + 1 ? `… ${name}` : name;
  });
  return table(header, [columns.map((c) => formatNumber(targetAt(t, c)))]);
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
  const targets = categoricalTargets(convention, classes, epsilon);
  return targets && categoricalTable(targets);
}
