/**
 * The webview's side of the host's stored texts (core/playground/storedTexts.ts): a long text goes to the host once,
 * in parts posted in tasks of their own, and the saved states name it by its hash from then on. Until it is stored
 * the webview's state holds it inline (the host's copy waits); a text the host could not store stays in the state,
 * with a note in the log.
 */
import type { PlaygroundState } from '../core/playground/state';
import {
  type SavedState,
  STORED_TEXT_LENGTH,
  savedState,
  type TextRef,
} from '../core/playground/storedTexts';
import {
  type Endpoint,
  joinPart,
  LoadText,
  SendStoredTextPart,
  type StoredTextPart,
  StoreText,
  StoreTextPart,
  type StoreTextResult,
  textParts,
} from '../core/protocol';
import { heldSize } from './ui/heldText';
import { type ReplacedText, type SavedReplaced, withReplaced } from './ui/heldUndo';

/** The host never takes more references to keep than this (StoreText's `keep`). */
const MAX_KEEP = 16;
/**
 * Stored texts no saved state names that are still remembered: a paste over a held text commits the new text
 * before the replaced one is kept (textEdits.ts), which must not be sent again.
 */
const MAX_UNNAMED = 2;
/** Texts the host failed to store that are not offered again: the last few. */
const MAX_FAILED = 4;

/** A text's saved form: its reference, itself (short, or the host failed), or not known yet (being stored). */
type Saved = TextRef | 'inline' | 'storing';

export class TextStore {
  /** Texts the host holds, oldest first: those the last saved state named, and the last few others (MAX_UNNAMED). */
  private known: { text: string; ref: TextRef }[] = [];
  /** Texts to store, the first on its way to the host. */
  private readonly queue: string[] = [];
  private readonly failed: string[] = [];
  /** Stored texts being read back, by hash: as received so far. */
  private readonly loading = new Map<string, { text: string }>();

  /** `stored`: a text reached the host (or failed to): the state waiting for it can be saved now. */
  constructor(
    private readonly host: Endpoint,
    private readonly nextTask: () => Promise<void>,
    private readonly stored: () => void,
    private readonly report: (problem: string) => void,
  ) {
    host.onNotification(SendStoredTextPart, (part) => this.partLoaded(part));
  }

  /**
   * The webview's own saved state (the held text a key replaced too) and the host's. A text on its way to the host
   * stays in them inline, so a panel closed meanwhile loses nothing; `complete` is false until every text is stored
   * (`stored` is called then, to save them again by reference).
   */
  saved(
    state: PlaygroundState,
    kept: ReplacedText | undefined,
  ): { own: object; host: SavedState; complete: boolean } {
    let storing = false;
    const named: TextRef[] = [];
    const refOf = (text: string): TextRef | undefined => {
      const saved = this.savedForm(text);
      storing ||= saved === 'storing';
      if (typeof saved === 'object') named.push(saved);
      return typeof saved === 'object' ? saved : undefined;
    };
    const host = savedState(state, refOf);
    const keptRef = kept && refOf(kept.text);
    const remembered = this.known.filter(({ ref }) => !named.includes(ref)).slice(-MAX_UNNAMED);
    this.known = this.known.filter((k) => named.includes(k.ref) || remembered.includes(k));
    const savedKept: SavedReplaced | undefined = kept && keptRef ? { id: kept.id, stored: keptRef } : kept;
    return { own: withReplaced(host, savedKept), host, complete: !storing };
  }

  /** Reads stored texts back from the host; the map has each one read whole, by hash (the rest are reported). */
  async load(refs: readonly TextRef[]): Promise<Map<string, string>> {
    const texts = new Map<string, string>();
    for (const ref of refs) {
      if (texts.has(ref.hash)) continue;
      const received = { text: '' };
      this.loading.set(ref.hash, received);
      try {
        const { loaded, problem } = await this.host.request(LoadText, ref);
        const { text } = received;
        if (loaded && text.length === ref.length) {
          texts.set(ref.hash, text);
          this.known.push({ text, ref });
        } else
          this.report(`a pasted ${heldSize(ref)} text could not be restored: ${problem || 'parts missing'}`);
      } catch (e) {
        this.report(`a pasted ${heldSize(ref)} text could not be restored: ${String(e)}`);
      } finally {
        this.loading.delete(ref.hash);
      }
    }
    return texts;
  }

  private partLoaded({ hash, ...part }: StoredTextPart): void {
    const received = this.loading.get(hash);
    if (received) received.text = joinPart(received.text, part);
  }

  private savedForm(text: string): Saved {
    if (text.length <= STORED_TEXT_LENGTH || this.failed.includes(text)) return 'inline';
    const known = this.known.find((k) => k.text === text);
    if (known) return known.ref;
    if (!this.queue.includes(text) && this.queue.push(text) === 1) void this.storeQueued();
    return 'storing';
  }

  private async storeQueued(): Promise<void> {
    while (this.queue.length > 0) {
      const text = this.queue[0]!;
      const { ref, problem } = await this.store(text);
      this.queue.shift();
      if (ref?.length === text.length) this.known.push({ text, ref });
      else {
        this.failed.splice(0, this.failed.length - MAX_FAILED + 1);
        this.failed.push(text);
        this.report(
          `the pasted ${heldSize(text)} text stays in the panel's state: ${problem || 'not stored'}`,
        );
      }
      this.stored();
    }
  }

  private async store(text: string): Promise<StoreTextResult> {
    try {
      for (const part of textParts(text)) {
        if (part.append) await this.nextTask();
        this.host.notify(StoreTextPart, part);
      }
      const keep = this.known.map((k) => k.ref.hash).slice(-MAX_KEEP);
      return await this.host.request(StoreText, { length: text.length, keep });
    } catch (e) {
      return { ref: null, problem: String(e) };
    }
  }
}
