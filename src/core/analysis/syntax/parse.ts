import type { ChangedRange, Tree } from '@lezer/common';
import type { SourceRange } from '../results';
import type { Chunk } from './chunks';
import { parseFresh, parseFreshSteps, reparseChunks, reparseChunksSteps } from './reparse';

/** A parsed Python text; pass it back with the edits that followed to reparse incrementally. */
export interface PythonParse {
  text: string;
  tree: Tree;
  /** The tree cut at top-level statements, so that an edit reparses only the statements it touches. */
  chunks: readonly Chunk[];
}

/**
 * Parses `text`. With `previous` and the `edits` that led from its text to `text` (each in the text as the
 * edits before it left it), reparses only the top-level statements they touch; the tree is always the one a
 * fresh parse gives. Each top-level statement is parsed on its own, so a syntax error stays in its statement.
 */
export function parsePython(
  text: string,
  previous?: PythonParse,
  edits?: readonly ChangedRange[],
): PythonParse {
  return { text, ...(previous && edits ? reparseChunks(previous, text, edits) : parseFresh(text)) };
}

/** `parsePython` in steps (the parser's), so that a caller can spread the parse of a big file over time. */
export function* parsePythonSteps(
  text: string,
  previous?: PythonParse,
  edits?: readonly ChangedRange[],
): Generator<void, PythonParse> {
  const tree =
    previous && edits ? yield* reparseChunksSteps(previous, text, edits) : yield* parseFreshSteps(text);
  return { text, ...tree };
}

/** Maps string offsets to 1-based line/column (UTF-16 columns, as editors count). */
export class LineIndex {
  private readonly starts: number[] = [0];

  /**
   * Lines end at '\r\n', '\n' or a lone '\r', as Python and editors read them. Found by `indexOf`, one search per
   * kind: a regular expression or a scan by character is several times slower, and every parse of a file builds this.
   */
  constructor(text: string) {
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf >= 0 || cr >= 0) {
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        if (text.charCodeAt(cr + 1) !== 10) this.starts.push(cr + 1);
        cr = text.indexOf('\r', cr + 1);
      } else {
        this.starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
    }
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.starts[lo] + 1 };
  }

  range(from: number, to: number): SourceRange {
    const start = this.position(from);
    const end = this.position(to);
    return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
  }
}
