import type { SyntaxNode } from '@lezer/common';
import { children, type Expr, toExpr } from '../syntax';

/** Builders of a target distribution: arithmetic on the labels, one-hots, fills, scatters, clamps, `where`. */
const BUILDS = /one_hot|scatter|fill|full|clamp|clip|where|[-*+/]/;
/** Negative literals in argument lists (`view(-1)`, `dim=-1`), which build nothing. */
const NEGATIVE_LITERAL = /-\s*\d+(?=\s*[),\]])/g;

/**
 * The target of a torch loss call is built in the function around it (`q = onehot * (1 - eps) + eps / k;
 * F.cross_entropy(x, q)`, or an expression in the call): the convention is that function's, not "none" read from
 * the call's own arguments.
 */
export function targetBuiltHere(target: Expr | undefined, call: SyntaxNode, text: string): boolean {
  if (!target) return false;
  if (target.kind === 'bin') return true;
  if (target.kind !== 'name') return false;
  const fn = enclosingFunction(call);
  const body = fn?.getChild('Body');
  if (!body) return false;
  let built = false;
  for (const assign of assignments(body, call.from)) {
    const kids = children(assign);
    const targetNode = kids[0];
    const value = kids.at(-1);
    if (!targetNode || !value || kids.length !== 3) continue;
    const name = toExpr(targetNode, text);
    if (name.kind === 'name' && name.id === target.id)
      built = BUILDS.test(text.slice(value.from, value.to).replace(NEGATIVE_LITERAL, ''));
  }
  return built;
}

function enclosingFunction(node: SyntaxNode): SyntaxNode | null {
  for (let p = node.parent; p; p = p.parent) if (p.name === 'FunctionDefinition') return p;
  return null;
}

/** Assignment statements in `body` (not in nested functions or classes) that start before `before`, in order. */
function assignments(body: SyntaxNode, before: number): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const visit = (node: SyntaxNode): void => {
    for (const c of children(node)) {
      if (c.from >= before || c.name === 'FunctionDefinition' || c.name === 'ClassDefinition') continue;
      if (c.name === 'AssignStatement') out.push(c);
      else if (c.name === 'Body' || /Statement$/.test(c.name)) visit(c);
    }
  };
  visit(body);
  return out;
}
