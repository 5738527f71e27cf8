/**
 * Class-index targets checked against the input's classes and ignore_index, each error at the offending element's
 * own line and column in the pasted text (torch would raise on the same values).
 */
import type { FieldError, Prepared } from './prepare';
import type { PlaygroundState } from './state';

/** Quoted strings blanked out (same length), so `device='cuda:0'` adds no numbers. */
const withoutStrings = (text: string): string =>
  text.replace(/(['"])(?:\\.|(?!\1).)*\1/g, (s) => ' '.repeat(s.length));

/** A number literal, not part of a name such as `int64` or `float32`. */
const NUMBER = /(?<![\w.])[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?![\w.])/g;

/** 1-based line and column of the `index`-th number in `text`, when the text holds exactly `count` numbers. */
export function elementPosition(
  text: string,
  index: number,
  count: number,
): { line: number; column: number } {
  const starts = [...withoutStrings(text).matchAll(NUMBER)].map((m) => m.index);
  const at = starts.length === count ? starts[index] : undefined;
  if (at === undefined) return { line: 1, column: 1 };
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** The first target that is not an integer, or not a class in [0, C) other than ignore_index. */
export function targetError(p: Prepared, state: PlaygroundState): FieldError | undefined {
  if (p.family !== 'categorical' || p.targetKind !== 'index' || state.synthetic) return undefined;
  const data = p.target.data;
  const bad = data.findIndex(
    (y) => !Number.isInteger(y) || (y !== state.ignoreIndex && (y < 0 || y >= p.cols)),
  );
  if (bad < 0) return undefined;
  const y = data[bad]!;
  const message = Number.isInteger(y)
    ? `target ${y} (element ${bad + 1}) is not a class in [0, ${p.cols}) nor ignore_index ${state.ignoreIndex}`
    : `target ${y} (element ${bad + 1}) is not an integer class index`;
  return { field: 'targets', ...elementPosition(state.targetsText, bad, data.length), message };
}
