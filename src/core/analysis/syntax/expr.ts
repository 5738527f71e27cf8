import type { SyntaxNode } from '@lezer/common';

/** A small expression tree built from the lezer syntax tree; offsets into the source text. */
export interface Span {
  from: number;
  to: number;
}

export interface Arg extends Span {
  name: string | null;
  value: Expr;
  star: boolean;
  /** `**kwargs`: a mapping spread as keyword arguments (`star` is set too). */
  mapping?: true;
}

export type Expr = Span &
  (
    | { kind: 'num'; value: number }
    | { kind: 'str'; value: string }
    | { kind: 'const'; value: boolean | null }
    | { kind: 'name'; id: string }
    | { kind: 'attr'; obj: Expr; name: string }
    | { kind: 'call'; fn: Expr; args: Arg[]; argsFrom: number; argsTo: number }
    /** `bounded`: a slice in the index leaves positions out (`x[..., :-1, :]`, `y[:, 1:]`), not a bare `:`. */
    | { kind: 'sub'; obj: Expr; index: (Expr | 'slice')[]; bounded?: true }
    | { kind: 'bin'; op: string; left: Expr; right: Expr }
    | { kind: 'unary'; op: string; operand: Expr }
    | { kind: 'cond'; body: Expr; test: Expr; orelse: Expr }
    /** `(name := value)`: binds name to value in the enclosing function, and is that value. */
    | { kind: 'walrus'; id: string; value: Expr }
    /** `keys`: a dict display's string keys (null where a key is not a string literal). */
    | { kind: 'tuple'; items: Expr[]; keys?: (string | null)[] }
    /** `lambda x, y: …`: run like a nested function when called. */
    | { kind: 'lambda'; node: SyntaxNode }
    /** `[f(x) for x, y in pairs if …]`, a generator or a dict comprehension (its value): the element and its loops. */
    | { kind: 'comp'; elt: Expr; loops: { target: Expr; iter: Expr }[] }
    | { kind: 'other' }
  );

/**
 * The sub-expressions of `e` in source order (a slice index's parts are not kept). A lambda's body and a
 * comprehension's parts are left out: they read names in a scope of their own.
 */
export function subExprs(e: Expr): Expr[] {
  switch (e.kind) {
    case 'attr':
      return [e.obj];
    case 'call':
      return [e.fn, ...e.args.map((a) => a.value)];
    case 'sub':
      return [e.obj, ...e.index.filter((i): i is Expr => i !== 'slice')];
    case 'bin':
      return [e.left, e.right];
    case 'unary':
      return [e.operand];
    case 'cond':
      return [e.body, e.test, e.orelse];
    case 'walrus':
      return [e.value];
    case 'tuple':
      return e.items;
    default:
      return [];
  }
}

const PUNCTUATION = new Set(['(', ')', '[', ']', ',', ':', '.', 'Comment']);

export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

function operands(node: SyntaxNode): SyntaxNode[] {
  return children(node).filter((c) => !PUNCTUATION.has(c.name) && !c.type.isError);
}

/** Splits children separated by commas; a group holding `:` is a slice. */
function commaGroups(nodes: SyntaxNode[]): SyntaxNode[][] {
  const groups: SyntaxNode[][] = [[]];
  for (const n of nodes) {
    if (n.name === ',') groups.push([]);
    else groups[groups.length - 1].push(n);
  }
  return groups.filter((g) => g.length > 0);
}

export function toExpr(node: SyntaxNode, text: string): Expr {
  const span = { from: node.from, to: node.to };
  const src = (n: SyntaxNode): string => text.slice(n.from, n.to);
  const kids = (): SyntaxNode[] => operands(node);
  switch (node.name) {
    case 'Number':
      return { ...span, kind: 'num', value: parseNumber(src(node)) };
    case 'String':
      return { ...span, kind: 'str', value: stripQuotes(src(node)) };
    case 'Boolean':
      return { ...span, kind: 'const', value: src(node) === 'True' };
    case 'None':
      return { ...span, kind: 'const', value: null };
    case 'VariableName':
      return { ...span, kind: 'name', id: src(node) };
    case 'ParenthesizedExpression': {
      const inner = kids()[0];
      return inner ? toExpr(inner, text) : { ...span, kind: 'other' };
    }
    case 'MemberExpression':
      return memberExpr(node, text);
    case 'CallExpression':
      return callExpr(node, text);
    case 'BinaryExpression': {
      const parts = children(node).filter((c) => c.name !== 'Comment');
      if (parts.length < 3) return { ...span, kind: 'other' };
      const op = parts.slice(1, -1).map(src).join(' ');
      return {
        ...span,
        kind: 'bin',
        op,
        left: toExpr(parts[0], text),
        right: toExpr(parts[parts.length - 1], text),
      };
    }
    case 'UnaryExpression': {
      const [op, e] = children(node);
      if (!op || !e) return { ...span, kind: 'other' };
      return { ...span, kind: 'unary', op: src(op), operand: toExpr(e, text) };
    }
    case 'ConditionalExpression': {
      const [body, , test, , orelse] = children(node);
      if (!body || !test || !orelse) return { ...span, kind: 'other' };
      return {
        ...span,
        kind: 'cond',
        body: toExpr(body, text),
        test: toExpr(test, text),
        orelse: toExpr(orelse, text),
      };
    }
    case 'NamedExpression': {
      const [target, , value] = children(node);
      if (target?.name !== 'VariableName' || !value) return { ...span, kind: 'other' };
      return { ...span, kind: 'walrus', id: src(target), value: toExpr(value, text) };
    }
    case 'TupleExpression':
    case 'ArrayExpression':
      return { ...span, kind: 'tuple', items: kids().map((k) => toExpr(k, text)) };
    case 'LambdaExpression':
      return { ...span, kind: 'lambda', node };
    case 'ArrayComprehensionExpression':
    case 'SetComprehensionExpression':
    case 'DictionaryComprehensionExpression':
    case 'ComprehensionExpression':
      return comprehension(node, children(node).slice(1, -1), text);
    case 'DictionaryExpression':
      // The values carry the dataflow (`return {"loss": loss, "nll": nll}`); string keys pick them (`cfg['eps']`).
      return {
        ...span,
        kind: 'tuple',
        items: dictValues(node).map((k) => toExpr(k, text)),
        keys: dictKeys(node).map((k) => (k.name === 'String' ? stripQuotes(text.slice(k.from, k.to)) : null)),
      };
    default:
      return { ...span, kind: 'other' };
  }
}

/**
 * The element (a dict comprehension's value) and each `for targets in iterable` of a comprehension; its `if`
 * filters only drop items.
 */
function comprehension(span: Span, nodes: SyntaxNode[], text: string): Expr {
  const keyword = (n: SyntaxNode | undefined, k: string) => n?.name === k;
  const start = nodes.findIndex((n) => keyword(n, 'for'));
  const elt = nodes
    .slice(0, start)
    .filter((n) => !PUNCTUATION.has(n.name))
    .at(-1);
  if (start < 1 || !elt) return { from: span.from, to: span.to, kind: 'other' };
  const loops: { target: Expr; iter: Expr }[] = [];
  for (let i = start; i < nodes.length; i++) {
    if (!keyword(nodes[i], 'for')) continue;
    const inAt = nodes.findIndex((n, j) => j > i && keyword(n, 'in'));
    const targets = nodes.slice(i + 1, inAt).filter((n) => n.name !== ',');
    const iter = nodes[inAt + 1];
    if (inAt < 0 || !iter || targets.length === 0) break;
    const items = targets.map((t) => toExpr(t, text));
    const target: Expr =
      items.length === 1 ? items[0] : { from: targets[0].from, to: iter.from, kind: 'tuple', items };
    loops.push({ target, iter: toExpr(iter, text) });
  }
  return { from: span.from, to: span.to, kind: 'comp', elt: toExpr(elt, text), loops };
}

/** The value after each `:` of a dictionary display. */
function dictValues(node: SyntaxNode): SyntaxNode[] {
  const kids = children(node);
  return kids.filter((_, i) => i > 0 && kids[i - 1].name === ':');
}

/** The key before each `:` of a dictionary display. */
function dictKeys(node: SyntaxNode): SyntaxNode[] {
  const kids = children(node);
  return kids.filter((_, i) => kids[i + 1]?.name === ':');
}

function memberExpr(node: SyntaxNode, text: string): Expr {
  const span = { from: node.from, to: node.to };
  const kids = children(node);
  const obj = kids[0] ? toExpr(kids[0], text) : ({ ...span, kind: 'other' } as Expr);
  const prop = kids.find((k) => k.name === 'PropertyName');
  if (prop) return { ...span, kind: 'attr', obj, name: text.slice(prop.from, prop.to) };
  const inner = kids.slice(2, -1);
  const groups = commaGroups(inner);
  const index = groups.map((g) => (g.some((n) => n.name === ':') ? ('slice' as const) : toExpr(g[0], text)));
  const bounded = groups.some((g) => g.some((n) => n.name === ':') && g.some((n) => n.name !== ':'));
  return { ...span, kind: 'sub', obj, index, ...(bounded ? { bounded: true as const } : {}) };
}

function callExpr(node: SyntaxNode, text: string): Expr {
  const span = { from: node.from, to: node.to };
  const fnNode = node.firstChild;
  const argList = node.lastChild;
  if (!fnNode || !argList || argList.name !== 'ArgList') return { ...span, kind: 'other' };
  // A comment after an argument's comma (`0.0,  # label_smoothing`) belongs to no argument.
  const inner = children(argList).filter((c) => c.name !== '(' && c.name !== ')' && c.name !== 'Comment');
  // `sum(w * l for w, l in pairs)`: one argument, a generator.
  const generator = inner.some((c) => c.name === 'for')
    ? [
        {
          from: argList.from,
          to: argList.to,
          name: null,
          star: false,
          value: comprehension(argList, inner, text),
        },
      ]
    : null;
  const args: Arg[] = generator ?? commaGroups(inner).map((g) => toArg(g, text));
  return {
    ...span,
    kind: 'call',
    fn: toExpr(fnNode, text),
    args,
    argsFrom: argList.from,
    argsTo: argList.to,
  };
}

function toArg(group: SyntaxNode[], text: string): Arg {
  const from = group[0].from;
  const to = group[group.length - 1].to;
  const star = group[0].name === '*' || group[0].name === '**';
  const mapping = group[0].name === '**' ? { mapping: true as const } : {};
  const rest = star ? group.slice(1) : group;
  if (rest.length >= 3 && rest[1].name === 'AssignOp' && rest[0].name === 'VariableName') {
    return {
      from,
      to,
      star,
      ...mapping,
      name: text.slice(rest[0].from, rest[0].to),
      value: toExpr(rest[2], text),
    };
  }
  const value = rest[0] ? toExpr(rest[0], text) : ({ from, to, kind: 'other' } as Expr);
  return { from, to, star, ...mapping, name: null, value };
}

function parseNumber(s: string): number {
  const clean = s.replace(/_/g, '').replace(/[jJlL]$/, '');
  if (/^0[xob]/i.test(clean)) return Number(clean);
  return Number.parseFloat(clean);
}

function stripQuotes(s: string): string {
  const m = /^[rbuf]*('''|"""|'|")([\s\S]*)\1$/i.exec(s);
  return m ? m[2] : s;
}

/**
 * The dotted path a plain expression names (`padding_idx`, `self.padding_idx`), or null for anything else: what a
 * test reads and an assignment writes, compared by name.
 */
export function dottedPath(e: Expr): string | null {
  if (e.kind === 'name') return e.id;
  if (e.kind !== 'attr') return null;
  const obj = dottedPath(e.obj);
  return obj === null ? null : `${obj}.${e.name}`;
}

/**
 * Two tests written alike (`self.padding_idx != -1` twice): names, attributes, literals and operators, wherever
 * they stand in the text. Anything else (a call, a subscript) is never the same test: it may read other values.
 */
export function sameTest(a: Expr, b: Expr): boolean {
  switch (a.kind) {
    case 'name':
    case 'attr':
      return dottedPath(a) !== null && dottedPath(a) === dottedPath(b);
    case 'num':
    case 'str':
    case 'const':
      return b.kind === a.kind && b.value === a.value;
    case 'unary':
      return b.kind === 'unary' && b.op === a.op && sameTest(a.operand, b.operand);
    case 'bin':
      return b.kind === 'bin' && b.op === a.op && sameTest(a.left, b.left) && sameTest(a.right, b.right);
    default:
      return false;
  }
}

/** The dotted paths a test built of names, attributes and literals reads (see `sameTest`). */
export function testReads(e: Expr): string[] {
  const path = dottedPath(e);
  if (path !== null) return [path];
  if (e.kind === 'unary') return testReads(e.operand);
  if (e.kind === 'bin') return [...testReads(e.left), ...testReads(e.right)];
  return [];
}
