import type { SyntaxNode } from '@lezer/common';
import type { ModuleContext } from '../bind';
import type { Expr } from '../syntax';
import { bodyStatements, type Stmt, toStmt } from '../syntax';

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
      if (st.kind === 'assign' && st.targets.some((t) => t.kind === 'name' && t.id === name))
        found = st.value;
      if (st.kind === 'block') st.bodies.forEach(visit);
    }
  };
  visit(
    body.name === 'Script'
      ? moduleStatementsMentioning(body, name, node.from, mod.text)
      : bodyStatements(body, mod.text),
  );
  return found;
}

/**
 * Top-level statements starting before `before` whose text contains `name`: the only ones that can assign it.
 * Converting just these keeps a module-level lookup proportional to the name's uses, not to the file's size.
 */
function moduleStatementsMentioning(script: SyntaxNode, name: string, before: number, text: string): Stmt[] {
  const out: Stmt[] = [];
  let at = text.indexOf(name);
  for (let node = script.firstChild; node && node.from < before && at >= 0; node = node.nextSibling) {
    if (at < node.from) at = text.indexOf(name, node.from);
    if (at < 0 || at >= node.to) continue;
    const st = toStmt(node, text);
    if (st) out.push(st);
  }
  return out;
}
