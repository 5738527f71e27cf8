import type { SyntaxNode, Tree } from '@lezer/common';
import type { Memo } from '../incremental';
import { unlessTooDeep } from '../incremental';
import { children, type Expr, toExpr } from '../syntax';

/** A top-level class or function definition. */
export interface Definition {
  kind: 'class' | 'def';
  name: string;
  node: SyntaxNode;
  nameFrom: number;
}

/** What the whole file says that every analysis needs: import aliases, constants, definitions, top-level code. */
export interface ModuleContext {
  text: string;
  aliases: Map<string, string>;
  /** Module-level names assigned once from a literal expression; null when assigned more than once. */
  constants: Map<string, Expr | null>;
  definitions: Definition[];
  definitionNames: Set<string>;
  /** The definitions by name, in file order. */
  definitionsByName: Map<string, Definition[]>;
  /** `name = Call(...)` at module level, by name: instance calls elsewhere in the file link to these. */
  bindingCalls: Map<string, SyntaxNode[]>;
  /** The workspace's own modules this file imports (`from .utils import …`), when the shell can read them. */
  imports?: (module: string) => ModuleContext | null;
}

/**
 * Finds the source of a module the file imports, as written (`..functional`, `.utils`, `pkg.losses`): its text
 * and how to find what it imports in turn, or null. Supplied by a shell that can read files (the CLI).
 */
export type ImportSource = (module: string) => { text: string; imports: ImportSource } | null;

/** Conventional names people use without importing (notebook cells, snippets). */
const CONVENTIONAL: Record<string, string> = {
  torch: 'torch',
  nn: 'torch.nn',
  F: 'torch.nn.functional',
  np: 'numpy',
};

export type DefinitionName = { name: string; offset: number } | null;

/** What `buildModule` reuses from earlier parses (an `AnalysisSession`'s caches); null: work everything out. */
export interface ModuleCaches {
  /** A definition's name and its offset from the definition's start, by syntax tree (unchanged ones after an edit). */
  readonly names: WeakMap<Tree, DefinitionName>;
  /** The aliases (local name, dotted path) an import statement binds, by its text. */
  readonly imports: Memo<string, [string, string][]>;
}

export function buildModule(tree: Tree, text: string, caches: ModuleCaches | null = null): ModuleContext {
  const mod: ModuleContext = {
    text,
    aliases: new Map(),
    constants: new Map(),
    definitions: [],
    definitionNames: new Set(),
    definitionsByName: new Map(),
    bindingCalls: new Map(),
  };
  collect(tree.topNode, mod, caches);
  for (const d of mod.definitions) {
    const list = mod.definitionsByName.get(d.name);
    if (list) list.push(d);
    else mod.definitionsByName.set(d.name, [d]);
  }
  return mod;
}

function collect(container: SyntaxNode, mod: ModuleContext, caches: ModuleCaches | null): void {
  for (let node = container.firstChild; node; node = node.nextSibling) {
    if (node.name === 'ImportStatement') addImport(node, mod, caches);
    else if (node.name === 'ClassDefinition' || node.name === 'FunctionDefinition')
      addDefinition(node, mod, caches);
    else if (node.name === 'DecoratedStatement' && node.lastChild) addDefinition(node.lastChild, mod, caches);
    else if (node.name === 'AssignStatement') addConstant(node, mod);
    else if (node.name === 'IfStatement' || node.name === 'TryStatement' || node.name === 'WithStatement') {
      for (const body of children(node)) if (body.name === 'Body') collect(body, mod, caches);
    }
  }
}

function definitionName(node: SyntaxNode, text: string, caches: ModuleCaches | null): DefinitionName {
  const tree = caches && node.tree;
  const known = tree ? caches.names.get(tree) : undefined;
  if (known !== undefined && text.startsWith(known?.name ?? '', node.from + (known?.offset ?? 0)))
    return known;
  const nameNode = node.getChild('VariableName');
  const found = nameNode && {
    name: text.slice(nameNode.from, nameNode.to),
    offset: nameNode.from - node.from,
  };
  if (tree) caches.names.set(tree, found);
  return found;
}

function addDefinition(node: SyntaxNode, mod: ModuleContext, caches: ModuleCaches | null): void {
  const found = definitionName(node, mod.text, caches);
  if (!found) return;
  const kind = node.name === 'ClassDefinition' ? 'class' : 'def';
  mod.definitions.push({ kind, name: found.name, node, nameFrom: node.from + found.offset });
  mod.definitionNames.add(found.name);
}

const LITERALS = new Set([
  'Number',
  'String',
  'Boolean',
  'None',
  'UnaryExpression',
  'BinaryExpression',
  'ParenthesizedExpression',
  // `smooth = lambda y, eps: y * (1 - eps) + eps / K`: a module-level helper, called like a def.
  'LambdaExpression',
]);

function addConstant(node: SyntaxNode, mod: ModuleContext): void {
  const kids = children(node);
  if (kids.length !== 3 || kids[0].name !== 'VariableName' || kids[1].name !== 'AssignOp') return;
  const name = mod.text.slice(kids[0].from, kids[0].to);
  if (kids[2].name === 'CallExpression')
    mod.bindingCalls.set(name, [...(mod.bindingCalls.get(name) ?? []), kids[2]]);
  const literal = LITERALS.has(kids[2].name);
  mod.constants.set(name, literal && !mod.constants.has(name) ? literalValue(kids[2], mod.text) : null);
  // `criterion = lambda x, y: …`: a loss written as a lambda is a definition under the name it is given.
  if (kids[2].name === 'LambdaExpression') {
    mod.definitions.push({ kind: 'def', name, node: kids[2], nameFrom: kids[0].from });
    mod.definitionNames.add(name);
  }
  // `sigmoid = functional.sigmoid` at module level names torch's function, as `from … import sigmoid` would; so
  // does `_ce = flash_attn_ce.cross_entropy_loss` a function of a module it imports.
  const held = kids[2].name === 'MemberExpression' ? literalValue(kids[2], mod.text) : null;
  const full = held ? qualify(held, mod) : null;
  const imported = full?.startsWith('torch.') || (held !== null && mod.aliases.has(rootName(held) ?? ''));
  if (full && imported && !mod.aliases.has(name)) mod.aliases.set(name, full);
}

/** Its own function, not a closure made for every top-level assignment: each parse builds the module again. */
function literalValue(node: SyntaxNode, text: string): Expr | null {
  return unlessTooDeep(
    () => toExpr(node, text),
    () => null,
  );
}

function addImport(node: SyntaxNode, mod: ModuleContext, caches: ModuleCaches | null): void {
  const compute = () => importAliases(node, mod.text);
  const bound = caches ? caches.imports.get(mod.text.slice(node.from, node.to), compute) : compute();
  for (const [local, full] of bound) mod.aliases.set(local, full);
}

function importAliases(node: SyntaxNode, text: string): [string, string][] {
  const bound: [string, string][] = [];
  const kids = children(node);
  const words = kids.map((k) => ({ name: k.name, text: text.slice(k.from, k.to) }));
  const importAt = words.findIndex((w) => w.name === 'import');
  const dotted = (ws: typeof words): string =>
    ws
      .filter((w) => w.name === 'VariableName' || w.name === '.')
      .map((w) => w.text)
      .join('');
  const base = words[0]?.name === 'from' ? dotted(words.slice(1, importAt)) : '';
  for (const clause of splitClauses(words.slice(importAt + 1))) {
    if (base && clause.length === 1 && clause[0].text === '*') {
      bound.push([starKey(base), `${base}.*`]);
      continue;
    }
    const asAt = clause.findIndex((w) => w.name === 'as');
    const path = dotted(asAt >= 0 ? clause.slice(0, asAt) : clause);
    if (!path) continue;
    const full = base ? (base.endsWith('.') ? `${base}${path}` : `${base}.${path}`) : path;
    const local = asAt >= 0 ? clause[asAt + 1]?.text : base ? path : path.split('.')[0];
    if (local) bound.push([local, asAt >= 0 || base ? full : local]);
  }
  return bound;
}

/**
 * `from .losses import *` binds every public name of `.losses`: kept as an alias under a key no Python name can be
 * (`*.losses` → `.losses.*`), so that a package's `__init__.py` can re-export what it star-imports.
 */
export function starKey(module: string): string {
  return `*${module}`;
}

function splitClauses<T extends { name: string }>(words: T[]): T[][] {
  const out: T[][] = [[]];
  for (const w of words) {
    if (w.name === ',') out.push([]);
    else if (w.name !== '(' && w.name !== ')') out[out.length - 1].push(w);
  }
  return out;
}

/** The name an attribute chain starts from (`a` of `a.b.c`). */
function rootName(e: Expr): string | null {
  return e.kind === 'name' ? e.id : e.kind === 'attr' ? rootName(e.obj) : null;
}

/** The dotted name an expression denotes after resolving import aliases, or null. */
export function qualify(e: Expr, mod: ModuleContext): string | null {
  if (e.kind === 'name') return mod.aliases.get(e.id) ?? CONVENTIONAL[e.id] ?? e.id;
  if (e.kind === 'attr') {
    const base = qualify(e.obj, mod);
    return base ? `${base}.${e.name}` : null;
  }
  return null;
}

export function findDefinition(
  mod: ModuleContext,
  name: string,
  before: number,
  kind?: 'class' | 'def',
): Definition | null {
  let last: Definition | null = null;
  let first: Definition | null = null;
  for (const d of mod.definitionsByName.get(name) ?? []) {
    if (d.name !== name || (kind && d.kind !== kind)) continue;
    if (d.node.from <= before) last = d;
    else first ??= d;
  }
  return last ?? first;
}
