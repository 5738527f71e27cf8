/** Scalar expressions over named symbols (parameters, constants, tensor sizes), compared by numeric probing. */
export type Scalar =
  | { kind: 'number'; value: number }
  | { kind: 'symbol'; name: string }
  | { kind: 'op'; op: '+' | '-' | '*' | '/'; left: Scalar; right: Scalar };

export type SymOp = '+' | '-' | '*' | '/';

export const num = (v: number): Scalar => ({ kind: 'number', value: v });
export const sym = (name: string): Scalar => ({ kind: 'symbol', name });
export const ZERO = num(0);
export const ONE = num(1);

export function op(o: SymOp, a: Scalar, b: Scalar): Scalar {
  if (a.kind === 'number' && b.kind === 'number') return num(applyOp(o, a.value, b.value));
  if (o === '*' && (isConst(a, 0) || isConst(b, 0))) return ZERO;
  if (o === '/' && isConst(a, 0)) return ZERO;
  if ((o === '*' || o === '/') && isConst(b, 1)) return a;
  if (o === '*' && isConst(a, 1)) return b;
  if ((o === '+' || o === '-') && isConst(b, 0)) return a;
  if (o === '+' && isConst(a, 0)) return b;
  return { kind: 'op', op: o, left: a, right: b };
}

export const add = (a: Scalar, b: Scalar): Scalar => op('+', a, b);
export const sub = (a: Scalar, b: Scalar): Scalar => op('-', a, b);
export const mul = (a: Scalar, b: Scalar): Scalar => op('*', a, b);
export const div = (a: Scalar, b: Scalar): Scalar => op('/', a, b);
export const neg = (a: Scalar): Scalar => op('-', ZERO, a);

export function isConst(s: Scalar, v: number): boolean {
  return s.kind === 'number' && s.value === v;
}

function applyOp(o: SymOp, a: number, b: number): number {
  if (o === '+') return a + b;
  if (o === '-') return a - b;
  if (o === '*') return a * b;
  return a / b;
}

export function evalSym(s: Scalar, env: (name: string) => number): number {
  if (s.kind === 'number') return s.value;
  if (s.kind === 'symbol') return env(s.name);
  return applyOp(s.op, evalSym(s.left, env), evalSym(s.right, env));
}

export function symNames(s: Scalar, out: Set<string> = new Set()): Set<string> {
  if (s.kind === 'symbol') out.add(s.name);
  else if (s.kind === 'op') {
    symNames(s.left, out);
    symNames(s.right, out);
  }
  return out;
}

const PRECEDENCE: Record<SymOp, number> = { '+': 1, '-': 1, '*': 2, '/': 2 };

/** Python-ish text of a symbolic scalar, for messages and torch equivalents. */
export function showSym(s: Scalar, label: (name: string) => string, outer = 0, right = false): string {
  if (s.kind === 'number') return formatNumber(s.value);
  if (s.kind === 'symbol') return operand(label(s.name), outer);
  if (s.op === '-' && isConst(s.left, 0)) return `-${showSym(s.right, label, 3)}`;
  const p = PRECEDENCE[s.op];
  const text = `${showSym(s.left, label, p)} ${s.op} ${showSym(s.right, label, p, true)}`;
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

export function substitute(s: Scalar, name: string, value: Scalar): Scalar {
  if (s.kind === 'symbol') return s.name === name ? value : s;
  if (s.kind === 'number') return s;
  return op(s.op, substitute(s.left, name, value), substitute(s.right, name, value));
}
