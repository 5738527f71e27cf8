/**
 * A saved state (the webview's setState, the host's workspaceState) leaves a long text out: the host keeps it in a
 * file named by its content hash, and the state keeps that name (`storedTexts`) with the field empty. VS Code
 * serialises the whole webview state on the UI thread at every setState, 50–170 ms with a 22 MB paste in it.
 */
import { type Guard, inRange, isInteger, isRecord, isString, objectOf, ownValue } from './guards';
import {
  INPUT_TEXT_KEYS,
  type InputTextKey,
  isPlaygroundState,
  MAX_TEXT_LENGTH,
  type PlaygroundState,
} from './state';

/** Texts longer than this are stored by the host, not saved in the state. */
export const STORED_TEXT_LENGTH = 200_000;

/** A text the host stored: its SHA-256 (hex) names the file; its length is checked when it is read back. */
export interface TextRef {
  hash: string;
  length: number;
}

export const isTextHash: Guard<string> = (v): v is string => isString(v) && /^[0-9a-f]{64}$/.test(v);

export const isTextRef = objectOf<TextRef>({
  hash: isTextHash,
  length: (v): v is number => isInteger(v) && inRange(STORED_TEXT_LENGTH + 1, MAX_TEXT_LENGTH)(v),
});

export type StoredTexts = Partial<Record<InputTextKey, TextRef>>;

const isStoredTexts: Guard<StoredTexts> = (v): v is StoredTexts =>
  isRecord(v) &&
  Object.entries(v).every(([k, ref]) => (INPUT_TEXT_KEYS as readonly string[]).includes(k) && isTextRef(ref));

/** A state as it is saved: the stored texts' fields empty, their references beside them. */
export interface SavedState extends PlaygroundState {
  storedTexts: StoredTexts;
}

/** Strict check used by the protocol. */
export const isSavedState: Guard<SavedState> = (v): v is SavedState => {
  if (!isRecord(v) || !isStoredTexts(ownValue(v, 'storedTexts'))) return false;
  const { storedTexts, ...state } = v;
  return (
    isPlaygroundState(state) &&
    Object.keys(storedTexts as StoredTexts).every((k) => state[k as InputTextKey] === '')
  );
};

/** The references of a saved state of any version or damage: each good one whose field is empty. */
export function storedTextsOf(saved: unknown): StoredTexts {
  const refs = isRecord(saved) ? ownValue(saved, 'storedTexts') : undefined;
  if (!isRecord(refs) || !isRecord(saved)) return {};
  const out: StoredTexts = {};
  for (const key of INPUT_TEXT_KEYS) {
    const ref = ownValue(refs, key);
    const field = ownValue(saved, key);
    if (isTextRef(ref) && field === '') out[key] = ref;
  }
  return out;
}

/** `state` as saved, each text `refOf` has a reference for left out. */
export function savedState(state: PlaygroundState, refOf: (text: string) => TextRef | undefined): SavedState {
  const saved: SavedState = { ...state, storedTexts: {} };
  for (const key of INPUT_TEXT_KEYS) {
    const ref = refOf(state[key]);
    if (!ref) continue;
    saved[key] = '';
    saved.storedTexts[key] = ref;
  }
  return saved;
}

/**
 * A saved state with the stored texts read back put in their fields (`texts`: by hash; one that could not be read
 * leaves its field empty). What restorable() reads, as a version 2 state held them.
 */
export function withStoredTexts(saved: unknown, texts: ReadonlyMap<string, string>): unknown {
  if (!isRecord(saved)) return saved;
  const { storedTexts: _, ...filled } = saved;
  for (const [key, ref] of Object.entries(storedTextsOf(saved))) {
    const text = texts.get(ref.hash);
    if (text !== undefined && text.length === ref.length) filled[key] = text;
  }
  return filled;
}
