import type { SyntaxNode } from '@lezer/common';
import type { Definition, ModuleContext } from './module';
import { type Stmt, toStmt } from './stmt';
import type { Memo, TextIds } from './textIds';

/** What `ModuleKeys` reuses across parses (an `AnalysisSession`'s caches). */
export interface KeyCaches {
  /** Texts as ids; also the ids of closures (`ModuleKeys.dependencies`), by their description. */
  readonly ids: TextIds;
  /** Every bare name a node mentions, by the id of its text. */
  readonly reads: Memo<number, string[]>;
  /** The names a top-level statement assigns, by the id of its text. */
  readonly assigns: Memo<number, Set<string>>;
  /** Bare names called inside a node, by the id of its text. */
  readonly callees: Memo<number, string[]>;
}

/**
 * One module-level value a node reads: `label` is `${name}${kind}`, kind a (assignment), b/B (binding
 * before/last), d (a definition of the name, `definitionsRead`).
 */
interface Edge {
  label: string;
  node: SyntaxNode;
  /** Follow on to what `node` reads: with module-level assignments (top-level code) or without (definitions). */
  full: boolean;
}

/**
 * Where a finding's `definedAt` outside the analysed node lies: `offset` into the module-level node labelled
 * `target` (`ModuleKeys` labels: text id and rank among the nodes of that text).
 */
export interface Anchor {
  target: string;
  offset: number;
}

/**
 * A key of what an analysis reads from the module (`key`), with `anchor` to place a position in what it reads
 * as a label and offset, and `place` to find that label again in a parse whose key is equal.
 */
export interface Dependencies {
  key: string;
  /** The innermost node the key covers containing `at`, as an anchor; null when none does. */
  anchor(at: number): Anchor | null;
  /** The offset `anchor` stands for in this parse; null when the label is not in this parse. */
  place(anchor: Anchor): number | null;
}

/** Memo entries by a node's start, holding its end: a node starting there with another end is not memoised. */
type BySpan<T> = Map<number, { to: number; value: T }>;

/**
 * A node of the dependency graph: a module-level node read with (`full`) or without module-level assignments,
 * with the state of the strongly connected components search (`closure`).
 */
interface Vertex {
  node: SyntaxNode;
  full: boolean;
  /** Text id and rank among the module-level nodes of the same text, then f/b for `full`. */
  label: string;
  edges: Edge[];
  /** Tarjan's search: discovery index, lowest index reachable, next edge to follow, whether on the stack. */
  index: number;
  low: number;
  next: number;
  onStack: boolean;
  /** The id of the closure's description once its component is done, else -1. */
  id: number;
}

/**
 * The cache keys of one parse's module: text ids of its nodes, what each reads from the module
 * (`dependencies`), the module facts (`signature`). It remembers what it has worked out by node span, for this
 * parse only; what holds for any parse with the same texts it takes from and leaves in the session's `caches`.
 *
 * What a node reads is a graph over the module-level nodes (top-level statements, definitions, `x = Call()`
 * bindings), each labelled by its text id and its rank among the module-level nodes of the same text — labels
 * are unique in a parse. A node's key is the id of its closure: the description of its strongly connected
 * component (every member's label and edges, an edge into the component by the target's label, one out of it by
 * the target's closure id), computed once per parse for each node however many nodes reach it. Equal keys thus
 * mean equal labelled graphs of what the nodes read, node for node.
 */
export class ModuleKeys {
  /** The module facts (`moduleSignature`) as a text id. */
  readonly signature: string;
  private readonly ids: BySpan<number> = new Map();
  /** By `from * 2 + full`. */
  private readonly vertices = new Map<number, Vertex>();
  private assigners: Map<string, SyntaxNode[]> | null = null;
  /** Labels of the module-level nodes, and the nodes by label. */
  private labels: { bySpan: BySpan<string>; nodes: Map<string, SyntaxNode> } | null = null;
  private counter = 0;

  constructor(
    readonly mod: ModuleContext,
    private readonly script: SyntaxNode,
    readonly caches: KeyCaches,
  ) {
    this.signature = `${caches.ids.id(moduleSignature(mod))}`;
  }

  /** The text id of `node` (the text sliced and hashed once per parse). */
  textId(node: SyntaxNode): number {
    const known = this.ids.get(node.from);
    if (known?.to === node.to) return known.value;
    const id = this.caches.ids.id(this.mod.text.slice(node.from, node.to));
    if (!known) this.ids.set(node.from, { to: node.to, value: id });
    return id;
  }

  /**
   * What the analysis of `start` can read from the rest of the module, as a key: for each name it mentions, the
   * module-level statement assigning it last before the use (when `viaAssignments`: top-level code, not function
   * bodies), the module-level `name = Call(...)` bindings (last before the use and last in the file), and the
   * definitions it names — followed transitively through the statements and definitions found (a definition
   * inlines those it calls) — each by its label (text id and rank). Null when `start` is not a module-level node.
   */
  dependencies(start: SyntaxNode, viaAssignments: boolean): Dependencies | null {
    const root = this.vertex(start, viaAssignments);
    if (!root) return null;
    const id = this.closure(root);
    if (id < 0) return null;
    return {
      key: `${id}`,
      anchor: (at) => this.anchor(root, at),
      place: (anchor) => {
        const node = this.labelled().nodes.get(anchor.target);
        return node ? node.from + anchor.offset : null;
      },
    };
  }

  /** The vertex of `node` read with or without assignments; null when `node` is not a module-level node. */
  private vertex(node: SyntaxNode, full: boolean): Vertex | null {
    const at = node.from * 2 + (full ? 1 : 0);
    const known = this.vertices.get(at);
    if (known) return known.node.to === node.to ? known : null;
    const label = this.labelled().bySpan.get(node.from);
    if (label?.to !== node.to) return null;
    const v: Vertex = {
      node,
      full,
      label: `${label.value}${full ? 'f' : 'b'}`,
      edges: this.edgesOf(node, full),
      index: -1,
      low: -1,
      next: 0,
      onStack: false,
      id: -1,
    };
    this.vertices.set(at, v);
    return v;
  }

  /** The closure id of `root` (Tarjan's search from it, iteratively); -1 when it reaches an unlabelled node. */
  private closure(root: Vertex): number {
    if (root.id >= 0) return root.id;
    const stack: Vertex[] = [];
    const path: Vertex[] = [];
    const enter = (v: Vertex): void => {
      v.index = v.low = this.counter++;
      v.onStack = true;
      stack.push(v);
      path.push(v);
    };
    enter(root);
    while (path.length > 0) {
      const v = path[path.length - 1];
      if (v.next < v.edges.length) {
        const edge = v.edges[v.next++];
        const t = this.vertex(edge.node, edge.full);
        if (!t) {
          this.abandon(stack);
          return -1;
        }
        if (t.id >= 0) continue;
        if (t.index < 0) enter(t);
        else if (t.onStack) v.low = Math.min(v.low, t.index);
        continue;
      }
      path.pop();
      const parent = path[path.length - 1];
      if (parent) parent.low = Math.min(parent.low, v.low);
      if (v.low === v.index) this.finish(stack.splice(stack.lastIndexOf(v)));
    }
    return root.id;
  }

  /** Gives the closure ids of a finished strongly connected component. */
  private finish(members: Vertex[]): void {
    for (const m of members) m.onStack = false;
    const inside = new Set(members);
    if (members.length > 1) members.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
    const parts: string[] = [];
    for (const m of members) {
      let part = `${m.label}:`;
      for (const edge of m.edges) {
        const t = this.vertex(edge.node, edge.full) as Vertex;
        part += inside.has(t) ? `${edge.label}=${t.label},` : `${edge.label}#${t.id},`;
      }
      parts.push(part);
    }
    const { ids } = this.caches;
    const component = ids.id(`\u0003${parts.join(';')}`);
    if (members.length === 1) members[0].id = component;
    else for (const m of members) m.id = ids.id(`\u0003${m.label}@${component}`);
  }

  /** Resets the vertices of an abandoned search, so that a later one starts afresh. */
  private abandon(stack: Vertex[]): void {
    for (const v of stack) {
      v.index = v.low = -1;
      v.next = 0;
      v.onStack = false;
    }
  }

  /** The innermost node reachable from `root` (itself included) that contains `at`, as an anchor. */
  private anchor(root: Vertex, at: number): Anchor | null {
    const seen = new Set<Vertex>([root]);
    const queue = [root];
    let best: SyntaxNode | null = null;
    for (let i = 0; i < queue.length; i++) {
      const { node, edges } = queue[i];
      if (node.from <= at && at <= node.to && (!best || node.to - node.from < best.to - best.from))
        best = node;
      for (const edge of edges) {
        const t = this.vertex(edge.node, edge.full);
        if (t && !seen.has(t)) {
          seen.add(t);
          queue.push(t);
        }
      }
    }
    const label = best && this.labelled().bySpan.get(best.from);
    return best && label ? { target: label.value, offset: at - best.from } : null;
  }

  /**
   * Labels of the module-level nodes (top-level statements, definitions, bindings' statements): text id and rank
   * among those of the same text in file order.
   */
  private labelled(): { bySpan: BySpan<string>; nodes: Map<string, SyntaxNode> } {
    if (!this.labels) {
      const { mod } = this;
      const all: SyntaxNode[] = [];
      for (let node = this.script.firstChild; node; node = node.nextSibling) all.push(node);
      for (const d of mod.definitions) all.push(d.node);
      for (const calls of mod.bindingCalls.values()) for (const c of calls) if (c.parent) all.push(c.parent);
      all.sort((a, b) => a.from - b.from || b.to - a.to);
      const bySpan: BySpan<string> = new Map();
      const nodes = new Map<string, SyntaxNode>();
      const ranks = new Map<number, number>();
      for (const node of all) {
        const known = bySpan.get(node.from);
        if (known) continue; // the same node again, or one inside it starting at the same place: not labelled
        const id = this.textId(node);
        const rank = ranks.get(id) ?? 0;
        ranks.set(id, rank + 1);
        const label = `${id}.${rank}`;
        bySpan.set(node.from, { to: node.to, value: label });
        nodes.set(label, node);
      }
      this.labels = { bySpan, nodes };
    }
    return this.labels;
  }

  /** What `node` reads from the module, in order. */
  private edgesOf(node: SyntaxNode, full: boolean): Edge[] {
    const edges: Edge[] = [];
    const add = (name: string, kind: string, to: SyntaxNode | null | undefined, follow: boolean): void => {
      if (to) edges.push({ label: `${name}${kind}`, node: to, full: follow });
    };
    const { mod } = this;
    for (const name of this.namesIn(node)) {
      if (full) add(name, 'a', lastBefore(this.assignersOf().get(name) ?? [], node.from), true);
      const bindings = mod.bindingCalls.get(name);
      if (bindings) {
        add(name, 'b', lastBefore(bindings, node.from)?.parent, true);
        add(name, 'B', bindings.at(-1)?.parent, true);
      }
      for (const def of definitionsRead(mod, name, node.from)) add(name, 'd', def.node, false);
    }
    return edges;
  }

  /** Every bare name `node` mentions (reads, calls, assigns). */
  private namesIn(node: SyntaxNode): string[] {
    return this.caches.reads.get(this.textId(node), () => namesIn(node, this.mod.text));
  }

  /** Top-level statements that assign each name, in file order. */
  private assignersOf(): Map<string, SyntaxNode[]> {
    if (!this.assigners) {
      const { text } = this.mod;
      const index = new Map<string, SyntaxNode[]>();
      for (let node = this.script.firstChild; node; node = node.nextSibling) {
        if (NEVER_ASSIGNS.has(node.name)) continue;
        for (const name of this.caches.assigns.get(this.textId(node), () => assignedNames(node, text))) {
          const list = index.get(name);
          if (list) list.push(node);
          else index.set(name, [node]);
        }
      }
      this.assigners = index;
    }
    return this.assigners;
  }
}

/**
 * The definitions of `name` an analysis of code at `before` may resolve it to, as the analysis looks them up
 * (`findDefinition`): a call to the last one before (else the first after) of any kind, of classes or of
 * functions; a name read as a value or qualified to the last one in the file (of any kind, of functions). Usually
 * one; found in one pass over the definitions of that name.
 */
function definitionsRead(mod: ModuleContext, name: string, before: number): Definition[] {
  const defs = mod.definitionsByName.get(name);
  if (!defs) return [];
  if (defs.length === 1) return defs;
  const kinds = ['any', 'class', 'def'] as const;
  const last = { any: null, class: null, def: null } as Record<(typeof kinds)[number], Definition | null>;
  const lastBeforeOf = { ...last };
  const firstAfter = { ...last };
  for (const d of defs) {
    for (const k of kinds) {
      if (k !== 'any' && d.kind !== k) continue;
      last[k] = d;
      if (d.node.from <= before) lastBeforeOf[k] = d;
      else firstAfter[k] ??= d;
    }
  }
  const found = new Set<Definition>();
  for (const k of kinds) {
    const resolved = lastBeforeOf[k] ?? firstAfter[k];
    if (resolved) found.add(resolved);
  }
  if (last.any) found.add(last.any);
  if (last.def) found.add(last.def);
  return [...found];
}

/** Module facts every definition's meaning depends on: import aliases and constants. */
export function moduleSignature(mod: ModuleContext): string {
  const constants = [...mod.constants].map(([k, v]) => `${k}=${v ? mod.text.slice(v.from, v.to) : '?'}`);
  return `${[...mod.aliases].join(';')}|${constants.join(';')}`;
}

/** Bare names called inside `node` (`f(x)`, not `a.f(x)`), by the node's text when `keys` are given. */
export function calleesOf(node: SyntaxNode, mod: ModuleContext, keys: ModuleKeys | null): string[] {
  const compute = () => calledNames(node, mod.text);
  return keys ? keys.caches.callees.get(keys.textId(node), compute) : compute();
}

function calledNames(node: SyntaxNode, text: string): string[] {
  const set = new Set<string>();
  const cur = node.cursor();
  while (cur.next() && cur.from < node.to) {
    const callee = cur.name === 'CallExpression' ? cur.node.firstChild : null;
    if (callee?.name === 'VariableName') set.add(text.slice(callee.from, callee.to));
  }
  return [...set];
}

/** Every bare name `node` mentions (reads, calls, assigns). */
function namesIn(node: SyntaxNode, text: string): string[] {
  const set = new Set<string>();
  const cur = node.cursor();
  while (cur.next() && cur.from < node.to)
    if (cur.name === 'VariableName') set.add(text.slice(cur.from, cur.to));
  set.delete('self');
  return [...set];
}

/** Names a top-level statement assigns as `lastAssignment` sees them (through if/for/with/try bodies). */
function assignedNames(node: SyntaxNode, text: string): Set<string> {
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
}

const NEVER_ASSIGNS = new Set([
  'FunctionDefinition',
  'ClassDefinition',
  'DecoratedStatement',
  'ImportStatement',
  'Comment',
]);

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
