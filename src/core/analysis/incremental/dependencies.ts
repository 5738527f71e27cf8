import type { SyntaxNode } from '@lezer/common';
import type { Definition, ModuleContext } from '../bind';
import type { Expr } from '../syntax';
import { type Stmt, subExprs, toStmt } from '../syntax';
import { unlessTooDeep } from './stackGuard';
import type { Memo, TextIds } from './textIds';

/** Beyond this many entries `ModuleKeys.listing` is not worth building: findings anchored there are not cached. */
const MAX_LISTED = 4096;

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
 * Where a finding's `definedAt` outside the analysed node lies: `offset` into the `target`-th node of the exact
 * listing (`listed`) of what the analysis reads, which a parse has only when its listing is the same.
 */
export interface Anchor {
  listed: readonly (string | number)[];
  target: number;
  offset: number;
}

/**
 * A key of what an analysis reads from the module (`key`), with `anchor` to place a position in what it reads,
 * and `place` to find it again in another parse.
 */
export interface Dependencies {
  key: string;
  /** A node the key covers that contains `at`, as an anchor; null when none does (or too many to list). */
  anchor(at: number): Anchor | null;
  /** The offset `anchor` stands for in this parse; null unless what the analysis reads is listed the same. */
  place(anchor: Anchor): number | null;
}

/** Memo entries by a node's start, holding its end: a node starting there with another end is not memoised. */
type BySpan<T> = Map<number, { to: number; value: T }>;

/**
 * The exact listing of what a node reads (`ModuleKeys.listing`): for each edge its label, then the text id (times
 * two, plus one when read with assignments) of a node met first, or -1 for the node listed from and -2 - i for the
 * i-th node listed; and the nodes in the order it lists them.
 */
interface Listing {
  listed: (string | number)[];
  targets: SyntaxNode[];
}

/**
 * A node of the dependency graph: a module-level node read with (`full`) or without module-level assignments,
 * with the state of the search for strongly connected components.
 */
interface Vertex {
  node: SyntaxNode;
  full: boolean;
  /** The text id of `node`, then f/b for `full`. */
  label: string;
  /** The module facts its names read (`ModuleKeys.factsOf`). */
  facts: string;
  /** The text id of `node` times two, plus one when `full`. */
  text: number;
  edges: Edge[];
  /** The vertices `edges` lead to, once the search has been through them. */
  targets: Vertex[] | null;
  /** Tarjan's search: discovery index, lowest index reachable, next edge to follow, whether on the stack. */
  index: number;
  low: number;
  next: number;
  onStack: boolean;
  /** The id of the closure's description once its component is done, else -1. */
  id: number;
  /** `ModuleKeys.listing` from here, once asked for (null: too many). */
  listing?: Listing | null;
}

/**
 * The cache keys of one parse's module: text ids of its nodes and what each reads from the module
 * (`dependencies`). It remembers what it has worked out by node span, for this parse only; what holds for any
 * parse with the same texts it takes from and leaves in the session's `caches`.
 *
 * What a node reads is a graph over module-level nodes (top-level statements, definitions, `x = Call()`
 * bindings). A node's key is the id of its closure: the description of its strongly connected component (its
 * members in file order, each by text id, the module facts its names read (`factsOf`) and its edges, an edge
 * inside the component by the target's place in it, one out of it by the target's closure id) — computed once
 * per parse for each node, however many nodes reach it. Equal keys thus mean equal texts and facts read along
 * equal edges, to any depth. Which of those nodes are one and the same (a finding's `definedAt` in one of them)
 * only the exact `listing` tells: built for the few keys whose findings are anchored there, not for every key.
 */
export class ModuleKeys {
  private readonly ids: BySpan<number> = new Map();
  /** By `from * 2 + full`. */
  private readonly vertices = new Map<number, Vertex>();
  private assigners: Map<string, SyntaxNode[]> | null = null;
  /** `factsOf` by the names (the session's `reads` array for a text). */
  private readonly facts = new WeakMap<readonly string[], string>();
  private counter = 0;

  constructor(
    readonly mod: ModuleContext,
    private readonly script: SyntaxNode,
    readonly caches: KeyCaches,
  ) {}

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
   * inlines those it calls) — each by the id of its text. Null when another node starting where `start` starts
   * was met first (analyse afresh).
   */
  dependencies(start: SyntaxNode, viaAssignments: boolean): Dependencies | null {
    const root = this.vertex(start, viaAssignments);
    if (!root) return null;
    const id = this.closure(root);
    if (id < 0) return null;
    return {
      key: `${id}`,
      anchor: (at) => {
        const listing = this.listing(root);
        const target = listing ? listing.targets.findIndex((t) => t.from <= at && at <= t.to) : -1;
        return listing && target >= 0
          ? { listed: listing.listed, target, offset: at - listing.targets[target].from }
          : null;
      },
      place: (anchor) => {
        const listing = this.listing(root);
        return listing && sameListing(listing.listed, anchor.listed)
          ? listing.targets[anchor.target].from + anchor.offset
          : null;
      },
    };
  }

  /** The vertex of `node` read with or without assignments; null when another node starts at the same place. */
  private vertex(node: SyntaxNode, full: boolean): Vertex | null {
    const at = node.from * 2 + (full ? 1 : 0);
    const known = this.vertices.get(at);
    if (known) return known.node.to === node.to ? known : null;
    const text = this.textId(node);
    const v: Vertex = {
      node,
      full,
      label: `${text}${full ? 'f' : 'b'}`,
      text: text * 2 + (full ? 1 : 0),
      facts: this.factsOf(this.namesIn(node)),
      edges: this.edgesOf(node, full),
      targets: null,
      index: -1,
      low: -1,
      next: 0,
      onStack: false,
      id: -1,
    };
    this.vertices.set(at, v);
    return v;
  }

  /** The closure id of `root` (Tarjan's search from it, iteratively); -1 when a node could not be a vertex. */
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
        v.targets ??= [];
        v.targets.push(t);
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

  /** Gives the members of a finished strongly connected component their closure ids. */
  private finish(members: Vertex[]): void {
    for (const m of members) m.onStack = false;
    if (members.length > 1)
      members.sort((a, b) => a.node.from - b.node.from || Number(a.full) - Number(b.full));
    const place = new Map(members.map((m, i) => [m, i]));
    const parts: string[] = [];
    for (const m of members) {
      let part = `${m.label}:${m.facts}|`;
      for (let i = 0; i < m.edges.length; i++) {
        const edge = m.edges[i];
        const t = (m.targets as Vertex[])[i];
        const inside = place.get(t);
        part += inside === undefined ? `${edge.label}#${t.id},` : `${edge.label}=${inside},`;
      }
      parts.push(part);
    }
    const { ids } = this.caches;
    const component = ids.id(`\u0003${parts.join(';')}`);
    if (members.length === 1) members[0].id = component;
    else
      members.forEach((m, i) => {
        m.id = ids.id(`\u0003${i}@${component}`);
      });
  }

  /** Resets the vertices of an abandoned search, so that a later one starts afresh. */
  private abandon(stack: Vertex[]): void {
    for (const v of stack) {
      v.index = v.low = -1;
      v.next = 0;
      v.onStack = false;
      v.targets = null;
    }
  }

  /**
   * What `root` reads, listed exactly: breadth first, each node first met by its text id, again by where it was
   * first listed — so equal listings mean the same nodes, met the same way. What anchors a position (a
   * finding's `definedAt`) in what an analysis read: its cost is only paid for findings that have one. Null when
   * there are too many to list.
   */
  private listing(root: Vertex): Listing | null {
    if (root.listing !== undefined) return root.listing;
    const seen = new Map<number, number>();
    const listed: (string | number)[] = [];
    const targets: SyntaxNode[] = [];
    const queue: Vertex[] = [root];
    seen.set(root.node.from, -1);
    for (let i = 0; i < queue.length && listed.length <= 2 * MAX_LISTED; i++) {
      const { edges } = queue[i];
      const through = queue[i].targets;
      for (let e = 0; e < edges.length; e++) {
        const edge = edges[e];
        const to = edge.node;
        listed.push(edge.label);
        const known = seen.get(to.from);
        if (known !== undefined) {
          listed.push(-2 - known);
          continue;
        }
        const t = through ? through[e] : this.vertex(to, edge.full);
        if (!t) {
          root.listing = null;
          return null;
        }
        seen.set(to.from, targets.length);
        targets.push(to);
        listed.push(t.text);
        queue.push(t);
      }
    }
    root.listing = listed.length > 2 * MAX_LISTED ? null : { listed, targets };
    return root.listing;
  }

  /**
   * The module facts an analysis of code mentioning `names` reads: the import alias of each name and its constant
   * (`ModuleContext.aliases`, `constants`; looked up by name only), and those of the names in the constants, in
   * order. Rather than every fact of the module: an import or constant added elsewhere leaves the key alone.
   */
  private factsOf(names: readonly string[]): string {
    const known = this.facts.get(names);
    if (known !== undefined) return known;
    const { aliases, constants, text } = this.mod;
    const queue = [...names, 'self'];
    const seen = new Set<string>();
    let facts = '';
    for (let i = 0; i < queue.length; i++) {
      const name = queue[i];
      if (seen.has(name)) continue;
      seen.add(name);
      const alias = aliases.get(name);
      if (alias !== undefined) facts += `${name}>${alias.length}:${alias};`;
      if (!constants.has(name)) continue;
      const value = constants.get(name);
      const own = value ? text.slice(value.from, value.to) : '?';
      facts += `${name}=${own.length}:${own};`;
      if (value) namesOf(value, queue);
    }
    this.facts.set(names, facts);
    return facts;
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
        for (const name of this.caches.assigns.get(this.textId(node), () => boundAtTopLevel(node, text))) {
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

function sameListing(a: readonly (string | number)[], b: readonly (string | number)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
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
  const classes = defs.filter((d) => d.kind === 'class');
  const functions = defs.filter((d) => d.kind === 'def');
  const found: Definition[] = [];
  const add = (d: Definition | undefined): void => {
    if (d && !found.includes(d)) found.push(d);
  };
  for (const list of [defs, classes, functions]) add(lastAtOrBefore(list, before) ?? list[0]);
  add(defs.at(-1));
  add(functions.at(-1));
  return found;
}

/** The last of `defs` (in file order) that starts at or before `before`. */
function lastAtOrBefore(defs: readonly Definition[], before: number): Definition | undefined {
  let lo = 0;
  let hi = defs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (defs[mid].node.from <= before) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? defs[lo - 1] : undefined;
}

/** The names an expression reads (pushed to `out`). */
function namesOf(e: Expr, out: string[]): void {
  const stack: Expr[] = [e];
  while (stack.length > 0) {
    const x = stack.pop() as Expr;
    if (x.kind === 'name') out.push(x.id);
    else stack.push(...subExprs(x));
  }
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

/**
 * Names a top-level statement binds as `lastAssignment` sees them: plain `x = …` targets, through if/for/with/try
 * bodies (unlike `scope.ts`'s `assignedNames`, which also counts tuple targets and `+=` in a function).
 */
function boundAtTopLevel(node: SyntaxNode, text: string): Set<string> {
  const names = new Set<string>();
  const visit = (stmts: Stmt[]): void => {
    for (const st of stmts) {
      if (st.kind === 'assign') for (const t of st.targets) if (t.kind === 'name') names.add(t.id);
      if (st.kind === 'block') st.bodies.forEach(visit);
    }
  };
  const st = unlessTooDeep(
    () => toStmt(node, text),
    () => null,
  );
  if (st) visit([st]);
  else for (const target of plainTargets(node)) names.add(text.slice(target.from, target.to));
  return names;
}

/** The bare names before an assignment's first `=` (what a statement too deep to simplify assigns, at least). */
function plainTargets(node: SyntaxNode): SyntaxNode[] {
  const targets: SyntaxNode[] = [];
  if (node.name !== 'AssignStatement') return targets;
  for (let child = node.firstChild; child && child.name !== 'AssignOp'; child = child.nextSibling)
    if (child.name === 'VariableName') targets.push(child);
  return targets;
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
