/**
 * Plot draws spread over frames, the plots on screen first: drawing a new result's charts in the task that brought
 * its part kept the UI thread busy for 100–230 ms at 4096×1000, and moving every chart at each ε step 40–80 ms.
 * A frame draws pending plots until its budget is spent (at least one); the rest go in the next frame. A plot
 * asked for again while pending keeps its place, one drawn goes to the back: under a drag, plots take turns.
 */
export interface DrawQueueOptions<T> {
  /** Draws one item, from the data of the frame it is drawn in. */
  draw: (item: T) => void;
  /** Runs a callback in the next frame (requestAnimationFrame). */
  frame: (run: () => void) => void;
  /** Milliseconds (performance.now). */
  now: () => number;
  /** A frame stops drawing once this many milliseconds are spent; 0: one item a frame. */
  budgetMs: number;
  /** Which items go before the rest (the plots on screen). */
  first?: (item: T) => boolean;
  /** Told when a frame has drawn the last pending item. */
  drained?: () => void;
}

export class DrawQueue<T> {
  /** In the order asked for; an item asked for twice is drawn once. */
  private readonly pending = new Set<T>();
  private queued = false;

  constructor(private readonly options: DrawQueueOptions<T>) {}

  get size(): number {
    return this.pending.size;
  }

  /** Draws `items` in the next frames. */
  add(items: Iterable<T>): void {
    for (const item of items) this.pending.add(item);
    if (this.pending.size > 0) this.schedule();
  }

  /** Draws pending items now, within one frame's budget; the rest in the next frames. */
  run(): void {
    const { draw, now, budgetMs, first, drained } = this.options;
    if (this.pending.size === 0) return;
    const start = now();
    do {
      const item = (first && [...this.pending].find(first)) ?? this.pending.values().next().value!;
      this.pending.delete(item);
      draw(item);
    } while (this.pending.size > 0 && now() - start < budgetMs);
    if (this.pending.size > 0) this.schedule();
    else drained?.();
  }

  private schedule(): void {
    if (this.queued) return;
    this.queued = true;
    this.options.frame(() => {
      this.queued = false;
      this.run();
    });
  }
}
