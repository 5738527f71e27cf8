import type { SyntaxNode } from '@lezer/common';
import type { Expr } from '../expr';
import type { ModuleContext } from '../module';
import { bodyStatements, type Stmt } from '../stmt';

/** The expression a local name was last assigned before `at`, in the function (or module) around `node`. */
export function lastAssignment(name: string, node: SyntaxNode, mod: ModuleContext): Expr | null {
  let scope: SyntaxNode | null = node.parent;
  while (scope && scope.name !== 'FunctionDefinition' && scope.name !== 'Script') scope = scope.parent;
  const body = scope?.name === 'FunctionDefinition' ? scope.getChild('Body') : scope;
  if (!body) return null;
  let found: Expr | null = null;
  const visit = (stmts: Stmt[]): void => {
    for (const st of stmts) {
      if (st.from >= node.from) return;
      if (st.s === 'assign' && st.targets.some((t) => t.t === 'name' && t.id === name)) found = st.value;
      if (st.s === 'block') st.bodies.forEach(visit);
    }
  };
  visit(body.name === 'Script' ? mod.statements() : bodyStatements(body, mod.text));
  return found;
}

/** The argument itself, or what the variable passed as the argument was assigned. */
export function resolveArg(e: Expr, node: SyntaxNode, mod: ModuleContext): { value: Expr; direct: boolean } {
  if (e.t !== 'name') return { value: e, direct: true };
  const assigned = lastAssignment(e.id, node, mod);
  return assigned ? { value: assigned, direct: false } : { value: e, direct: true };
}
