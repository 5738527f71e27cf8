/**
 * Input errors shown once typing pauses, not on every keystroke: text half typed is briefly invalid, and a message
 * flashing in and out reads as noise. A good result cancels the pending message at once.
 */
export const ERROR_DELAY_MS = 800;

type Schedule = (run: () => void, ms: number) => () => void;

export class DelayedErrors<E> {
  private cancel: (() => void) | undefined;
  private shownNow = false;

  constructor(
    private readonly show: (errors: readonly E[]) => void,
    private readonly schedule: Schedule,
  ) {}

  /** Whether the errors are on screen (else the last good output stays, dimmed). */
  get shown(): boolean {
    return this.shownNow;
  }

  /** New errors: shown after the delay, unless `clear` comes first; `then` runs once they are shown. */
  fail(errors: readonly E[], then: () => void): void {
    this.cancel?.();
    this.cancel = this.schedule(() => {
      this.cancel = undefined;
      this.shownNow = true;
      this.show(errors);
      then();
    }, ERROR_DELAY_MS);
  }

  clear(): void {
    this.cancel?.();
    this.cancel = undefined;
    if (this.shownNow) this.show([]);
    this.shownNow = false;
  }
}
