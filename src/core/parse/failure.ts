import type { ParseError } from './types';

/** Thrown inside the parser only; `parseTensor` turns it into a positioned error value. */
export class ParseFailure extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(message);
  }
}

/** 1-based line and column (UTF-16 units) of `offset`; '\n', '\r\n' and a lone '\r' end lines. */
/** Messages show invisible characters by their code point (see `visibleText`). */
export function positionAt(text: string, offset: number, message: string): ParseError {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1, message: visibleText(message) };
}

/**
 * Characters a message could show only as blank or nothing (controls, no-break and other Unicode spaces, zero-width
 * and direction marks, BOM) written as `<U+00A0>`; the ordinary space stays.
 */
const INVISIBLE = /(?! )[\p{Cc}\p{Cf}\p{Z}]/gu;

export function visibleText(text: string): string {
  return text.replace(
    INVISIBLE,
    (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}
