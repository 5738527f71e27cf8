import { count } from '../count';
import { LBRACKET, LPAREN, type Scanner } from './lexer';
import { MAX_DEPTH } from './types';

const UNKNOWN = -1;
const COMMAS = 1;
const SPACES = 2;

export interface NestedShape {
  shape: number[];
  /** Values separated by spaces instead of commas, as numpy's `print` writes arrays. */
  spaceSeparated: boolean;
}

/**
 * Reads one bracketed nested list (`[...]` or Python tuples) at the cursor into `sc.values`, in one pass
 * without recursion, checking as it goes that every list at a depth has the same length.
 */
export function readNested(sc: Scanner): NestedShape {
  return new NestedReader(sc).read();
}

/** Depths count open lists: the outermost list is depth 1, numbers sit at depth `rank`. */
class NestedReader {
  private depth = 0;
  private rank = UNKNOWN;
  private expectElement = true;
  private separator = UNKNOWN;
  private readonly shape: number[] = [];
  private readonly counts = new Int32Array(MAX_DEPTH + 1);
  private readonly openers = new Int32Array(MAX_DEPTH + 1);
  private readonly openedAt = new Int32Array(MAX_DEPTH + 1);

  constructor(private readonly sc: Scanner) {}

  read(): NestedShape {
    const sc = this.sc;
    this.open(sc.peek());
    while (this.depth > 0) {
      const spaced = sc.skipSpace();
      const kind = sc.kind();
      if (kind === 'comma') this.comma();
      else if (kind === 'value') {
        this.separate(spaced);
        this.numbers();
      } else if (kind === 'close') this.close(sc.peek());
      else if (kind === 'open') {
        this.separate(spaced);
        this.open(sc.peek());
      } else
        sc.fail(
          `'${String.fromCharCode(this.openers[this.depth]!)}' is never closed`,
          this.openedAt[this.depth],
        );
    }
    return { shape: this.shape.slice(0, this.rank), spaceSeparated: this.separator === SPACES };
  }

  private open(c: number): void {
    const d = this.depth + 1;
    if (d > MAX_DEPTH) this.sc.fail(`nested deeper than ${MAX_DEPTH} levels`);
    if (this.rank !== UNKNOWN && d > this.rank) this.sc.fail('expected a number here, like the other rows');
    if (c === LPAREN) this.sc.loose = true;
    this.openers[d] = c;
    this.openedAt[d] = this.sc.pos;
    this.counts[d] = 0;
    this.depth = d;
    this.expectElement = true;
    this.sc.pos++;
  }

  private numbers(): void {
    if (this.rank !== this.depth) {
      if (this.rank !== UNKNOWN) this.sc.fail("expected '[' here: the other rows are nested deeper");
      this.rank = this.depth;
    }
    const sc = this.sc;
    if (this.separator === SPACES) {
      sc.readValue();
      this.counts[this.depth]++;
      this.expectElement = false;
      return;
    }
    const count = sc.readCommaSeparated();
    this.counts[this.depth] += count;
    this.expectElement = sc.afterComma;
    if (count > 1 || sc.afterComma) this.separator = COMMAS;
  }

  private comma(): void {
    if (this.separator === SPACES) this.sc.fail("unexpected ',': earlier values are separated by spaces");
    if (this.expectElement) this.sc.fail("unexpected ',': a value is missing");
    this.separator = COMMAS;
    this.expectElement = true;
    this.sc.pos++;
  }

  /** Between two elements: a comma was read, or (numpy's print style) only whitespace. */
  private separate(spaced: boolean): void {
    if (this.expectElement) return;
    if (spaced && this.separator !== COMMAS) this.separator = SPACES;
    else this.sc.fail(`expected ',' or '${closerOf(this.openers[this.depth]!)}'`);
  }

  private close(c: number): void {
    const d = this.depth;
    const expected = closerOf(this.openers[d]!);
    if (c !== expected.charCodeAt(0))
      this.sc.fail(`expected '${expected}', found '${String.fromCharCode(c)}'`);
    const n = this.counts[d]!;
    if (this.expectElement && n > 0) this.sc.loose = true;
    if (this.rank === UNKNOWN) this.rank = d;
    const known = this.shape[d - 1];
    if (known === undefined) this.shape[d - 1] = n;
    else if (known !== n) this.sc.fail(this.raggedMessage(d, n, known), this.openedAt[d]);
    this.depth = d - 1;
    this.counts[d - 1]++;
    this.expectElement = false;
    this.sc.pos++;
  }

  /** E.g. "row 3 has 4 values, expected 5"; rows and blocks are numbered from 1. */
  private raggedMessage(d: number, n: number, expected: number): string {
    const path = Array.from(this.counts.subarray(1, d), (i) => i + 1);
    const isRow = d === this.rank;
    const noun = isRow ? 'value' : d === this.rank - 1 ? 'row' : 'block';
    const name = isRow
      ? `row ${path.pop()}${path.length > 0 ? ` of block ${path.join(', ')}` : ''}`
      : `block ${path.join(', ')}`;
    return `${name} has ${count(n, noun)}, expected ${expected}`;
  }
}

function closerOf(opener: number): string {
  return opener === LBRACKET ? ']' : ')';
}
