import type { SyntaxNode } from '@lezer/common';
import { findDefinition, type ModuleContext } from './module';
import { type Stmt, toStmt } from './stmt';

const MAX_TEXTS = 20000;
/** Beyond this many module-level dependencies a key is not worth building: the caller analyses afresh. */
const MAX_DEPENDENCIES = 256;
const readsByText = new Map<string, string[]>();
const assignsByText = new Map<string, Set<string>>();

function remember<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_TEXTS) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}

/** Every bare name `node` mentions (reads, calls, assigns), cached by the node's text `own`. */
function namesIn(node: SyntaxNode, text: string, own: string): string[] {
  return remember(readsByText, own, () => {
    const set = new Set<string>();
    const cur = node.cursor();
    while (cur.next() && cur.from < node.to)
      if (cur.name === 'VariableName') set.add(text.slice(cur.from, cur.to));
    set.delete('self');
    return [...set];
  });
}

/** Names a top-level statement assigns as `lastAssignment` sees them (through if/for/with/try bodies). */
function assignedNames(node: SyntaxNode, text: string, own: string): Set<string> {
  return remember(assignsByText, own, () => {
    const names = new Set<string>();
    const visit = (stmts: Stmt[]): void => {
      for (const st of stmts) {
        if (st.s === 'assign') for (const t of st.targets) if (t.t === 'name') names.add(t.id);
        if (st.s === 'block') st.bodies.forEach(visit);
      }
    };
    const st = toStmt(node, text);
    if (st) visit([st]);
    return names;
  });
}

const NEVER_ASSIGNS = new Set([
  'FunctionDefinition',
  'ClassDefinition',
  'DecoratedStatement',
  'ImportStatement',
  'Comment',
]);
/** Top-level statements that assign each name, in file order, per module. */
const assigners = new WeakMap<ModuleContext, Map<string, SyntaxNode[]>>();

function assignersOf(script: SyntaxNode, mod: ModuleContext): Map<string, SyntaxNode[]> {
  let index = assigners.get(mod);
  if (!index) {
    index = new Map();
    for (let node = script.firstChild; node; node = node.nextSibling) {
      if (NEVER_ASSIGNS.has(node.name)) continue;
      for (const name of assignedNames(node, mod.text, mod.text.slice(node.from, node.to)))
        index.set(name, [...(index.get(name) ?? []), node]);
    }
    assigners.set(mod, index);
  }
  return index;
}

/** The last top-level statement before `before` that assigns `name`: where a module-level read resolves. */
function lastAssigning(
  script: SyntaxNode,
  mod: ModuleContext,
  name: string,
  before: number,
): SyntaxNode | null {
  return (assignersOf(script, mod).get(name) ?? []).filter((n) => n.from < before).at(-1) ?? null;
}

/**
 * What the analysis of `start` can read from the rest of the module, as text: for each name it mentions, the
 * module-level statement assigning it last before the use (when `viaAssignments`: top-level code, not function
 * bodies), the module-level `name = Call(...)` bindings (last before the use and last in the file), and the
 * definition it names — followed transitively through the statements found. Null when there are too many.
 */
export function moduleDependencies(
  start: SyntaxNode,
  mod: ModuleContext,
  viaAssignments: boolean,
): string | null {
  let script = start;
  while (script.parent) script = script.parent;
  const { text } = mod;
  const seen = new Map<number, number>();
  const parts: string[] = [];
  const queue: { node: SyntaxNode; full: boolean }[] = [{ node: start, full: viaAssignments }];
  seen.set(start.from, -1);
  const add = (name: string, kind: string, node: SyntaxNode | null | undefined, follow: boolean): void => {
    if (!node) return;
    const known = seen.get(node.from);
    if (known !== undefined) {
      parts.push(`${name}${kind}@${known}`);
      return;
    }
    seen.set(node.from, parts.length);
    parts.push(`${name}${kind}\u0004${text.slice(node.from, node.to)}`);
    if (follow) queue.push({ node, full: true });
  };
  for (let i = 0; i < queue.length && parts.length <= MAX_DEPENDENCIES; i++) {
    const { node, full } = queue[i];
    for (const name of namesIn(node, text, text.slice(node.from, node.to))) {
      if (full) add(name, 'a', lastAssigning(script, mod, name, node.from), true);
      const bindings = mod.bindingCalls.get(name);
      if (bindings) {
        add(name, 'b', bindings.filter((c) => c.from < node.from).at(-1)?.parent, true);
        add(name, 'B', bindings.at(-1)?.parent, true);
      }
      if (mod.definitionNames.has(name)) add(name, 'd', findDefinition(mod, name, node.from)?.node, false);
    }
  }
  return parts.length > MAX_DEPENDENCIES ? null : parts.join('\u0002');
}
