/**
 * How the analysis shares the extension host's thread: work comes as steps (lezer's parse steps, one definition or
 * top-level statement of the analysis) and runs in slices of `SLICE_MS`, handing the thread back in between; a
 * document above `MAX_ANALYSED_LINES` is not analysed at all, as one step of it (building the module's context,
 * an incremental reparse) could already hold the host too long.
 */

/**
 * Run time of a slice, after which the runner hands the thread back (a step already started finishes first):
 * well under the 50 ms the host may be held, leaving room for a step and a garbage collection.
 */
export const SLICE_MS = 10;
/** Longer documents are not analysed: the editor says so in the status bar and the log. */
export const MAX_ANALYSED_LINES = 10_000;

export function tooLargeToAnalyse(lineCount: number): boolean {
  return lineCount > MAX_ANALYSED_LINES;
}

/** What the status bar and the log say about a document too long to analyse. */
export function tooLargeMessage(lineCount: number): string {
  const count = (n: number) => n.toLocaleString('en-US');
  return `Loss Lens does not analyse this file: it has ${count(lineCount)} lines, more than the ${count(MAX_ANALYSED_LINES)} it analyses without holding up the editor (no hovers, diagnostics or quick fixes here).`;
}

/** The runner's view of time: the clock, and how to hand the thread back (tests inject both). */
export interface Scheduler {
  now(): number;
  pause(): Promise<void>;
}

export const hostScheduler: Scheduler = {
  now: () => performance.now(),
  pause: () => new Promise((resume) => setTimeout(resume, 0)),
};

/**
 * Runs `steps` to its result, pausing whenever a slice has run `SLICE_MS`. Resolves to null, without finishing,
 * once `stale()` says the result is no longer wanted (checked before each slice, e.g. the document changed).
 */
export async function runInSlices<T>(
  steps: Generator<void, T>,
  stale: () => boolean,
  scheduler: Scheduler = hostScheduler,
): Promise<T | null> {
  for (;;) {
    if (stale()) {
      steps.return(undefined as T);
      return null;
    }
    const sliceStart = scheduler.now();
    do {
      const step = steps.next();
      if (step.done) return step.value;
    } while (scheduler.now() - sliceStart < SLICE_MS);
    await scheduler.pause();
  }
}
