import type { SyntaxNode } from '@lezer/common';
import type { DefinitionResult } from './definitions';
import { moduleDependencies, nodeTextId } from './dependencies';
import { type Definition, findDefinition, type ModuleContext } from './module';
import type { RawFinding } from './raw';

/** A definition's analysis, independent of where the definition sits in the file. */
export interface CachedDefinition {
  result: Omit<DefinitionResult, 'def' | 'ctx'> | null;
  /** Findings with offsets relative to the definition's start. */
  findings: RawFinding[];
}

const MAX_ENTRIES = 4000;
const MAX_TEXTS = 20000;
const analyses = new Map<string, CachedDefinition>();
const calleesByText = new Map<number, string[]>();

/** Module facts every definition's meaning depends on: import aliases and constants. */
export function moduleSignature(mod: ModuleContext): string {
  const constants = [...mod.constants].map(([k, v]) => `${k}=${v ? mod.text.slice(v.from, v.to) : '?'}`);
  return `${[...mod.aliases].join(';')}|${constants.join(';')}`;
}

/** Bare names called inside `node` (`f(x)`, not `a.f(x)`), cached by the node's text. */
export function calleesOf(node: SyntaxNode, mod: ModuleContext): string[] {
  const { text } = mod;
  const own = nodeTextId(node, mod);
  let names = calleesByText.get(own);
  if (names) return names;
  if (calleesByText.size >= MAX_TEXTS) calleesByText.clear();
  const set = new Set<string>();
  const cur = node.cursor();
  while (cur.next() && cur.from < node.to) {
    const callee = cur.name === 'CallExpression' ? cur.node.firstChild : null;
    if (callee?.name === 'VariableName') set.add(text.slice(callee.from, callee.to));
  }
  names = [...set];
  calleesByText.set(own, names);
  return names;
}

/**
 * The key of a definition: its text, the module facts, the text of the module functions it calls and of the
 * module-level bindings it reads, texts by id (`textId`; null: too many to key on, analyse afresh).
 */
export function definitionKey(def: Definition, mod: ModuleContext, signature: string): string | null {
  const own = nodeTextId(def.node, mod);
  const deps = calleesOf(def.node, mod)
    .filter((n) => mod.definitionNames.has(n) && n !== def.name)
    .map((n) => findDefinition(mod, n, def.node.from))
    .map((d) => (d ? nodeTextId(d.node, mod) : '-'));
  const module = moduleDependencies(def.node, mod, false);
  return module === null ? null : `${signature}\u0001${own}\u0001${deps.join('\u0002')}\u0001${module}`;
}

export function cachedDefinition(key: string | null, compute: () => CachedDefinition): CachedDefinition {
  if (key === null) return compute();
  const hit = analyses.get(key);
  if (hit) return hit;
  if (analyses.size >= MAX_ENTRIES) analyses.clear();
  const value = compute();
  analyses.set(key, value);
  return value;
}

export function shift(f: RawFinding, by: number): RawFinding {
  const fix = f.fix && {
    ...f.fix,
    edits: f.fix.edits.map((e) => ({ ...e, from: e.from + by, to: e.to + by })),
  };
  return {
    ...f,
    from: f.from + by,
    to: f.to + by,
    ...(fix ? { fix } : {}),
    ...(f.definedAt !== undefined ? { definedAt: f.definedAt + by } : {}),
  };
}
