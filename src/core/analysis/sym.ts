/** Scalar expressions over named symbols (parameters, constants, tensor sizes), compared by numeric probing. */
export type Sym =
  | { k: 'n'; v: number }
  | { k: 's'; name: string }
  | { k: 'op'; op: '+' | '-' | '*' | '/'; a: Sym; b: Sym };

export type SymOp = '+' | '-' | '*' | '/';

export const num = (v: number): Sym => ({ k: 'n', v });
export const sym = (name: string): Sym => ({ k: 's', name });
export const ZERO = num(0);
export const ONE = num(1);

export function op(o: SymOp, a: Sym, b: Sym): Sym {
  if (a.k === 'n' && b.k === 'n') return num(applyOp(o, a.v, b.v));
  if (o === '*' && (isConst(a, 0) || isConst(b, 0))) return ZERO;
  if (o === '/' && isConst(a, 0)) return ZERO;
  if ((o === '*' || o === '/') && isConst(b, 1)) return a;
  if (o === '*' && isConst(a, 1)) return b;
  if ((o === '+' || o === '-') && isConst(b, 0)) return a;
  if (o === '+' && isConst(a, 0)) return b;
  return { k: 'op', op: o, a, b };
}

export const add = (a: Sym, b: Sym): Sym => op('+', a, b);
export const sub = (a: Sym, b: Sym): Sym => op('-', a, b);
export const mul = (a: Sym, b: Sym): Sym => op('*', a, b);
export const div = (a: Sym, b: Sym): Sym => op('/', a, b);
export const neg = (a: Sym): Sym => op('-', ZERO, a);

function isConst(s: Sym, v: number): boolean {
  return s.k === 'n' && s.v === v;
}

function applyOp(o: SymOp, a: number, b: number): number {
  if (o === '+') return a + b;
  if (o === '-') return a - b;
  if (o === '*') return a * b;
  return a / b;
}

export function evalSym(s: Sym, env: (name: string) => number): number {
  if (s.k === 'n') return s.v;
  if (s.k === 's') return env(s.name);
  return applyOp(s.op, evalSym(s.a, env), evalSym(s.b, env));
}

export function symNames(s: Sym, out: Set<string> = new Set()): Set<string> {
  if (s.k === 's') out.add(s.name);
  else if (s.k === 'op') {
    symNames(s.a, out);
    symNames(s.b, out);
  }
  return out;
}

const PRECEDENCE: Record<SymOp, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/** Python-ish text of a symbolic scalar, for messages and torch equivalents. */
export function showSym(s: Sym, label: (name: string) => string, outer = 0, right = false): string {
  if (s.k === 'n') return formatNumber(s.v);
  if (s.k === 's') return operand(label(s.name), outer);
  if (s.op === '-' && isConst(s.a, 0)) return `-${showSym(s.b, label, 3)}`;
  const p = PRECEDENCE[s.op];
  const text = `${showSym(s.a, label, p)} ${s.op} ${showSym(s.b, label, p, true)}`;
  return p < outer || (right && p === outer) ? `(${text})` : text;
}

/** A name, an attribute, a call or a subscript binds tighter than any operator; other text (`eps or 0.1`) does not. */
const ATOM = /^[A-Za-z_][\w.]*(\([^()]*\)|\[[^[\]]*\])*$/;

/** Python text as an operand of an arithmetic operator: in parentheses unless it is an atom. */
export function asOperand(text: string): string {
  return ATOM.test(text) ? text : `(${text})`;
}

/** A label in a symbolic expression: standing alone as it is, as an operand in parentheses when needed. */
function operand(text: string, outer: number): string {
  return outer === 0 ? text : asOperand(text);
}

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return String(Number.parseFloat(v.toPrecision(6)));
}

export function substitute(s: Sym, name: string, value: Sym): Sym {
  if (s.k === 's') return s.name === name ? value : s;
  if (s.k === 'n') return s;
  return op(s.op, substitute(s.a, name, value), substitute(s.b, name, value));
}
