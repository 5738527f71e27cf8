/**
 * A playground result in parts, sent as each is ready: the loss value with the cheap numbers first, then each
 * plot's data. A part owns its typed arrays (no view into the computation's caches, none shared with another
 * part), so the worker can transfer them instead of copying.
 */
import type { PlaygroundResult } from './compute';
import {
  arrayOf,
  type Guard,
  isInteger,
  isRecord,
  isString,
  nullable,
  objectOf,
  oneOf,
  optional,
  ownValue,
} from './guards';
import type { FieldError } from './prepare';

/** The loss value and the cheap numbers around it: the data's size and kind, notes, prior and exact headline. */
export type LossPart = Pick<
  PlaygroundResult,
  'rows' | 'cols' | 'family' | 'targetKind' | 'lossInput' | 'notes' | 'exact' | 'prior'
>;

/** The plots' data, in the order they are usually computed. */
export const PLOT_PARTS = ['model', 'sweep', 'heat', 'row', 'table', 'calibration'] as const;
export type PlotPartName = (typeof PLOT_PARTS)[number];

export type ResultPart =
  | { name: 'loss'; value: LossPart }
  | { [K in PlotPartName]: { name: K; value: PlaygroundResult[K] } }[PlotPartName];

/** What has arrived of one result: the loss part, and the plot parts so far. */
export type PartialResult = LossPart & Partial<Pick<PlaygroundResult, PlotPartName>>;

/** How a computation's parts ended: all sent, or refused with errors on the fields. */
export type PartsOutcome = { ok: true } | { ok: false; errors: FieldError[] };

/** The whole result, once every plot part is in. */
export function completeResult(result: PartialResult): PlaygroundResult | undefined {
  return hasParts(result, PLOT_PARTS) ? ({ ok: true, ...result } as PlaygroundResult) : undefined;
}

/** Whether the result holds these parts. */
export function hasParts(result: PartialResult, names: readonly PlotPartName[]): boolean {
  return names.every((name) => Object.hasOwn(result, name));
}

/** Runs every part of a computation through `onPart`, in order; returns how it ended. */
export function forEachPart(
  parts: Generator<ResultPart, PartsOutcome>,
  onPart: (part: ResultPart) => void,
): PartsOutcome {
  for (let next = parts.next(); ; next = parts.next()) {
    if (next.done) return next.value;
    onPart(next.value);
  }
}

const isNumber = (v: unknown): v is number => typeof v === 'number';
const isFloats = (v: unknown): v is Float64Array => v instanceof Float64Array;

/** A record whose named fields pass their checks (the worker's own results: other fields are trusted). */
const shaped =
  <T>(fields: Partial<Record<keyof T, Guard<unknown>>>): Guard<T> =>
  (v): v is T =>
    isRecord(v) &&
    Object.entries<Guard<unknown> | undefined>(fields).every(([key, check]) => check?.(ownValue(v, key)));

type Result = PlaygroundResult;
const isHeatGrid = shaped<Result['heat']['at0']>({ rows: isInteger, cols: isInteger, values: isFloats });

const isLossPart = objectOf<LossPart>({
  rows: isInteger,
  cols: isInteger,
  family: oneOf(['categorical', 'binary']),
  targetKind: oneOf(['index', 'probability']),
  lossInput: oneOf(['logits', 'log_probabilities', 'probabilities']),
  notes: arrayOf(shaped<LossPart['notes'][number]>({ field: isString, message: isString })),
  exact: shaped<LossPart['exact']>({ epsilon: isNumber, value: isNumber, torch: optional(isRecord) }),
  prior: nullable(arrayOf(isNumber)),
});

/** Each part's value: the loss part in full; the plots' parts by shape, their typed arrays by type. */
const PART_VALUES: Record<ResultPart['name'], Guard<unknown>> = {
  loss: isLossPart,
  model: shaped<Result['model']>({
    epsilons: arrayOf(isNumber),
    values: arrayOf(isNumber),
    perSample: arrayOf(isFloats),
    rowGrad: arrayOf(isFloats),
  }),
  sweep: arrayOf(
    shaped<Result['sweep'][number]>({
      convention: isString,
      grid: arrayOf(isNumber),
      values: arrayOf(isNumber),
    }),
  ),
  heat: shaped<Result['heat']>({ at0: isHeatGrid, at1: isHeatGrid, extremes: Array.isArray }),
  row: shaped<Result['row']>({
    index: isInteger,
    probabilities: isFloats,
    targetAt0: isFloats,
    targetAt1: isFloats,
  }),
  table: shaped<Result['table']>({ target: isFloats, predicted: isFloats, probability: isFloats }),
  calibration: nullable(shaped<NonNullable<Result['calibration']>>({ ece: isNumber, bins: Array.isArray })),
};

const isPartName = oneOf(['loss', ...PLOT_PARTS]);

export const isResultPart = (v: unknown): v is ResultPart =>
  isRecord(v) &&
  Object.keys(v).length === 2 &&
  isPartName(ownValue(v, 'name')) &&
  PART_VALUES[v.name as ResultPart['name']](ownValue(v, 'value'));

/** The buffers of every typed array in a part, each once: what posting it can transfer instead of copy. */
export function buffersOf(part: ResultPart): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  const visit = (value: unknown): void => {
    if (ArrayBuffer.isView(value)) buffers.add(value.buffer as ArrayBuffer);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) Object.values(value).forEach(visit);
  };
  visit(part.value);
  return [...buffers];
}
