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
  return { line, column: end - lineStart + 1, message };
}
