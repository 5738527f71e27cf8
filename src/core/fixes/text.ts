/** Offsets ⇄ the analysis's 1-based line/column ranges, and the whole lines a statement occupies. */
import type { SourceRange } from '../analysis';

export interface Span {
  from: number;
  to: number;
}

export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  offset(line: number, column: number): number {
    return (this.starts[line - 1] ?? this.text.length) + column - 1;
  }

  span(r: SourceRange): Span {
    return { from: this.offset(r.line, r.column), to: this.offset(r.endLine, r.endColumn) };
  }

  range({ from, to }: Span): SourceRange {
    const [line, column] = this.position(from);
    const [endLine, endColumn] = this.position(to);
    return { line, column, endLine, endColumn };
  }

  /** The lines as `{from, to}` spans, each `to` past its newline. */
  lines(): Span[] {
    return this.starts.map((from, i) => ({ from, to: this.starts[i + 1] ?? this.text.length }));
  }

  private position(offset: number): [number, number] {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return [lo + 1, offset - this.starts[lo]! + 1];
  }
}

/** `name` as a whole identifier, anywhere in `text`. */
export function identifierPattern(name: string): RegExp {
  return new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\w)`, 'g');
}

/** Parentheses, brackets and braces close on the line (a statement on one line). */
export function balanced(line: string): boolean {
  let depth = 0;
  for (const c of line) {
    if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}
