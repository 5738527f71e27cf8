/**
 * The held text (heldText.ts) that typing or pasting in its empty area replaced, kept so that it can come back: a
 * stray key in that empty box would otherwise lose a 22 MB paste for good. One text at most, over all fields, kept
 * with the state until it is restored or the person changes another input or control. That change is their first
 * sign of meaning the new text; a computation that succeeds is none: a stray paste of a valid tensor computes at
 * once, and the offer would go before anyone read it. Typing on in the same area keeps it (a key, then Backspace).
 */
import { isRecord, isString, objectOf, ownValue } from '../../core/playground/guards';
import { MAX_TEXT_LENGTH } from '../../core/playground/state';
import { isTextRef, type TextRef } from '../../core/playground/storedTexts';
import { HELD_TEXT_LENGTH } from './heldText';

/** `id`: the text area's. */
export interface ReplacedText {
  id: string;
  text: string;
}

export class HeldUndo {
  private readonly watchers: ((kept: ReplacedText | undefined) => void)[] = [];

  /** `kept`: the one saved with the state (savedReplaced); `save` is called whenever the kept text changes. */
  constructor(
    private kept: ReplacedText | undefined,
    private readonly save: () => void,
  ) {}

  get current(): ReplacedText | undefined {
    return this.kept;
  }

  /** Calls `show` with the kept text now and after each change (each field's notice). */
  watch(show: (kept: ReplacedText | undefined) => void): void {
    this.watchers.push(show);
    show(this.kept);
  }

  /** The person's typing or paste in area `id` replaced the text it held: keep that one (and let go of any other). */
  replaced(id: string, text: string): void {
    this.set({ id, text });
  }

  /** Area `id`'s kept text, handed back once; undefined when it has none. */
  take(id: string): string | undefined {
    const text = this.kept?.id === id ? this.kept.text : undefined;
    if (text !== undefined) this.set(undefined);
    return text;
  }

  /** An input or change event of the control `id`: one outside the area that was replaced commits the new text. */
  changedIn(id: string): void {
    if (this.kept && this.kept.id !== id) this.set(undefined);
  }

  private set(kept: ReplacedText | undefined): void {
    this.kept = kept;
    for (const show of this.watchers) show(kept);
    this.save();
  }
}

/** Where the webview state (getState) keeps it, beside the playground's fields; restorable() reads past it. */
const KEY = 'replacedHeldText';

/** How the kept text is saved: itself, or the reference of the host's copy (storedTexts.ts). */
export type SavedReplaced = ReplacedText | { id: string; stored: TextRef };

/** The webview state to save: `state`, and the kept text when there is one. */
export function withReplaced<S extends object>(state: S, kept: SavedReplaced | undefined): S {
  return kept ? { ...state, [KEY]: kept } : state;
}

/** The reference of a saved webview state's kept text, when the host stored it. */
export function replacedRef(saved: unknown): TextRef | undefined {
  const kept = isRecord(saved) ? ownValue(saved, KEY) : undefined;
  const stored = isRecord(kept) ? ownValue(kept, 'stored') : undefined;
  return isTextRef(stored) ? stored : undefined;
}

/**
 * The kept text of a saved webview state, when it is one that `ids` (the text areas) could have held: saved as
 * itself, or stored by the host and read back into `texts` (by hash).
 */
export function savedReplaced(
  saved: unknown,
  ids: readonly string[],
  texts: ReadonlyMap<string, string> = new Map(),
): ReplacedText | undefined {
  const isKept = objectOf<ReplacedText>({
    id: (v): v is string => isString(v) && ids.includes(v),
    text: (v): v is string => isString(v) && v.length > HELD_TEXT_LENGTH && v.length <= MAX_TEXT_LENGTH,
  });
  let kept = isRecord(saved) ? ownValue(saved, KEY) : undefined;
  const ref = replacedRef(saved);
  if (ref && isRecord(kept) && Object.keys(kept).length === 2) {
    const text = texts.get(ref.hash);
    kept = { id: ownValue(kept, 'id'), text: text?.length === ref.length ? text : undefined };
  }
  return isKept(kept) ? kept : undefined;
}
