/**
 * Code nested thousands of levels deep (list literals, calls, chains of constants) outruns the stack of the
 * recursive passes. Each top-level statement, definition and module constant is analysed under this guard, so
 * such a statement is skipped and the rest of the file keeps its findings.
 */

/** V8 and JavaScriptCore throw a RangeError when the stack runs out, SpiderMonkey an InternalError. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || (error instanceof Error && error.name === 'InternalError');
}

/** `compute()`, or `fallback()` when it runs out of stack; other errors propagate. */
export function unlessTooDeep<T>(compute: () => T, fallback: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (isStackOverflow(error)) return fallback();
    throw error;
  }
}
