/**
 * Full plot draws spread over frames, one plot a frame, the plots on screen first: drawing a new result's charts
 * in the task that brought its part kept the UI thread busy for 100–230 ms at 4096×1000.
 */
export class DrawQueue<T> {
  /** In the order asked for; a plot asked for twice is drawn once. */
  private readonly pending = new Set<T>();
  private queued = false;

  /**
   * `draw` draws one item; `first` says which go before the rest (on screen); `frame` runs a callback in the next
   * frame (requestAnimationFrame); `drained` is told when the last pending item is drawn.
   */
  constructor(
    private readonly draw: (item: T) => void,
    private readonly first: (item: T) => boolean,
    private readonly frame: (run: () => void) => void,
    private readonly drained: () => void,
  ) {}

  get size(): number {
    return this.pending.size;
  }

  add(items: Iterable<T>): void {
    for (const item of items) this.pending.add(item);
    if (this.pending.size > 0 && !this.queued) {
      this.queued = true;
      this.frame(() => this.next());
    }
  }

  private next(): void {
    this.queued = false;
    const item = [...this.pending].find(this.first) ?? this.pending.values().next().value;
    if (item === undefined) return;
    this.pending.delete(item);
    this.draw(item);
    if (this.pending.size > 0) this.add([]);
    else this.drained();
  }
}
