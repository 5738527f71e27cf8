import type { SyntaxNode } from '@lezer/common';
import { children, type Expr, type Span, toExpr } from './expr';

/** Statements of a body, simplified to what the dataflow needs. */
export type Stmt = Span &
  (
    | { kind: 'assign'; targets: Expr[]; value: Expr }
    | { kind: 'update'; target: Expr; op: string; value: Expr }
    | { kind: 'expr'; expr: Expr }
    | { kind: 'return'; value: Expr | null }
    | { kind: 'block'; test: Expr | null; bodies: Stmt[][]; loop?: { target: Expr; iter: Expr } }
    | { kind: 'def'; node: SyntaxNode }
    | { kind: 'class'; node: SyntaxNode }
  );

const BLOCKS = new Set(['IfStatement', 'ForStatement', 'WhileStatement', 'WithStatement', 'TryStatement']);

export function bodyStatements(body: SyntaxNode, text: string): Stmt[] {
  const out: Stmt[] = [];
  for (const c of children(body)) {
    const stmt = toStmt(c, text);
    if (stmt) out.push(stmt);
  }
  return out;
}

/** One statement, or null for what the dataflow ignores (comments, imports, pass, …). */
export function toStmt(node: SyntaxNode, text: string): Stmt | null {
  const span = { from: node.from, to: node.to };
  switch (node.name) {
    case 'AssignStatement':
      return assignStmt(node, text);
    case 'UpdateStatement': {
      const [target, op, value] = children(node);
      if (!target || !op || !value) return null;
      return {
        ...span,
        kind: 'update',
        target: toExpr(target, text),
        op: text.slice(op.from, op.to),
        value: toExpr(value, text),
      };
    }
    case 'ExpressionStatement':
      return node.firstChild ? { ...span, kind: 'expr', expr: toExpr(node.firstChild, text) } : null;
    case 'ReturnStatement': {
      const parts = children(node).filter((c) => c.name !== 'return');
      return { ...span, kind: 'return', value: parts.length ? groupExpr(parts, text) : null };
    }
    case 'FunctionDefinition':
      return { ...span, kind: 'def', node };
    case 'ClassDefinition':
      return { ...span, kind: 'class', node };
    case 'DecoratedStatement': {
      const inner = node.lastChild;
      return inner ? toStmt(inner, text) : null;
    }
    default:
      return BLOCKS.has(node.name) ? blockStmt(node, text) : null;
  }
}

function blockStmt(node: SyntaxNode, text: string): Stmt {
  const kids = children(node);
  if (node.name === 'IfStatement') return ifChain(node, kids, text);
  const bodies = kids.filter((c) => c.name === 'Body').map((b) => bodyStatements(b, text));
  const loop = node.name === 'ForStatement' ? forHead(kids, text) : undefined;
  return { from: node.from, to: node.to, kind: 'block', test: null, bodies, ...(loop ? { loop } : {}) };
}

/** `for a, b in xs:`: the names bound (one, or a tuple) and the iterable. */
function forHead(kids: SyntaxNode[], text: string): { target: Expr; iter: Expr } | undefined {
  const at = kids.findIndex((c) => c.name === 'in');
  const body = kids.findIndex((c) => c.name === 'Body');
  const names = kids.slice(1, at).filter((c) => c.name !== ',');
  const iter = kids.slice(at + 1, body < 0 ? undefined : body);
  if (at < 1 || names.length === 0 || iter.length === 0) return undefined;
  const items = names.map((n) => toExpr(n, text));
  const target: Expr =
    items.length === 1 ? items[0] : { from: names[0].from, to: names.at(-1)!.to, kind: 'tuple', items };
  return { target, iter: groupExpr(iter, text) };
}

/** `if a: … elif b: … else: …` as `if a: … else: (if b: … else: …)`, so each `elif` test is decided on its own. */
function ifChain(node: SyntaxNode, kids: SyntaxNode[], text: string): Stmt {
  const arms: { test: SyntaxNode | null; body: Stmt[] }[] = [];
  let test: SyntaxNode | null = null;
  for (const c of kids) {
    if (c.name === 'Body') {
      arms.push({ test, body: bodyStatements(c, text) });
      test = null;
    } else if (!['if', 'elif', 'else', ':'].includes(c.name) && !c.type.isError && c.name !== 'Comment')
      test = c;
  }
  const build = (i: number): Stmt[] => {
    const arm = arms[i];
    if (!arm) return [];
    if (i > 0 && arm.test === null) return arm.body;
    const rest = arms[i + 1] ? [build(i + 1)] : [];
    const from = i === 0 ? node.from : (arm.test?.from ?? node.from);
    const block: Stmt = {
      from,
      to: node.to,
      kind: 'block',
      test: arm.test ? toExpr(arm.test, text) : null,
      bodies: [arm.body, ...rest],
    };
    return [block];
  };
  return build(0)[0] ?? { from: node.from, to: node.to, kind: 'block', test: null, bodies: [] };
}

function assignStmt(node: SyntaxNode, text: string): Stmt | null {
  const groups: SyntaxNode[][] = [[]];
  for (const c of children(node)) {
    if (c.name === 'AssignOp') groups.push([]);
    else if (c.name !== 'TypeDef' && c.name !== 'Comment') groups[groups.length - 1].push(c);
  }
  if (groups.length < 2) return null;
  const exprs = groups.map((g) => groupExpr(g, text));
  const value = exprs.pop()!;
  return { from: node.from, to: node.to, kind: 'assign', targets: exprs, value };
}

/** `a, b` without brackets is a tuple; `*rest` in it is a unary `*`. */
function groupExpr(nodes: SyntaxNode[], text: string): Expr {
  const items = nodes.filter((n) => n.name !== ',');
  if (items.length === 1 && nodes.length === 1) return toExpr(items[0], text);
  const from = nodes[0].from;
  const to = nodes[nodes.length - 1].to;
  const exprs: Expr[] = [];
  for (let i = 0; i < items.length; i++) {
    const starred = items[i].name === '*' && items[i + 1];
    const e = toExpr(starred ? items[++i] : items[i], text);
    exprs.push(starred ? { from: items[i - 1].from, to: e.to, kind: 'unary', op: '*', operand: e } : e);
  }
  return { from, to, kind: 'tuple', items: exprs };
}
