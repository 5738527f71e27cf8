import type { SyntaxNode } from '@lezer/common';
import {
  buildModule,
  type Definition,
  type ImportSource,
  type ModuleCaches,
  type ModuleContext,
} from '../bind';
import type { DefinitionResult } from '../classify';
import type { RawFinding } from '../report';
import { analyzeFresh, resolvedByConstructions } from '../report';
import { drain, LineIndex, type PythonParse, parsePython } from '../syntax';
import { definitionKey, restoreFindings, type StoredDefinition, shift, storeFindings } from './cache';
import { calleesOf, type KeyCaches, ModuleKeys } from './dependencies';
import { type StatementCache, statementFindings } from './incremental';
import { unlessTooDeep } from './stackGuard';
import type { Memo } from './textIds';

/** Everything a `FileAnalysis` reuses from other parses: an `AnalysisSession`'s caches. */
export interface FileCaches extends ModuleCaches, KeyCaches {
  /** Definitions' analyses, by `definitionKey`. */
  readonly definitions: Memo<string, StoredDefinition>;
  readonly statements: StatementCache;
}

interface DefinitionAnalysis {
  result: DefinitionResult | null;
  /** Absolute offsets. */
  findings: RawFinding[];
}

/**
 * The analysis of one parse, computed on demand: the module context up front (cheap), each definition and each
 * top-level statement only when asked for — from `caches`, keyed by text, when they are unchanged; everything
 * afresh when `caches` is null.
 */
/** The modules a file imports, each parsed once, with what they import in turn. */
function importedModules(source: ImportSource): (module: string) => ModuleContext | null {
  const parsed = new Map<string, ModuleContext | null>();
  return (module) => {
    if (!parsed.has(module)) {
      parsed.set(module, null);
      const found = source(module);
      if (found) {
        const mod = buildModule(parsePython(found.text).tree, found.text, null);
        mod.imports = importedModules(found.imports);
        parsed.set(module, mod);
      }
    }
    return parsed.get(module) ?? null;
  };
}

export class FileAnalysis {
  readonly mod: ModuleContext;
  /** This parse's cache keys; null without caches. */
  private readonly keys: ModuleKeys | null;
  private readonly definitions = new Map<Definition, DefinitionAnalysis>();
  /** Top-level statements' findings, by start. */
  private readonly statements = new Map<number, RawFinding[]>();
  private lineIndex: LineIndex | null = null;

  constructor(
    private readonly parse: PythonParse,
    private readonly caches: FileCaches | null,
    imports?: ImportSource,
  ) {
    this.mod = buildModule(parse.tree, parse.text, caches);
    if (imports) this.mod.imports = importedModules(imports);
    this.keys = caches && new ModuleKeys(this.mod, parse.tree.topNode, caches);
  }

  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.parse.text);
    return this.lineIndex;
  }

  readonly resultOf = (def: Definition): DefinitionResult | null => this.definition(def).result;

  /** Every finding: the definitions' (in file order), then the top-level statements'. */
  all(): RawFinding[] {
    return drain(this.steps());
  }

  /**
   * `all`, yielding after each definition and top-level statement, so a caller can spread the work over time. With
   * `from` (a notebook cell after its prelude), only the findings that start there or later.
   */
  *steps(from = 0): Generator<void, RawFinding[]> {
    const raw: RawFinding[] = [];
    for (const def of from === 0 ? this.mod.definitions : this.definitionsFrom(from)) {
      raw.push(...this.definitionFindings(def));
      yield;
    }
    for (const node of topLevel(this.parse.tree.topNode, from, this.parse.text.length)) {
      raw.push(...this.statement(node));
      yield;
    }
    return from === 0 ? raw : raw.filter((f) => f.from >= from);
  }

  /**
   * The findings whose range contains `offset`, in the order `all` lists them. They lie in the top-level
   * statement there, but may come from definitions elsewhere that inline a function of it.
   */
  at(offset: number): RawFinding[] {
    const tops = topLevel(this.parse.tree.topNode, offset, offset);
    const inTops = (d: Definition): boolean => tops.some((t) => t.from <= d.node.from && d.node.to <= t.to);
    const own = this.mod.definitions.filter(inTops);
    const callers = inliningCallers(this.mod, own, inTops, this.keys);
    const raw: RawFinding[] = [];
    for (const def of this.mod.definitions)
      if (own.includes(def) || callers.has(def)) raw.push(...this.definitionFindings(def));
    for (const node of tops) raw.push(...this.statement(node));
    return raw.filter((f) => f.from <= offset && offset <= f.to);
  }

  /** The definitions from `from` on, and those before it that inline one of their functions, in file order. */
  private definitionsFrom(from: number): Definition[] {
    const isOwn = (d: Definition): boolean => d.node.from >= from;
    const own = this.mod.definitions.filter(isOwn);
    const callers = inliningCallers(this.mod, own, isOwn, this.keys);
    return this.mod.definitions.filter((d) => isOwn(d) || callers.has(d));
  }

  private statement(node: SyntaxNode): RawFinding[] {
    const known = this.statements.get(node.from);
    if (known) return known;
    const { caches, keys } = this;
    const keyed = caches && keys && { keys, statements: caches.statements };
    const found = unlessTooDeep(
      () => statementFindings(node, this.mod, this.resultOf, keyed),
      () => [],
    );
    this.statements.set(node.from, found);
    return found;
  }

  /** A definition's findings; one delegated to the criterion it is given, resolved by the constructions of it. */
  private definitionFindings(def: Definition): RawFinding[] {
    const { findings } = this.definition(def);
    if (!findings.some((f) => f.delegates)) return findings;
    const sites = this.constructionsOf(def);
    return findings.map((f) => (f.delegates ? resolvedByConstructions(f, sites) : f));
  }

  /**
   * The call findings of each construction (or call) of `def` elsewhere in the file, null for a mention of its
   * name that is none (passed as a value, an `isinstance` test); none when another definition has its name.
   */
  private constructionsOf(def: Definition): (RawFinding | null)[] {
    if ((this.mod.definitionsByName.get(def.name)?.length ?? 0) > 1) return [];
    const root = this.parse.tree.topNode;
    const sites: (RawFinding | null)[] = [];
    const cur = root.cursor();
    while (cur.next()) {
      const inside = def.node.from <= cur.from && cur.to <= def.node.to;
      if (inside || cur.name !== 'VariableName' || this.mod.text.slice(cur.from, cur.to) !== def.name)
        continue;
      const call = cur.node.parent;
      const called = call?.name === 'CallExpression' && call.firstChild?.from === cur.from ? call : null;
      const [top] = called ? topLevel(root, called.from, called.from) : [];
      const found = top && this.statement(top).find((f) => sameCall(f, called as SyntaxNode, def));
      sites.push(found ?? null);
    }
    return sites;
  }

  private definition(def: Definition): DefinitionAnalysis {
    let done = this.definitions.get(def);
    if (!done) {
      const { result, findings } = this.cachedDefinition(def);
      done = {
        result: result && {
          ...result,
          def,
          ctx: { mod: this.mod, syms: new Map(), depth: 0, calls: { torchLosses: 0 } },
        },
        findings,
      };
      this.definitions.set(def, done);
    }
    return done;
  }

  /** A definition's result and findings (absolute offsets): from the caches when its key is there. */
  private cachedDefinition(def: Definition): { result: StoredDefinition['result']; findings: RawFinding[] } {
    const fresh = () =>
      unlessTooDeep(
        () => {
          const { result, findings } = analyzeFresh(def, this.mod);
          return { result, findings: findings.map((f) => shift(f, def.node.from)) };
        },
        () => ({ result: null, findings: [] }),
      );
    const key = this.keys && definitionKey(def, this.keys);
    if (!this.caches || !key) return fresh();
    const hit = this.caches.definitions.lookup(key.key);
    const restored = hit && restoreFindings(hit.findings, def.node, key.deps);
    if (hit && restored) return { result: hit.result, findings: restored };
    const computed = fresh();
    const stored = storeFindings(computed.findings, def.node, key.deps);
    if (stored) this.caches.definitions.store(key.key, { result: computed.result, findings: stored });
    return computed;
  }
}

/** The loss finding of a call of `def` at `call`. */
function sameCall(f: RawFinding, call: SyntaxNode, def: Definition): boolean {
  return f.kind === 'loss' && f.from === call.from && f.to === call.to && f.definedAt === def.node.from;
}

/** Top-level statements (not comments) that overlap [from, to], ends inclusive. */
function topLevel(root: SyntaxNode, from: number, to: number): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let node = root.firstChild; node && node.from <= to; node = node.nextSibling)
    if (node.to >= from && node.name !== 'Comment') out.push(node);
  return out;
}

/** Definitions elsewhere that call one of `own`'s functions by name, directly or through other functions. */
function inliningCallers(
  mod: ModuleContext,
  own: Definition[],
  isOwn: (d: Definition) => boolean,
  keys: ModuleKeys | null,
): Set<Definition> {
  const called = new Set(own.filter((d) => d.kind === 'def').map((d) => d.name));
  const callers = new Set<Definition>();
  if (called.size === 0) return callers;
  const others = mod.definitions.filter((d) => !isOwn(d));
  const callees = others.map((d) => calleesOf(d.node, mod, keys));
  for (let grew = true; grew; ) {
    grew = false;
    others.forEach((d, i) => {
      if (callers.has(d) || !callees[i].some((n) => called.has(n))) return;
      callers.add(d);
      if (d.kind === 'def') called.add(d.name);
      grew = true;
    });
  }
  return callers;
}
