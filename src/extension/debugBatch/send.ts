/**
 * Asks the paused frame for each value's kind and shape, refuses what the playground cannot take (saying why),
 * cuts rows only with the user's consent, then fetches the values and builds the seed and the source label.
 */
import {
  checkValue,
  type DataSource,
  decodeJsonResult,
  type LiveOption,
  OPTION_KEYWORDS,
  type Outcome,
  optionExpression,
  type Probe,
  probeExpression,
  type Role,
  readOption,
  readProbe,
  readValues,
  rowLimit,
  rowsNote,
  type SendItem,
  seedFromValues,
  sourceLabel,
  valuesExpression,
} from '../../core/debugBatch';
import type { PlaygroundSeed } from '../../core/protocol';
import { evaluate, type PausedFrame } from './dap';

/** What to send; kept after a send so that the panel's refresh asks for the same again. */
export interface SendRequest {
  items: readonly SendItem[];
  /** The loss's options from the analysis (loss call only). */
  options?: PlaygroundSeed;
  /** Options the code sets to what the analysis could not evaluate: where the paused program holds them. */
  liveOptions?: Partial<Record<LiveOption, string>>;
  /** Values that may be absent (a module's `weight` attribute): a refusal becomes a note. */
  optional?: readonly Role[];
  /** Rows to send, when the user (or a caller) chose them. */
  rows?: number;
}

export interface Sent {
  seed: PlaygroundSeed;
  source: DataSource;
  /** The request with the rows actually sent, for a refresh. */
  request: SendRequest;
}

export interface SendUi {
  /** How many of `total` rows to send (at most `max`); undefined cancels. */
  chooseRows(total: number, max: number, what: string): Promise<number | undefined>;
}

type Step<T> = Outcome<T> | { ok: false; cancelled: true };

async function probeOf(frame: PausedFrame, item: SendItem): Promise<Outcome<Probe>> {
  const answer = await evaluateOrReason(frame, probeExpression(item.expression));
  if (!answer.ok) return { ok: false, reason: `\`${item.expression}\`: ${answer.reason}` };
  const json = decodeJsonResult(answer.value);
  return json.ok ? readProbe(item.expression, json.value) : json;
}

async function evaluateOrReason(frame: PausedFrame, expression: string): Promise<Outcome<string>> {
  try {
    return { ok: true, value: await evaluate(frame, expression) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `the debugger could not evaluate it: ${lastLine(message)}` };
  }
}

/** A Python traceback's last line says what went wrong. */
function lastLine(message: string): string {
  return message.trim().split('\n').pop()?.trim() || message;
}

interface Checked {
  item: SendItem;
  probe: Probe;
}

async function checkAll(
  frame: PausedFrame,
  request: SendRequest,
  notes: string[],
): Promise<Outcome<Checked[]>> {
  const checked: Checked[] = [];
  for (const item of request.items) {
    const probe = await probeOf(frame, item);
    const check = probe.ok ? checkValue(item.expression, probe.value, item.role) : probe;
    if (probe.ok && check.ok) {
      checked.push({ item, probe: probe.value });
      notes.push(...check.value);
    } else if (request.optional?.includes(item.role)) notes.push(`no ${item.role} sent: ${reasonOf(check)}`);
    else return { ok: false, reason: reasonOf(check) };
  }
  return { ok: true, value: checked };
}

function reasonOf(outcome: Outcome<unknown>): string {
  return outcome.ok ? '' : outcome.reason;
}

async function rowsToSend(
  checked: readonly Checked[],
  request: SendRequest,
  ui: SendUi,
): Promise<Step<number | null>> {
  const limit = rowLimit(checked.map((c) => ({ role: c.item.role, probe: c.probe })));
  if (!limit.ok) return limit;
  const { totalRows, maxRows } = limit.value;
  const wanted =
    request.rows ?? (maxRows < totalRows ? await ui.chooseRows(totalRows, maxRows, names(checked)) : null);
  if (wanted === undefined) return { ok: false, cancelled: true };
  return { ok: true, value: wanted === null || wanted >= totalRows ? null : Math.min(wanted, maxRows) };
}

/** The options read from the program over those from the code; each one read, or not, is noted. */
async function readLiveOptions(
  frame: PausedFrame,
  request: SendRequest,
  notes: string[],
): Promise<PlaygroundSeed | undefined> {
  if (!request.options) return undefined;
  let seed = request.options;
  for (const [option, expression] of Object.entries(request.liveOptions ?? {}) as [LiveOption, string][]) {
    const answer = await evaluateOrReason(frame, optionExpression(expression));
    const json = answer.ok ? decodeJsonResult(answer.value) : answer;
    const value = json.ok ? readOption(option, json.value) : json;
    const keyword = OPTION_KEYWORDS[option];
    if (value.ok) {
      seed = { ...seed, ...value.value };
      notes.push(
        `${keyword} = ${JSON.stringify(Object.values(value.value)[0])}, read from \`${expression}\``,
      );
    } else
      notes.push(
        `${keyword} not known from the code, and \`${expression}\`: ${value.reason}; the panel keeps its own`,
      );
  }
  return seed;
}

function names(checked: readonly Checked[]): string {
  return checked.map((c) => `\`${c.item.expression}\``).join(', ');
}

/** Sends `request` from the paused `frame`; a refusal's reason, or nothing when the user cancelled. */
export async function sendFromFrame(
  frame: PausedFrame,
  request: SendRequest,
  ui: SendUi,
): Promise<Step<Sent>> {
  const notes: string[] = [];
  const checked = await checkAll(frame, request, notes);
  if (!checked.ok) return checked;
  const rows = await rowsToSend(checked.value, request, ui);
  if (!rows.ok) return rows;
  const values: { role: Role; text: string }[] = [];
  const cutNotes: string[] = [];
  for (const { item, probe } of checked.value) {
    const cut = item.role === 'weight' ? null : rows.value;
    const answer = await evaluateOrReason(frame, valuesExpression(item.expression, probe.kind, cut));
    if (!answer.ok) return { ok: false, reason: `\`${item.expression}\`: ${answer.reason}` };
    const text = readValues(item.expression, answer.value, probe, cut);
    if (!text.ok) return text;
    values.push({ role: item.role, text: text.value });
    if (cut !== null) cutNotes.push(`\`${item.expression}\`: ${rowsNote(cut, probe.shape[0] ?? cut)}`);
  }
  notes.unshift(...cutNotes);
  const items = checked.value.map((c) => c.item);
  return {
    ok: true,
    value: {
      seed: seedFromValues(values, await readLiveOptions(frame, request, notes)),
      source: { label: sourceLabel(items, frame.location), notes, refreshable: true },
      request: { ...request, rows: rows.value ?? undefined },
    },
  };
}
