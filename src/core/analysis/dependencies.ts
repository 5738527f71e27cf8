import type { SyntaxNode } from '@lezer/common';
import type { Definition, ModuleContext } from './module';
import { type Stmt, toStmt } from './stmt';
import type { Memo, TextIds } from './textIds';

/** Beyond this many module-level dependencies a key is not worth building: the caller analyses afresh. */
const MAX_DEPENDENCIES = 1024;

/** What `ModuleKeys` reuses across parses (an `AnalysisSession`'s caches). */
export interface KeyCaches {
  readonly ids: TextIds;
  /** Every bare name a node mentions, by its text. */
  readonly reads: Memo<string, string[]>;
  /** The names a top-level statement assigns, by its text. */
  readonly assigns: Memo<string, Set<string>>;
  /** Bare names called inside a node, by the id of its text. */
  readonly callees: Memo<number, string[]>;
}

/**
 * One module-level value a statement reads: `kind` a (assignment), b/B (binding before/last), d (a definition
 * of the name, `definitionsRead`).
 */
interface Edge {
  /** `${name}${kind}`; `resolved` adds `#` and the text id of `node` once known. */
  label: string;
  resolved: string | null;
  node: SyntaxNode;
  /** Follow on to what `node` reads: with module-level assignments (top-level code) or without (definitions). */
  follow: 'full' | 'bodies';
}

/**
 * A key of what an analysis reads from the module, and the module-level nodes it lists (`targets`, in order):
 * two parses with equal keys have targets of equal texts, so an offset into the i-th target of one (where a
 * finding's `definedAt` points) is an offset into the i-th target of the other.
 */
export interface Dependencies {
  key: string;
  targets: SyntaxNode[];
}

/** Memo entries by a node's start, holding its end: a node starting there with another end is not memoised. */
type BySpan<T> = Map<number, { to: number; value: T }>;

/**
 * The cache keys of one parse's module: text ids of its nodes, what each reads from the module
 * (`dependencies`), the module facts (`signature`). It remembers what it has worked out by node span, for this
 * parse only; what holds for any parse with the same texts it takes from and leaves in the session's `caches`.
 */
export class ModuleKeys {
  /** The module facts (`moduleSignature`) as a text id. */
  readonly signature: string;
  private readonly ids: BySpan<number> = new Map();
  /** By `full`: with assignments, without. */
  private readonly edges: [BySpan<Edge[]>, BySpan<Edge[]>] = [new Map(), new Map()];
  private assigners: Map<string, SyntaxNode[]> | null = null;

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
   * inlines those it calls) — each by the id of its text. Null when there are too many.
   */
  dependencies(start: SyntaxNode, viaAssignments: boolean): Dependencies | null {
    const seen = new Map<number, number>();
    const parts: string[] = [];
    const targets: SyntaxNode[] = [];
    const queue: { node: SyntaxNode; full: boolean }[] = [{ node: start, full: viaAssignments }];
    seen.set(start.from, -1);
    for (let i = 0; i < queue.length && parts.length <= MAX_DEPENDENCIES; i++) {
      const { node, full } = queue[i];
      for (const edge of this.edgesOf(node, full)) {
        const to = edge.node;
        const known = seen.get(to.from);
        if (known !== undefined) {
          parts.push(`${edge.label}@${known}`);
          continue;
        }
        seen.set(to.from, parts.length);
        targets.push(to);
        edge.resolved ??= `${edge.label}#${this.textId(to)}`;
        parts.push(edge.resolved);
        queue.push({ node: to, full: edge.follow === 'full' });
      }
    }
    return parts.length > MAX_DEPENDENCIES ? null : { key: parts.join('\u0002'), targets };
  }

  /** What `node` reads from the module, in the order `dependencies` lists it (once per parse). */
  private edgesOf(node: SyntaxNode, full: boolean): Edge[] {
    const byFrom = this.edges[full ? 0 : 1];
    const known = byFrom.get(node.from);
    if (known?.to === node.to) return known.value;
    const edges: Edge[] = [];
    const add = (
      name: string,
      kind: string,
      to: SyntaxNode | null | undefined,
      follow: Edge['follow'],
    ): void => {
      if (to) edges.push({ label: `${name}${kind}`, resolved: null, node: to, follow });
    };
    const { mod } = this;
    for (const name of this.namesIn(node)) {
      if (full) add(name, 'a', lastBefore(this.assignersOf().get(name) ?? [], node.from), 'full');
      const bindings = mod.bindingCalls.get(name);
      if (bindings) {
        add(name, 'b', lastBefore(bindings, node.from)?.parent, 'full');
        add(name, 'B', bindings.at(-1)?.parent, 'full');
      }
      for (const def of definitionsRead(mod, name, node.from)) add(name, 'd', def.node, 'bodies');
    }
    if (!known) byFrom.set(node.from, { to: node.to, value: edges });
    return edges;
  }

  /** Every bare name `node` mentions (reads, calls, assigns). */
  private namesIn(node: SyntaxNode): string[] {
    const { text } = this.mod;
    return this.caches.reads.get(text.slice(node.from, node.to), () => namesIn(node, text));
  }

  /** Top-level statements that assign each name, in file order. */
  private assignersOf(): Map<string, SyntaxNode[]> {
    if (!this.assigners) {
      const { text } = this.mod;
      const index = new Map<string, SyntaxNode[]>();
      for (let node = this.script.firstChild; node; node = node.nextSibling) {
        if (NEVER_ASSIGNS.has(node.name)) continue;
        const own = text.slice(node.from, node.to);
        for (const name of this.caches.assigns.get(own, () => assignedNames(node, text))) {
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
