/**
 * Where the top-level statements of a Python text start, found by a lexical scan (brackets, strings, comments,
 * line continuations), without parsing. A start is a line at column 0, outside brackets and strings, that is not
 * a comment, does not continue a compound statement (`else`, `elif`, `except`, `finally`) and does not follow a
 * decorator. On code without syntax errors these are exactly the parser's top-level statements; on broken code
 * they still cut the text at the same places whatever came before, which is what keeps an error in one
 * statement from reaching the parse of the others.
 */

const NEWLINE = 10;
const RETURN = 13;
const SPACE = 32;
const TAB = 9;
const FORM_FEED = 12;
const HASH = 35;
const AT = 64;
const BACKSLASH = 92;
const SINGLE_QUOTE = 39;
const DOUBLE_QUOTE = 34;

const CONTINUATIONS = ['else', 'elif', 'except', 'finally'];

/** How many characters from a statement's start decide whether it is one (the longest keyword, one more). */
export const START_CONTEXT = Math.max(...CONTINUATIONS.map((word) => word.length)) + 1;

/** After `from` (itself a start), each offset where a top-level statement starts, in order. */
export function* statementStarts(text: string, from: number): Generator<number, void> {
  let depth = 0;
  let decorated = false;
  let lineStart = true;
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (lineStart) {
      lineStart = false;
      if (!isBlank(c)) {
        if (i > from && !decorated && !continuesStatement(text, i)) yield i;
        decorated = c === AT;
      }
    }
    if (c === NEWLINE || c === RETURN) {
      i += c === RETURN && text.charCodeAt(i + 1) === NEWLINE ? 2 : 1;
      lineStart = depth === 0;
    } else if (c === HASH) i = lineEnd(text, i);
    else if (c === SINGLE_QUOTE || c === DOUBLE_QUOTE) i = stringEnd(text, i);
    else if (c === BACKSLASH) i = afterBackslash(text, i);
    else {
      if (c === 40 || c === 91 || c === 123) depth++;
      else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
      i++;
    }
  }
}

/** Whitespace, a line break or a comment: a line starting so is no statement of its own. */
function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === FORM_FEED || c === NEWLINE || c === RETURN || c === HASH;
}

function continuesStatement(text: string, at: number): boolean {
  return CONTINUATIONS.some(
    (word) => text.startsWith(word, at) && !isNameChar(text.charCodeAt(at + word.length)),
  );
}

function isNameChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

/** The offset of the line break ending the line at `at` (or the end of the text). */
function lineEnd(text: string, at: number): number {
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE || c === RETURN) return i;
    i++;
  }
  return i;
}

/** After a backslash: past the line break it escapes (a continued line), else past the next character. */
function afterBackslash(text: string, at: number): number {
  const next = text.charCodeAt(at + 1);
  if (next === RETURN && text.charCodeAt(at + 2) === NEWLINE) return at + 3;
  return at + 2;
}

/**
 * The end of the string literal whose quote is at `at` (prefixes such as `r`, `b`, `f` were scanned as names).
 * A backslash always escapes the next character, as Python's tokenizer reads raw strings too. A one-line string
 * left open ends at its line break; a triple-quoted one left open runs to the end of the text.
 */
function stringEnd(text: string, at: number): number {
  const quote = text.charCodeAt(at);
  const triple = text.charCodeAt(at + 1) === quote && text.charCodeAt(at + 2) === quote;
  let i = at + (triple ? 3 : 1);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i = afterBackslash(text, i);
    else if (
      c === quote &&
      (!triple || (text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote))
    )
      return i + (triple ? 3 : 1);
    else if (!triple && (c === NEWLINE || c === RETURN)) return i;
    else i++;
  }
  return i;
}
