import type { SyntaxNode } from '@lezer/common';
import { calleesOf, shift } from './cache';
import { callFindings, type ResultOf } from './calls';
import { findDefinition, type ModuleContext } from './module';
import { collectNodes, scanPitfalls } from './pitfalls/scan';
import type { RawFinding } from './raw';

const MAX_ENTRIES = 20000;
/** Findings of a statement, with offsets relative to its start. */
const byKey = new Map<string, RawFinding[]>();

function definitionText(name: string, mod: ModuleContext, at: number): string {
  const d = findDefinition(mod, name, at);
  return d ? mod.text.slice(d.node.from, d.node.to) : '';
}

/** A called name's meaning: the definition and the latest module-level construction (with its class) it refers to. */
function dependencyText(name: string, mod: ModuleContext, at: number): string {
  const before = (mod.bindingCalls.get(name) ?? []).filter((c) => c.from < at).at(-1);
  const callee = before?.firstChild ? mod.text.slice(before.firstChild.from, before.firstChild.to) : '';
  const bound = before
    ? `${mod.text.slice(before.from, before.to)}\u0003${definitionText(callee, mod, before.from)}`
    : '';
  return `${name}\u0004${definitionText(name, mod, at)}\u0004${bound}`;
}

/**
 * Call findings and syntactic pitfalls of one top-level statement (absolute offsets), reused while the statement's
 * text, the module facts and what it calls by name are unchanged — so an edit re-analyses one statement.
 */
export function statementFindings(
  node: SyntaxNode,
  mod: ModuleContext,
  resultOf: ResultOf,
  signature: string,
): RawFinding[] {
  const own = mod.text.slice(node.from, node.to);
  const deps = calleesOf(node, mod.text, own).filter(
    (n) => mod.definitionNames.has(n) || mod.bindingCalls.has(n),
  );
  const key = `${signature}\u0001${own}\u0001${deps.map((n) => dependencyText(n, mod, node.from)).join('\u0002')}`;
  let found = byKey.get(key);
  if (!found) {
    const nodes = collectNodes(node);
    const seeds = deps.flatMap((n) =>
      (mod.bindingCalls.get(n) ?? []).filter((c) => c.from < node.from).slice(-1),
    );
    found = [...callFindings(nodes.calls, mod, resultOf, seeds), ...scanPitfalls(nodes, mod)].map((f) =>
      shift(f, -node.from),
    );
    if (byKey.size >= MAX_ENTRIES) byKey.clear();
    byKey.set(key, found);
  }
  return found.length ? found.map((f) => shift(f, node.from)) : found;
}
