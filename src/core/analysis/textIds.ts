const MAX_TEXTS = 80000;
/**
 * Texts as small numbers, for cache keys: equal ids mean equal texts. Ids are never reused (the counter survives
 * clearing the table), so a text seen again after a clear only gets a fresh id — a cache miss, never a false hit.
 */
const idsByText = new Map<string, number>();
let nextId = 0;

export function textId(text: string): number {
  let id = idsByText.get(text);
  if (id === undefined) {
    if (idsByText.size >= MAX_TEXTS) idsByText.clear();
    id = nextId++;
    idsByText.set(text, id);
  }
  return id;
}
