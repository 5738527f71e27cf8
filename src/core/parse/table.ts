import { count } from '../count';
import type { Scanner } from './lexer';
import { COMMA, CR, HASH, LF, TAB } from './lexer';

export type TableFormat = 'csv' | 'tsv' | 'whitespace';

export interface TableResult {
  shape: number[];
  format: TableFormat;
  columns?: string[];
  indexColumn?: true;
}

/** A header cell: a name that starts with a letter or '_' (no number, no number word, no typo of one). */
const NAME = /^[\p{L}_][^"']*$/u;
const NUMBER_WORDS = /^[+-]?(nan|inf|infinity|true|false)$/i;

const isName = (cell: string): boolean => NAME.test(cell) && !NUMBER_WORDS.test(cell);

const WHITESPACE = -1;
const UNKNOWN = -1;
const DELIMITERS: Record<TableFormat, number> = { csv: COMMA, tsv: TAB, whitespace: WHITESPACE };

/**
 * Reads one row per line. The delimiter is a tab or a comma if the first line holds one, else whitespace.
 * Blank lines and '#' comment lines are skipped. The first line is a header only when every cell is clearly a
 * name (`isName`); any other first line is data, so a typo there is refused where it is, not dropped. A header
 * whose first cell is empty (pandas `to_csv()` with its index) marks the first column as row labels, left out.
 * One line gives a 1-D tensor (a single value, a scalar).
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
  private indexColumn = false;

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
    const result: TableResult = { shape, format: this.format };
    if (columns) result.columns = columns;
    if (this.indexColumn) result.indexColumn = true;
    return result;
  }

  /** Moves past the first line and returns its names when it is a header; else leaves it to be read as data. */
  private readHeader(): string[] | undefined {
    const sc = this.sc;
    let start = sc.pos;
    while (start > 0 && !isLineBreak(sc.text.charCodeAt(start - 1))) start--;
    let end = sc.pos;
    while (end < sc.text.length && !isLineBreak(sc.text.charCodeAt(end))) end++;
    // A TSV line's leading tab is an empty first cell (pandas' unnamed index), not indentation.
    const raw = sc.text.slice(this.delimiter === TAB ? start : sc.pos, end);
    const line = this.delimiter === TAB ? raw.replace(/^ +| +$/g, '') : raw.trim();
    const cells = (
      this.delimiter === WHITESPACE ? line.split(/[ \t]+/) : line.split(String.fromCharCode(this.delimiter))
    ).map((cell) => cell.trim().replace(/^"(.*)"$/, '$1'));
    const indexColumn = cells.length > 1 && cells[0] === '';
    const names = indexColumn ? cells.slice(1) : cells;
    if (!names.every(isName)) return undefined;
    sc.pos = end;
    this.indexColumn = indexColumn;
    this.columns = names.length;
    return names;
  }

  /** The row label pandas writes before the values: any text up to the delimiter. */
  private skipIndexCell(): void {
    const sc = this.sc;
    while (!atLineEnd(sc) && sc.peek() !== this.delimiter) sc.pos++;
    if (atLineEnd(sc)) sc.fail('missing value');
    sc.pos++;
  }

  private readRow(): void {
    const sc = this.sc;
    let cells = 0;
    let surplusAt = -1;
    if (this.indexColumn) this.skipIndexCell();
    for (;;) {
      sc.skipInlineSpace(this.delimiter !== TAB);
      if (this.delimiter === WHITESPACE && atLineEnd(sc)) break;
      if (cells === this.columns) surplusAt = sc.pos;
      if (sc.peek() === this.delimiter || atLineEnd(sc)) sc.fail('missing value');
      sc.readValue();
      cells++;
      if (this.delimiter !== WHITESPACE && !this.skipDelimiter()) break;
    }
    if (this.columns === UNKNOWN) this.columns = cells;
    else if (cells !== this.columns) {
      sc.fail(
        `row ${this.rows + 1} has ${count(cells, 'value')}, expected ${this.columns}`,
        cells > this.columns ? surplusAt : sc.pos,
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

const isLineBreak = (c: number): boolean => c === LF || c === CR;

function atLineEnd(sc: Scanner): boolean {
  return isLineBreak(sc.peek()) || sc.atEnd();
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
