/**
 * Texts as small numbers, for cache keys: equal ids mean equal texts. Ids are never reused (the counter survives
 * clearing the table), so a text seen again after a clear only gets a fresh id — a cache miss, never a false hit.
 * Each `AnalysisSession` has its own: ids are only compared within the session's caches.
 */
export class TextIds {
  private readonly idsByText = new Map<string, number>();
  private nextId = 0;

  constructor(private readonly max: number) {}

  id(text: string): number {
    let id = this.idsByText.get(text);
    if (id === undefined) {
      if (this.idsByText.size >= this.max) this.idsByText.clear();
      id = this.nextId++;
      this.idsByText.set(text, id);
    }
    return id;
  }

  clear(): void {
    this.idsByText.clear();
  }
}

/** A memo that forgets everything when full (entries are cheap to recompute; a lookup's cost stays flat). */
export class Memo<K, V> {
  private readonly entries = new Map<K, V>();
  /** Lookups answered from the memo, and computed, since it was made. */
  hits = 0;
  misses = 0;

  constructor(private readonly max: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K, compute: () => V): V {
    let value = this.lookup(key);
    if (value === undefined) {
      value = compute();
      this.store(key, value);
    }
    return value;
  }

  /** The value for `key`, counted as a hit or a miss. */
  lookup(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) this.misses++;
    else this.hits++;
    return value;
  }

  store(key: K, value: V): void {
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, value);
  }

  clear(): void {
    this.entries.clear();
  }
}
