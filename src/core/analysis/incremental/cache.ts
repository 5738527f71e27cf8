import type { SyntaxNode } from '@lezer/common';
import { type Definition, findDefinition } from '../bind';
import type { DefinitionResult } from '../classify';
import type { RawFinding } from '../report';
import { type Anchor, calleesOf, type Dependencies, type ModuleKeys } from './dependencies';

/** A definition's analysis, independent of where the definition sits in the file. */
export interface CachedDefinition {
  result: Omit<DefinitionResult, 'def' | 'ctx'> | null;
  /** Findings with offsets relative to the definition's start. */
  findings: RawFinding[];
}

/**
 * A finding as the session's caches keep it, independent of where things sit in the file: offsets relative to
 * the node analysed (a definition or top-level statement); a `definedAt` outside that node as an offset into a
 * module-level node the key covers, by its label (`Dependencies.anchor`), which moves with that node.
 */
export interface StoredFinding {
  finding: RawFinding;
  anchor?: Anchor;
}

/** A definition's analysis as the session's caches keep it. */
export interface StoredDefinition {
  result: CachedDefinition['result'];
  findings: StoredFinding[];
}

/**
 * A key of a node's analysis: the node's text, what it reads from the module (with the module facts); with what
 * places a position in what it reads (`Dependencies`).
 */
export interface AnalysisKey {
  key: string;
  deps: Dependencies;
}

/**
 * The key of a definition: its text, the text of the module functions it calls and of what it reads from the
 * module, with the module facts (`ModuleKeys.dependencies`), texts by id (null: no key, analyse afresh).
 */
export function definitionKey(def: Definition, keys: ModuleKeys): AnalysisKey | null {
  const { mod } = keys;
  const own = keys.textId(def.node);
  const deps = calleesOf(def.node, mod, keys)
    .filter((n) => mod.definitionNames.has(n) && n !== def.name)
    .map((n) => findDefinition(mod, n, def.node.from))
    .map((d) => (d ? keys.textId(d.node) : '-'));
  const module = keys.dependencies(def.node, false);
  return module && withKey(`${own}\u0001${deps.join('\u0002')}`, module);
}

/** The key of a top-level statement: its text, what it reads from the module (with the module facts). */
export function statementKey(node: SyntaxNode, keys: ModuleKeys): AnalysisKey | null {
  const module = keys.dependencies(node, true);
  return module && withKey(`${keys.textId(node)}`, module);
}

function withKey(head: string, deps: Dependencies): AnalysisKey {
  return { key: `${head}\u0001${deps.key}`, deps };
}

/**
 * `found` (absolute offsets) as the caches keep it for `node` and what its key covers (`deps`); null when a
 * `definedAt` lies outside both (the findings then depend on a position the key does not cover: not to be cached).
 */
export function storeFindings(
  found: readonly RawFinding[],
  node: SyntaxNode,
  deps: Dependencies,
): StoredFinding[] | null {
  const stored: StoredFinding[] = [];
  for (const f of found) {
    // A wrapped criterion is placed by offset: only one inside the node moves with it.
    if (f.wrapped?.some((w) => w.at < node.from || w.at > node.to)) return null;
    const at = f.definedAt;
    if (at === undefined || (node.from <= at && at <= node.to)) {
      stored.push({ finding: shift(f, -node.from) });
      continue;
    }
    const anchor = deps.anchor(at);
    if (!anchor) return null;
    const { definedAt: _, ...rest } = shift(f, -node.from);
    stored.push({ finding: rest, anchor });
  }
  return stored;
}

/**
 * The findings `storeFindings` kept, placed at `node` and what its key covers (`deps`) in the parse at hand; null
 * when an anchor is not there (not with equal keys: then analyse afresh).
 */
export function restoreFindings(
  stored: readonly StoredFinding[],
  node: SyntaxNode,
  deps: Dependencies,
): RawFinding[] | null {
  const restored: RawFinding[] = [];
  for (const { finding, anchor } of stored) {
    const placed = shift(finding, node.from);
    if (!anchor) {
      restored.push(placed);
      continue;
    }
    const definedAt = deps.place(anchor);
    if (definedAt === null) return null;
    restored.push({ ...placed, definedAt });
  }
  return restored;
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
    ...(f.wrapped ? { wrapped: f.wrapped.map((w) => ({ ...w, at: w.at + by })) } : {}),
  };
}
