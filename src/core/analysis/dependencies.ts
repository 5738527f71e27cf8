import type { SyntaxNode } from '@lezer/common';
import { findDefinition, type ModuleContext } from './module';
import { type Stmt, toStmt } from './stmt';
import { textId } from './textIds';

const MAX_TEXTS = 20000;
/** Beyond this many module-level dependencies a key is not worth building: the caller analyses afresh. */
const MAX_DEPENDENCIES = 1024;
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

/** One module-level value a statement reads: `kind` a (assignment), b/B (binding before/last), d (definition). */
interface Edge {
  /** `${name}${kind}`; `resolved` adds `#` and the text id of `node` once known. */
  label: string;
  resolved: string | null;
  node: SyntaxNode;
  follow: boolean;
}

/** Memo entries by a node's start, holding its end: a node starting there with another end is not memoised. */
type BySpan<T> = Map<number, { to: number; value: T }>;

/** What one parse's module has worked out so far, by node span: its text ids, reads, edges, assigners. */
interface ModuleMemo {
  script: SyntaxNode;
  ids: BySpan<number>;
  /** By `full`: with assignments, without. */
  edges: [BySpan<Edge[]>, BySpan<Edge[]>];
  assigners: Map<string, SyntaxNode[]> | null;
}
const memos = new WeakMap<ModuleContext, ModuleMemo>();

function memoOf(node: SyntaxNode, mod: ModuleContext): ModuleMemo {
  let memo = memos.get(mod);
  if (!memo) {
    let script = node;
    while (script.parent) script = script.parent;
    memo = { script, ids: new Map(), edges: [new Map(), new Map()], assigners: null };
    memos.set(mod, memo);
  }
  return memo;
}

/** The text id of `node` in `mod` (the text sliced and hashed once per parse). */
export function nodeTextId(node: SyntaxNode, mod: ModuleContext): number {
  const memo = memoOf(node, mod);
  const known = memo.ids.get(node.from);
  if (known?.to === node.to) return known.value;
  const id = textId(mod.text.slice(node.from, node.to));
  if (!known) memo.ids.set(node.from, { to: node.to, value: id });
  return id;
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

/** Top-level statements that assign each name, in file order. */
function assignersOf(memo: ModuleMemo, text: string): Map<string, SyntaxNode[]> {
  if (!memo.assigners) {
    const index = new Map<string, SyntaxNode[]>();
    for (let node = memo.script.firstChild; node; node = node.nextSibling) {
      if (NEVER_ASSIGNS.has(node.name)) continue;
      for (const name of assignedNames(node, text, text.slice(node.from, node.to))) {
        const list = index.get(name);
        if (list) list.push(node);
        else index.set(name, [node]);
      }
    }
    memo.assigners = index;
  }
  return memo.assigners;
}

/** The last of `nodes` (in file order) that starts before `before`. */
function lastBefore(nodes: readonly SyntaxNode[], before: number): SyntaxNode | undefined {
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid].from < before) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? nodes[lo - 1] : undefined;
}

/** What `node` reads from the module, in the order `moduleDependencies` lists it (once per parse). */
function edgesOf(node: SyntaxNode, mod: ModuleContext, full: boolean): Edge[] {
  const memo = memoOf(node, mod);
  const byFrom = memo.edges[full ? 0 : 1];
  const known = byFrom.get(node.from);
  if (known?.to === node.to) return known.value;
  const edges: Edge[] = [];
  const add = (name: string, kind: string, to: SyntaxNode | null | undefined, follow: boolean): void => {
    if (to) edges.push({ label: `${name}${kind}`, resolved: null, node: to, follow });
  };
  const { text } = mod;
  for (const name of namesIn(node, text, text.slice(node.from, node.to))) {
    if (full) add(name, 'a', lastBefore(assignersOf(memo, text).get(name) ?? [], node.from), true);
    const bindings = mod.bindingCalls.get(name);
    if (bindings) {
      add(name, 'b', lastBefore(bindings, node.from)?.parent, true);
      add(name, 'B', bindings.at(-1)?.parent, true);
    }
    if (mod.definitionNames.has(name)) add(name, 'd', findDefinition(mod, name, node.from)?.node, false);
  }
  if (!known) byFrom.set(node.from, { to: node.to, value: edges });
  return edges;
}

/**
 * What the analysis of `start` can read from the rest of the module, as a key: for each name it mentions, the
 * module-level statement assigning it last before the use (when `viaAssignments`: top-level code, not function
 * bodies), the module-level `name = Call(...)` bindings (last before the use and last in the file), and the
 * definition it names — followed transitively through the statements found — each by the id of its text
 * (`textId`). Null when there are too many.
 */
export function moduleDependencies(
  start: SyntaxNode,
  mod: ModuleContext,
  viaAssignments: boolean,
): string | null {
  const seen = new Map<number, number>();
  const parts: string[] = [];
  const queue: { node: SyntaxNode; full: boolean }[] = [{ node: start, full: viaAssignments }];
  seen.set(start.from, -1);
  for (let i = 0; i < queue.length && parts.length <= MAX_DEPENDENCIES; i++) {
    const { node, full } = queue[i];
    for (const edge of edgesOf(node, mod, full)) {
      const to = edge.node;
      const known = seen.get(to.from);
      if (known !== undefined) {
        parts.push(`${edge.label}@${known}`);
        continue;
      }
      seen.set(to.from, parts.length);
      edge.resolved ??= `${edge.label}#${nodeTextId(to, mod)}`;
      parts.push(edge.resolved);
      if (edge.follow) queue.push({ node: to, full: true });
    }
  }
  return parts.length > MAX_DEPENDENCIES ? null : parts.join('\u0002');
}
