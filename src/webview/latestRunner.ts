/**
 * Runs at most one job at a time and keeps only the newest waiting one, so a slider drag never builds a backlog
 * in the worker. Merging lets a waiting job absorb a newer one (e.g. a full recompute absorbs an exact one).
 */
export class LatestRunner<P, R> {
  private running = false;
  private executing = false;
  private waiting: P | undefined;

  constructor(
    private readonly exec: (params: P) => Promise<R>,
    private readonly done: (params: P, result: R) => void,
    private readonly failed: (params: P, error: unknown) => void,
    private readonly merge: (older: P, newer: P) => P = (_, newer) => newer,
  ) {}

  run(params: P): void {
    this.waiting = this.waiting === undefined ? params : this.merge(this.waiting, params);
    if (!this.running) void this.drain();
  }

  /** A job is computing or waiting (false inside the `done` callback of the last one). */
  get busy(): boolean {
    return this.executing || this.waiting !== undefined;
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting !== undefined) {
      const params = this.waiting;
      this.waiting = undefined;
      try {
        this.executing = true;
        const result = await this.exec(params);
        this.executing = false;
        this.done(params, result);
      } catch (e) {
        this.executing = false;
        this.failed(params, e);
      }
    }
    this.running = false;
  }
}
