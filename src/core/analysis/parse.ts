import { type ChangedRange, type Tree, TreeFragment } from '@lezer/common';
import { parser } from '@lezer/python';
import type { SourceRange } from './findings';

/** A parsed Python text; pass it back with the edit's changed ranges to reparse incrementally. */
export interface PythonParse {
  text: string;
  tree: Tree;
  fragments: readonly TreeFragment[];
}

export function parsePython(
  text: string,
  previous?: PythonParse,
  changes?: readonly ChangedRange[],
): PythonParse {
  const reused = previous && changes ? TreeFragment.applyChanges(previous.fragments, changes) : undefined;
  const tree = parser.parse(text, reused);
  return { text, tree, fragments: TreeFragment.addTree(tree, reused) };
}

/** Maps string offsets to 1-based line/column (UTF-16 columns, as editors count). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
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
