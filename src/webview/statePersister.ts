/**
 * When the state is saved: at once after any change but an ε step, and once ε rests after those. VS Code's
 * `setState` serialises the whole state with JSON.stringify on the UI thread: with a 22 MB paste in it, that is tens
 * of milliseconds, which a slider drag would pay at every step.
 */
export class StatePersister<S> {
  private pending: (() => void) | undefined;
  private saved: S | undefined;

  /** `schedule` runs a callback after `restMs` and returns its cancel function (timers.ts). */
  constructor(
    private readonly save: (state: S) => void,
    private readonly schedule: (run: () => void, ms: number) => () => void,
    private readonly restMs: number,
  ) {}

  /** `epsilonStep`: the change only moved ε, and the state is saved once no step came for `restMs`. */
  changed(state: S, epsilonStep: boolean): void {
    this.pending?.();
    this.pending = undefined;
    if (!epsilonStep) this.saveOnce(state);
    else
      this.pending = this.schedule(() => {
        this.pending = undefined;
        this.saveOnce(state);
      }, this.restMs);
  }

  private saveOnce(state: S): void {
    if (state === this.saved) return;
    this.saved = state;
    this.save(state);
  }
}
