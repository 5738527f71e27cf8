/** What the playground shows about data sent from a paused debugger, and the seed that carries the data. */
import type { PlaygroundSeed } from '../playground/seed';
import type { Role } from './probe';

/** One value to ask the paused frame for, and where it goes. */
export interface SendItem {
  role: Role;
  expression: string;
}

/** Shown above the playground's inputs: where the data came from, what was done to it, whether it can refresh. */
export interface DataSource {
  /** e.g. "from `logits`, `y` at train.py:42, paused". */
  label: string;
  notes: string[];
  /** A "Refresh" button asks the host to send the same expressions again from the paused frame. */
  refreshable: boolean;
}

export interface FrameLocation {
  /** File name as the debugger reports it (its base name is shown). */
  file: string;
  line: number;
}

const MAX_LABEL_EXPRESSION = 60;

function shortExpression(expression: string): string {
  const one = expression.replace(/\s+/g, ' ').trim();
  return one.length > MAX_LABEL_EXPRESSION ? `${one.slice(0, MAX_LABEL_EXPRESSION - 1)}…` : one;
}

export function sourceLabel(items: readonly SendItem[], at: FrameLocation | null): string {
  const names = items.map((i) => `\`${shortExpression(i.expression)}\``).join(', ');
  const base = at ? at.file.split(/[\\/]/).pop() : null;
  return `from ${names}${base && at ? ` at ${base}:${at.line}` : ''}, paused`;
}

/** The note that says rows were cut; the panel always shows it when they were. */
export function rowsNote(rows: number, totalRows: number): string {
  return `first ${rows} of ${totalRows} rows`;
}

const FIELD: Record<Role, 'logitsText' | 'targetsText' | 'weightText'> = {
  logits: 'logitsText',
  targets: 'targetsText',
  weight: 'weightText',
};

/** The values by role over the loss's options; a loss call without a weight clears an older one. */
export function seedFromValues(
  values: readonly { role: Role; text: string }[],
  options?: PlaygroundSeed,
): PlaygroundSeed {
  const seed: PlaygroundSeed = options ? { ...options, weightText: '' } : {};
  for (const v of values) seed[FIELD[v.role]] = v.text;
  return seed;
}
