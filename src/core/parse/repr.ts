import { count } from '../count';
import { numel } from '../tensor';
import type { Scanner } from './lexer';
import {
  COLON,
  COMMA,
  DOT,
  DQUOTE,
  EQUALS,
  GT,
  isIdentChar,
  isOpenBracket,
  LPAREN,
  LT,
  MINUS,
  PLUS,
  RPAREN,
  SQUOTE,
} from './lexer';
import { readNested } from './nested';
import { MAX_DEPTH, MAX_ELEMENTS } from './types';

const SHOWN_SHAPE_CHARS = 60;

export type ReprKind = 'torch' | 'numpy';

export interface ReprResult {
  shape: number[];
  dtype?: string;
  requiresGrad?: boolean;
}

interface Keyword {
  name: string;
  value: string;
  at: number;
}

const ELISION: Record<ReprKind, string> = {
  torch: "this repr is elided with '...'; print with torch.set_printoptions(profile='full')",
  numpy: "this repr is elided with '...'; print with numpy.set_printoptions(threshold=sys.maxsize)",
};

/** Reads `tensor(<values>, dtype=..., ...)` or `array(...)`; the cursor is on the '(' after the name. */
export function readRepr(sc: Scanner, kind: ReprKind): ReprResult {
  sc.elisionMessage = ELISION[kind];
  const openedAt = sc.pos++;
  sc.skipSpace();
  let shape: number[] = [];
  if (isOpenBracket(sc.peek())) shape = readNested(sc).shape;
  else sc.readValue();
  const keywords = readKeywords(sc, openedAt);
  sc.expectEnd();
  const result: ReprResult = { shape };
  for (const k of keywords) applyKeyword(sc, result, k);
  return result;
}

function applyKeyword(sc: Scanner, result: ReprResult, k: Keyword): void {
  if (k.name === 'dtype') result.dtype = k.value;
  else if (k.name === 'grad_fn' || (k.name === 'requires_grad' && k.value === 'True'))
    result.requiresGrad = true;
  else if (k.name === 'size' || k.name === 'shape') result.shape = declaredShape(sc, k, result.shape);
}

/**
 * torch and numpy print `size=` / `shape=` for empty tensors, whose nested lists cannot show the shape.
 * The limits hold on the declared shape too: at most MAX_DEPTH dimensions, and sizes whose product with zeros
 * left out stays within MAX_ELEMENTS, since what comes next allocates per row or class (`(0, 100000000)`).
 */
function declaredShape(sc: Scanner, k: Keyword, shape: number[]): number[] {
  const shown = k.value.length > SHOWN_SHAPE_CHARS ? `${k.value.slice(0, SHOWN_SHAPE_CHARS)}…` : k.value;
  const inner = k.value.replace(/^\(|\)$/g, '').trim();
  const dims = inner === '' ? [] : inner.split(',', MAX_DEPTH + 2);
  if (dims.length > 1 && dims.at(-1)!.trim() === '') dims.pop();
  if (!dims.every((d) => /^\s*\d+\s*$/.test(d))) sc.fail(`${k.name}=${shown} is not a shape`, k.at);
  if (dims.length > MAX_DEPTH)
    sc.fail(`${k.name}=${shown} has more than ${MAX_DEPTH} dimensions: too large to load`, k.at);
  const declared = dims.map(Number);
  const span = declared.reduce((n, d) => n * Math.max(d, 1), 1);
  if (span > MAX_ELEMENTS)
    sc.fail(
      `${k.name}=${shown} is larger than ${MAX_ELEMENTS} values (zero sizes aside): too large to load`,
      k.at,
    );
  const values = sc.values.length;
  if (values === 0 ? numel(declared) !== 0 : declared.join() !== shape.join()) {
    sc.fail(`${k.name}=${shown} does not match the ${count(values, 'value')} shown`, k.at);
  }
  return values === 0 ? declared : shape;
}

function readKeywords(sc: Scanner, openedAt: number): Keyword[] {
  const keywords: Keyword[] = [];
  for (;;) {
    sc.skipSpace();
    if (sc.atEnd()) sc.fail("'(' is never closed", openedAt);
    if (sc.peek() === RPAREN) break;
    if (sc.peek() !== COMMA) sc.fail("expected ',' or ')'");
    sc.pos++;
    sc.skipSpace();
    if (sc.peek() === RPAREN) break;
    keywords.push(readKeyword(sc));
  }
  sc.pos++;
  return keywords;
}

function readKeyword(sc: Scanner): Keyword {
  const nameStart = sc.pos;
  while (isIdentChar(sc.peek())) sc.pos++;
  const name = sc.text.slice(nameStart, sc.pos);
  if (name === '') sc.fail('expected a keyword argument such as dtype=...');
  sc.skipSpace();
  if (sc.peek() !== EQUALS) sc.fail(`expected '=' after '${name}'`);
  sc.pos++;
  sc.skipSpace();
  const at = sc.pos;
  return { name, value: readKeywordValue(sc, name), at };
}

/** A quoted string, `<...>`, a parenthesised tuple, or a bare token such as `torch.float64` or `True`. */
function readKeywordValue(sc: Scanner, name: string): string {
  const start = sc.pos;
  const c = sc.peek();
  const closer = c === SQUOTE || c === DQUOTE ? c : c === LT ? GT : c === LPAREN ? RPAREN : -1;
  if (closer >= 0) {
    const end = sc.text.indexOf(String.fromCharCode(closer), start + 1);
    if (end < 0) sc.fail(`'${String.fromCharCode(c)}' is never closed`, start);
    sc.pos = end + 1;
  } else {
    while (!sc.atEnd() && isBareValueChar(sc.peek())) sc.pos++;
  }
  if (sc.pos === start) sc.fail(`missing value for '${name}'`);
  return sc.text.slice(start, sc.pos);
}

function isBareValueChar(c: number): boolean {
  return isIdentChar(c) || c === DOT || c === MINUS || c === PLUS || c === COLON;
}
