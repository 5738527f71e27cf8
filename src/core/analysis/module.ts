import type { SyntaxNode, Tree } from '@lezer/common';
import { children, type Expr, toExpr } from './expr';

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
  /** `name = Call(...)` at module level, by name: instance calls elsewhere in the file link to these. */
  bindingCalls: Map<string, SyntaxNode[]>;
}

/** Conventional names people use without importing (notebook cells, snippets). */
const CONVENTIONAL: Record<string, string> = { torch: 'torch', nn: 'torch.nn', F: 'torch.nn.functional' };

export function buildModule(tree: Tree, text: string): ModuleContext {
  const mod: ModuleContext = {
    text,
    aliases: new Map(),
    constants: new Map(),
    definitions: [],
    definitionNames: new Set(),
    bindingCalls: new Map(),
  };
  collect(tree.topNode, mod);
  return mod;
}

function collect(container: SyntaxNode, mod: ModuleContext): void {
  for (let node = container.firstChild; node; node = node.nextSibling) {
    if (node.name === 'ImportStatement') addImport(node, mod);
    else if (node.name === 'ClassDefinition' || node.name === 'FunctionDefinition') addDefinition(node, mod);
    else if (node.name === 'DecoratedStatement' && node.lastChild) addDefinition(node.lastChild, mod);
    else if (node.name === 'AssignStatement') addConstant(node, mod);
    else if (node.name === 'IfStatement' || node.name === 'TryStatement' || node.name === 'WithStatement') {
      for (const body of children(node)) if (body.name === 'Body') collect(body, mod);
    }
  }
}

/** A definition's name and its offset from the definition's start, by syntax tree (unchanged ones after an edit). */
const namesByTree = new WeakMap<Tree, { name: string; offset: number } | null>();

function definitionName(node: SyntaxNode, text: string): { name: string; offset: number } | null {
  const tree = node.tree;
  const known = tree ? namesByTree.get(tree) : undefined;
  if (known !== undefined && text.startsWith(known?.name ?? '', node.from + (known?.offset ?? 0)))
    return known;
  const nameNode = node.getChild('VariableName');
  const found = nameNode && {
    name: text.slice(nameNode.from, nameNode.to),
    offset: nameNode.from - node.from,
  };
  if (tree) namesByTree.set(tree, found);
  return found;
}

function addDefinition(node: SyntaxNode, mod: ModuleContext): void {
  const found = definitionName(node, mod.text);
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
]);

function addConstant(node: SyntaxNode, mod: ModuleContext): void {
  const kids = children(node);
  if (kids.length !== 3 || kids[0].name !== 'VariableName' || kids[1].name !== 'AssignOp') return;
  const name = mod.text.slice(kids[0].from, kids[0].to);
  if (kids[2].name === 'CallExpression')
    mod.bindingCalls.set(name, [...(mod.bindingCalls.get(name) ?? []), kids[2]]);
  const literal = LITERALS.has(kids[2].name);
  mod.constants.set(name, literal && !mod.constants.has(name) ? toExpr(kids[2], mod.text) : null);
}

/** The aliases (local name, dotted path) an import statement binds, by its text. */
const importsByText = new Map<string, [string, string][]>();
const MAX_IMPORT_TEXTS = 4000;

function addImport(node: SyntaxNode, mod: ModuleContext): void {
  const own = mod.text.slice(node.from, node.to);
  let bound = importsByText.get(own);
  if (!bound) {
    bound = importAliases(node, mod.text);
    if (importsByText.size >= MAX_IMPORT_TEXTS) importsByText.clear();
    importsByText.set(own, bound);
  }
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
    const asAt = clause.findIndex((w) => w.name === 'as');
    const path = dotted(asAt >= 0 ? clause.slice(0, asAt) : clause);
    if (!path) continue;
    const full = base ? `${base}.${path}` : path;
    const local = asAt >= 0 ? clause[asAt + 1]?.text : base ? path : path.split('.')[0];
    if (local) bound.push([local, asAt >= 0 || base ? full : local]);
  }
  return bound;
}

function splitClauses<T extends { name: string }>(words: T[]): T[][] {
  const out: T[][] = [[]];
  for (const w of words) {
    if (w.name === ',') out.push([]);
    else if (w.name !== '(' && w.name !== ')') out[out.length - 1].push(w);
  }
  return out;
}

/** The dotted name an expression denotes after resolving import aliases, or null. */
export function qualify(e: Expr, mod: ModuleContext): string | null {
  if (e.t === 'name') return mod.aliases.get(e.id) ?? CONVENTIONAL[e.id] ?? e.id;
  if (e.t === 'attr') {
    const base = qualify(e.obj, mod);
    return base ? `${base}.${e.name}` : null;
  }
  return null;
}

/** The definitions by name, in file order, per module (rebuilt if definitions were added since). */
const byName = new WeakMap<ModuleContext, { count: number; index: Map<string, Definition[]> }>();

function definitionsNamed(mod: ModuleContext, name: string): readonly Definition[] {
  let named = byName.get(mod);
  if (named?.count !== mod.definitions.length) {
    const index = new Map<string, Definition[]>();
    for (const d of mod.definitions) {
      const list = index.get(d.name);
      if (list) list.push(d);
      else index.set(d.name, [d]);
    }
    named = { count: mod.definitions.length, index };
    byName.set(mod, named);
  }
  return named.index.get(name) ?? [];
}

export function findDefinition(
  mod: ModuleContext,
  name: string,
  before: number,
  kind?: 'class' | 'def',
): Definition | null {
  let last: Definition | null = null;
  let first: Definition | null = null;
  for (const d of definitionsNamed(mod, name)) {
    if (d.name !== name || (kind && d.kind !== kind)) continue;
    if (d.node.from <= before) last = d;
    else first ??= d;
  }
  return last ?? first;
}
