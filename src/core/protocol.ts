/**
 * Every message between the extension host, the playground webview and its worker, declared once with its
 * validator; both sides import these. Envelope `{id, method, params}`; replies `{id, result}` or `{id, error}`.
 * The host queues what it sends until `webview/ready`.
 */
import type { DataSource } from './debugBatch/source';
import {
  arrayOf,
  type Guard,
  isBoolean,
  isFiniteNumber,
  isInteger,
  isRecord,
  isString,
  maxLength,
  nullable,
  objectOf,
  oneOf,
  ownValue,
} from './playground/guards';
import { isResultPart, type PartsOutcome, type ResultPart } from './playground/parts';
import { notification, request } from './playground/rpc';
import { isPlaygroundSeed, type PlaygroundSeed } from './playground/seed';
import {
  INPUT_TEXT_KEYS,
  type InputTextKey,
  isPlaygroundState,
  MAX_TEXT_LENGTH,
  type PlaygroundState,
} from './playground/state';
import { isSavedState, isTextHash, isTextRef, type SavedState, type TextRef } from './playground/storedTexts';

export { Endpoint, type Notification, type Request } from './playground/rpc';
export type { DataSource, InputTextKey, PlaygroundSeed, PlaygroundState, ResultPart, SavedState, TextRef };
export { INPUT_TEXT_KEYS };

type Empty = Record<string, never>;
const isEmpty: Guard<Empty> = (v): v is Empty => isRecord(v) && Object.keys(v).length === 0;

/** Longest part of a text in one message (a 22 MB text cloned in one postMessage held the UI thread 40–80 ms). */
export const TEXT_PART_LENGTH = 1 << 20;

/** A text cut into parts of at most `length` characters (one empty part for the empty text), to send in order. */
export function textParts(text: string, length = TEXT_PART_LENGTH): TextPart[] {
  const parts: TextPart[] = [];
  for (let at = 0; at === 0 || at < text.length; at += length)
    parts.push({ text: text.slice(at, at + length), append: at > 0 });
  return parts;
}

/** The text received so far once `part` (of those textParts cut) arrives after `sofar`. */
export function joinPart(sofar: string, { text, append }: TextPart): string {
  return append ? sofar + text : text;
}

// ── webview → host ───────────────────────────────────────────────────────────────────────────────

export interface ReadyParams {
  /** The webview's getState() held something of the user's; the host then sends no saved state back. */
  hasState: boolean;
}
export const WebviewReady = notification<ReadyParams>(
  'webview/ready',
  objectOf<ReadyParams>({ hasState: isBoolean }),
);

/** Sent on every change (debounced) so the host keeps the last state in workspaceState (long texts stored apart). */
export const StateChanged = notification<SavedState>('playground/stateChanged', isSavedState);

export interface TextPart {
  text: string;
  /** Continues the text of the parts before; false starts it anew. */
  append: boolean;
}
const isTextPart = objectOf<TextPart>({ text: maxLength(TEXT_PART_LENGTH), append: isBoolean });

/** A part of a long text for the host to store (posted in tasks of their own, like `worker/text`), then StoreText. */
export const StoreTextPart = notification<TextPart>('playground/storeTextPart', isTextPart);

export interface StoreTextParams {
  /** The text's length: the parts sent since the last StoreText must add up to it. */
  length: number;
  /** Hashes of the stored texts the webview's state still names: the host may delete the others. */
  keep: string[];
}
export interface StoreTextResult {
  /** null: not stored (`problem` says why); the text stays in the state. */
  ref: TextRef | null;
  problem: string;
}
/** Stores the text sent in parts in a file of the host's, named by its hash. */
export const StoreText = request<StoreTextParams, StoreTextResult>(
  'playground/storeText',
  objectOf<StoreTextParams>({
    length: (v): v is number => isInteger(v) && v > 0 && v <= MAX_TEXT_LENGTH,
    keep: arrayOf(isTextHash, 16),
  }),
  objectOf<StoreTextResult>({ ref: nullable(isTextRef), problem: maxLength(2000) }),
);

export interface LoadTextResult {
  /** False: no parts were sent (`problem` says why). */
  loaded: boolean;
  problem: string;
}
/** Reads a stored text back: its parts come as `playground/storedTextPart` before this request's reply. */
export const LoadText = request<TextRef, LoadTextResult>(
  'playground/loadText',
  isTextRef,
  objectOf<LoadTextResult>({ loaded: isBoolean, problem: maxLength(2000) }),
);

export interface ProblemParams {
  message: string;
}
/** Something the webview rejected or failed at, for the host's log. */
export const WebviewProblem = notification<ProblemParams>(
  'webview/problem',
  objectOf<ProblemParams>({ message: maxLength(2000) }),
);

export const SAVE_KINDS = ['csv', 'png', 'py'] as const;
export interface SaveFileParams {
  kind: (typeof SAVE_KINDS)[number];
  suggestedName: string;
  /** Text for csv/py; a `data:image/png;base64,` URL for png. */
  content: string;
}
export interface SaveFileResult {
  saved: boolean;
}
export const SaveFile = request<SaveFileParams, SaveFileResult>(
  'playground/saveFile',
  objectOf<SaveFileParams>({
    kind: oneOf(SAVE_KINDS),
    suggestedName: (v): v is string => isString(v) && /^[\w.-]{1,80}$/.test(v),
    content: maxLength(MAX_TEXT_LENGTH),
  }),
  objectOf<SaveFileResult>({ saved: isBoolean }),
);

export interface CopyParams {
  text: string;
}
export const CopyText = request<CopyParams, SaveFileResult>(
  'playground/copy',
  objectOf<CopyParams>({ text: maxLength(MAX_TEXT_LENGTH) }),
  objectOf<SaveFileResult>({ saved: isBoolean }),
);

/** The user asks for the data shown under `playground/source` again, from the debugger's paused frame now. */
export const RefreshSource = notification<Empty>('playground/refreshSource', isEmpty);

// ── host → webview ───────────────────────────────────────────────────────────────────────────────

/** Context from a hover or command; applied over the current state. */
export const ApplySeed = notification<PlaygroundSeed>('playground/seed', isPlaygroundSeed);

/** The host's saved state, sent after `webview/ready` when the webview had none of its own. */
export const RestoreState = notification<SavedState>('playground/restore', isSavedState);

export interface StoredTextPart extends TextPart {
  hash: string;
}
/** A part of a stored text LoadText asked for. */
export const SendStoredTextPart = notification<StoredTextPart>(
  'playground/storedTextPart',
  objectOf<StoredTextPart>({ hash: isTextHash, text: maxLength(TEXT_PART_LENGTH), append: isBoolean }),
);

export interface SourceParams {
  /** null: the inputs no longer come from a debugger (or the host forgot where they came from). */
  source: DataSource | null;
}
/** Where the data came from (a paused debug session), shown above the inputs with a refresh button. */
export const ShowSource = notification<SourceParams>(
  'playground/source',
  objectOf<SourceParams>({
    source: nullable(
      objectOf<DataSource>({
        label: maxLength(500),
        notes: arrayOf(maxLength(500), 20),
        refreshable: isBoolean,
      }),
    ),
  }),
);

export interface Snapshot {
  state: PlaygroundState;
  /** What `#loss-value` shows, e.g. "1.4670". */
  lossText: string;
  /** Full precision, null while inputs have errors. */
  lossValue: number | null;
  errors: string[];
}
/** For integration tests: what the panel shows right now. */
export const GetSnapshot = request<Empty, Snapshot>(
  'playground/snapshot',
  isEmpty,
  objectOf<Snapshot>({
    state: isPlaygroundState,
    lossText: maxLength(10_000),
    lossValue: nullable(isFiniteNumber),
    errors: arrayOf(isString, 100),
  }),
);

// ── webview ⇄ worker ─────────────────────────────────────────────────────────────────────────────

export interface ComputeParams {
  state: PlaygroundState;
  /** 'full' rebuilds every plot's data; 'exact' only the torch-exact headline at the state's ε. */
  scope: 'full' | 'exact';
}

/** One computation in the worker, numbered by the webview so its parts and a cancellation can name it. */
export interface ComputeJob extends ComputeParams {
  job: number;
}

/** How a job ended: every part sent, refused (errors on the fields), or stopped for a newer input. */
export type ComputeEnd = PartsOutcome | { ok: false; cancelled: true };

const isComputeEnd = (v: unknown): v is ComputeEnd =>
  isRecord(v) &&
  (v.ok === true
    ? Object.keys(v).length === 1
    : v.ok === false &&
      Object.keys(v).length === 2 &&
      (Array.isArray(ownValue(v, 'errors')) || ownValue(v, 'cancelled') === true));

/** Computes a state in the worker; its parts come as `worker/part` before this request's reply. */
export const Compute = request<ComputeJob, ComputeEnd>(
  'worker/compute',
  objectOf<ComputeJob>({
    job: isInteger,
    state: isPlaygroundState,
    scope: oneOf(['full', 'exact'] as const),
  }),
  isComputeEnd,
);

export interface TextPartParams extends TextPart {
  key: InputTextKey;
}
/**
 * An input text for the worker, sent once per change, in parts posted in tasks of their own. A job's state carries
 * its texts empty: the worker computes on the last texts it was sent (messages arrive in the order posted).
 */
export const SendTextPart = notification<TextPartParams>(
  'worker/text',
  objectOf<TextPartParams>({
    key: oneOf(INPUT_TEXT_KEYS),
    text: maxLength(TEXT_PART_LENGTH),
    append: isBoolean,
  }),
);

export interface PartParams {
  job: number;
  part: ResultPart;
}
/** One part of a job's result, posted with its typed arrays transferred: the loss part first, then the plots'. */
export const ComputePart = notification<PartParams>(
  'worker/part',
  objectOf<PartParams>({ job: isInteger, part: isResultPart }),
);

export interface CancelParams {
  job: number;
}
/** A newer input came: the job stops after the part it is computing, and ends as cancelled. */
export const CancelCompute = notification<CancelParams>(
  'worker/cancel',
  objectOf<CancelParams>({ job: isInteger }),
);
