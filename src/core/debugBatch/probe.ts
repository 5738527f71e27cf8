/**
 * What the paused program says a value is (kind, shape, dtype, device), and whether and how much of it the
 * playground can take: refusals carry the reason, limits become the rows to offer, never a silent cut.
 */
import { MAX_TEXT_LENGTH } from '../playground/state';

export type ValueKind = 'tensor' | 'ndarray' | 'list';
/** Where a value goes in the playground. */
export type Role = 'logits' | 'targets' | 'weight';
export const ROLES: readonly Role[] = ['logits', 'targets', 'weight'];

export interface Probe {
  kind: ValueKind;
  /** For a list only its length is known before its values arrive. */
  shape: number[];
  dtype: string | null;
  device: string | null;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Longest text one value serialises to: a float64 repr (≤ 24 characters) and a comma, plus a row's brackets. */
const MAX_CHARS_PER_VALUE = 27;
/** The most numbers sent in one go: what the playground's text fields hold (`MAX_TEXT_LENGTH`). */
export const MAX_SENT_ELEMENTS = Math.floor(MAX_TEXT_LENGTH / MAX_CHARS_PER_VALUE);

const isDims = (v: unknown): v is number[] =>
  Array.isArray(v) && v.every((d) => Number.isInteger(d) && d >= 0);
const stringOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** Reads the probe expression's JSON; `name` is the expression as the user wrote it, for messages. */
export function readProbe(name: string, json: unknown): Outcome<Probe> {
  const o = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  if (o.kind === 'other')
    return refuse(`\`${name}\` is a ${String(o.type)}, not a tensor, NumPy array or list of numbers.`);
  if ((o.kind !== 'tensor' && o.kind !== 'ndarray' && o.kind !== 'list') || !isDims(o.shape))
    return refuse(`the debugger's answer about \`${name}\` is not what Loss Lens asked for.`);
  if (o.kind === 'tensor' && typeof o.layout === 'string' && o.layout !== 'torch.strided')
    return refuse(`\`${name}\` is a ${o.layout} tensor; send \`${name}.to_dense()\`.`);
  return {
    ok: true,
    value: { kind: o.kind, shape: o.shape, dtype: stringOrNull(o.dtype), device: stringOrNull(o.device) },
  };
}

function refuse<T>(reason: string): Outcome<T> {
  return { ok: false, reason };
}

type DtypeClass = 'float' | 'half' | 'integer' | 'bool' | 'unsupported';

/** torch (`torch.float16`) and NumPy (`float16`, `<U5`, `object`) dtype names by what the playground can do. */
export function dtypeClass(dtype: string): DtypeClass {
  const name = dtype.replace(/^torch\./, '');
  if (/^(float16|half|bfloat16)$/.test(name)) return 'half';
  if (/^(float(32|64|128)?|double|longdouble)$/.test(name)) return 'float';
  if (/^u?int(8|16|32|64)?$|^(long|short)$/.test(name)) return 'integer';
  if (name === 'bool') return 'bool';
  return 'unsupported';
}

const RANKS: Record<Role, readonly number[]> = { logits: [1, 2], targets: [1, 2], weight: [1] };
const SHAPE_HINT: Record<Role, string> = {
  logits: 'the playground takes [N, K] (or [N] for binary losses); send e.g. `x.flatten(0, -2)` or one slice',
  targets: 'the playground takes [N] class indices or [N, K] probabilities; send e.g. `y.flatten()`',
  weight: 'class weights are one number per class, shape [K]',
};

/**
 * Whether `probe` can go into the playground as `role`; the notes say what was done to it on the way
 * (copied from a GPU, widened from float16) so that the panel can show them.
 */
export function checkValue(name: string, probe: Probe, role: Role): Outcome<string[]> {
  const notes: string[] = [];
  if (probe.kind === 'tensor') {
    const device = probe.device ?? 'cpu';
    if (device === 'meta') return refuse(`\`${name}\` is on the meta device: it has no values.`);
    if (device !== 'cpu') notes.push(`\`${name}\` copied from ${device} to the CPU`);
  }
  if (probe.dtype !== null) {
    const cls = dtypeClass(probe.dtype);
    if (cls === 'unsupported')
      return refuse(`\`${name}\` has dtype ${probe.dtype}; the playground takes real numbers.`);
    if (cls === 'half')
      notes.push(
        `\`${name}\` is ${probe.dtype.replace(/^torch\./, '')}: widened exactly to float64; the program's own loss may differ by its rounding`,
      );
  }
  const rank = probe.shape.length;
  if (probe.kind !== 'list' && !RANKS[role].includes(rank))
    return refuse(
      rank === 0
        ? `\`${name}\` is a single number (0-d), not a batch.`
        : `\`${name}\` has shape [${probe.shape.join(', ')}]; ${SHAPE_HINT[role]}.`,
    );
  if (probe.shape.some((d) => d === 0))
    return refuse(`\`${name}\` is empty (shape [${probe.shape.join(', ')}]).`);
  return { ok: true, value: notes };
}

export interface Sent {
  role: Role;
  probe: Probe;
}

/** Rows of the batch (the first dimension of the logits, else of the targets) and how many fit the limit. */
export interface RowLimit {
  totalRows: number;
  maxRows: number;
}

function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/**
 * How many of the batch's rows fit in `maxElements` numbers, the weight counted whole. A list's row size is
 * unknown before its values arrive and counted as one number per row.
 */
export function rowLimit(values: readonly Sent[], maxElements = MAX_SENT_ELEMENTS): Outcome<RowLimit> {
  const batched = values.filter((v) => v.role !== 'weight');
  const fixed = numel(values.find((v) => v.role === 'weight')?.probe.shape ?? [0]);
  if (fixed > maxElements)
    return refuse(`the class weights have ${fixed} numbers, more than the playground's ${maxElements}.`);
  const totalRows = Math.max(0, ...batched.map((v) => v.probe.shape[0] ?? 1));
  const perRow = batched.reduce((sum, v) => sum + numel(v.probe.shape.slice(1)), 0);
  if (totalRows === 0 || perRow === 0) return { ok: true, value: { totalRows, maxRows: totalRows } };
  const fit = Math.floor((maxElements - fixed) / perRow);
  if (fit < 1) return refuse(`one row has ${perRow} numbers, more than the playground's ${maxElements}.`);
  return { ok: true, value: { totalRows, maxRows: Math.min(totalRows, fit) } };
}
