/**
 * Runs at most one job at a time and keeps only the newest waiting one, so a slider drag never builds a backlog
 * in the worker. Merging lets a waiting job absorb a newer one (e.g. a full recompute absorbs an exact one).
 */
export class LatestRunner<P, R> {
  private running = false;
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

  get busy(): boolean {
    return this.running;
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.waiting !== undefined) {
      const params = this.waiting;
      this.waiting = undefined;
      try {
        this.done(params, await this.exec(params));
      } catch (e) {
        this.failed(params, e);
      }
    }
    this.running = false;
  }
}
