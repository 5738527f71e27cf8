import type { Scanner } from './lexer';
import { COMMA, CR, HASH, LF, TAB } from './lexer';

export type TableFormat = 'csv' | 'tsv' | 'whitespace';

export interface TableResult {
  shape: number[];
  format: TableFormat;
  columns?: string[];
}

const WHITESPACE = -1;
const UNKNOWN = -1;
const DELIMITERS: Record<TableFormat, number> = { csv: COMMA, tsv: TAB, whitespace: WHITESPACE };

/**
 * Reads one row per line. The delimiter is a tab or a comma if the first line holds one, else whitespace.
 * Blank lines and '#' comment lines are skipped. The first line is a header when its first cell is not a
 * number; its names are returned, not parsed. One line gives a 1-D tensor (a single value, a scalar).
 */
export function readTable(sc: Scanner): TableResult {
  skipBlankLines(sc);
  if (sc.atEnd()) sc.fail('no values, only comments');
  return new TableReader(sc, formatOfLine(sc)).read();
}

class TableReader {
  private readonly delimiter: number;
  private columns = UNKNOWN;
  private rows = 0;

  constructor(
    private readonly sc: Scanner,
    private readonly format: TableFormat,
  ) {
    this.delimiter = DELIMITERS[format];
  }

  read(): TableResult {
    const sc = this.sc;
    const headerAt = sc.pos;
    const columns = sc.numberAhead() ? undefined : this.readHeader();
    for (skipBlankLines(sc); !sc.atEnd(); skipBlankLines(sc)) this.readRow();
    if (this.rows === 0) sc.failBadToken(headerAt);
    const shape = this.rows > 1 ? [this.rows, this.columns] : this.columns > 1 ? [this.columns] : [];
    return columns ? { shape, format: this.format, columns } : { shape, format: this.format };
  }

  private readHeader(): string[] {
    const sc = this.sc;
    const start = sc.pos;
    while (!atLineEnd(sc)) sc.pos++;
    const line = sc.text.slice(start, sc.pos).trim();
    const cells =
      this.delimiter === WHITESPACE ? line.split(/[ \t]+/) : line.split(String.fromCharCode(this.delimiter));
    this.columns = cells.length;
    return cells.map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
  }

  private readRow(): void {
    const sc = this.sc;
    let count = 0;
    let surplusAt = -1;
    for (;;) {
      sc.skipInlineSpace(this.delimiter !== TAB);
      if (this.delimiter === WHITESPACE && atLineEnd(sc)) break;
      if (count === this.columns) surplusAt = sc.pos;
      if (sc.peek() === this.delimiter || atLineEnd(sc)) sc.fail('missing value');
      sc.readValue();
      count++;
      if (this.delimiter !== WHITESPACE && !this.skipDelimiter()) break;
    }
    if (this.columns === UNKNOWN) this.columns = count;
    else if (count !== this.columns) {
      sc.fail(
        `row ${this.rows + 1} has ${count} values, expected ${this.columns}`,
        count > this.columns ? surplusAt : sc.pos,
      );
    }
    this.rows++;
  }

  /** After a cell: true past a delimiter, false at the end of the line. */
  private skipDelimiter(): boolean {
    const sc = this.sc;
    sc.skipInlineSpace(this.delimiter !== TAB);
    if (atLineEnd(sc)) return false;
    if (sc.peek() !== this.delimiter)
      sc.fail(`expected '${this.delimiter === TAB ? '\\t' : ','}' between values`);
    sc.pos++;
    return true;
  }
}

function formatOfLine(sc: Scanner): TableFormat {
  let format: TableFormat = 'whitespace';
  for (let i = sc.pos; i < sc.text.length; i++) {
    const c = sc.text.charCodeAt(i);
    if (c === LF || c === CR || c === TAB) return c === TAB ? 'tsv' : format;
    if (c === COMMA) format = 'csv';
  }
  return format;
}

function atLineEnd(sc: Scanner): boolean {
  const c = sc.peek();
  return c === LF || c === CR || sc.atEnd();
}

/** Moves past blank and '#' lines to the first character of the next line with content (or the end). */
function skipBlankLines(sc: Scanner): void {
  for (;;) {
    sc.skipInlineSpace(true);
    if (sc.peek() === HASH) while (!atLineEnd(sc)) sc.pos++;
    if (sc.atEnd() || !atLineEnd(sc)) return;
    if (sc.peek() === CR) sc.pos++;
    if (sc.peek() === LF) sc.pos++;
  }
}
