import type { SyntaxNode } from '@lezer/common';
import { calleesOf, shift } from './cache';
import { callFindings, type ResultOf } from './calls';
import { moduleDependencies, nodeTextId } from './dependencies';
import type { ModuleContext } from './module';
import { collectNodes, scanPitfalls } from './pitfalls/scan';
import type { RawFinding } from './raw';

const MAX_ENTRIES = 20000;
/** Findings of a statement, with offsets relative to its start. */
const byKey = new Map<string, RawFinding[]>();

/**
 * Call findings and syntactic pitfalls of one top-level statement (absolute offsets), reused while the statement's
 * text, the module facts and what it depends on in the module (`moduleDependencies`) are unchanged — so an edit
 * re-analyses one statement and those that read what it assigns.
 */
export function statementFindings(
  node: SyntaxNode,
  mod: ModuleContext,
  resultOf: ResultOf,
  signature: string,
): RawFinding[] {
  const deps = calleesOf(node, mod).filter((n) => mod.definitionNames.has(n) || mod.bindingCalls.has(n));
  const module = moduleDependencies(node, mod, true);
  const key = module === null ? null : `${signature}\u0001${nodeTextId(node, mod)}\u0001${module}`;
  let found = key === null ? undefined : byKey.get(key);
  if (!found) {
    const nodes = collectNodes(node);
    const seeds = deps.flatMap((n) =>
      (mod.bindingCalls.get(n) ?? []).filter((c) => c.from < node.from).slice(-1),
    );
    found = [...callFindings(nodes.calls, mod, resultOf, seeds), ...scanPitfalls(nodes, mod)].map((f) =>
      shift(f, -node.from),
    );
    if (byKey.size >= MAX_ENTRIES) byKey.clear();
    if (key !== null) byKey.set(key, found);
  }
  return found.length ? found.map((f) => shift(f, node.from)) : found;
}
