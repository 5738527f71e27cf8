import type { SyntaxNode } from '@lezer/common';
import { shift } from './cache';
import { callFindings } from './calls';
import type { DefinitionResult } from './definitions';
import { children } from './expr';
import { findDefinition, type ModuleContext } from './module';
import { collectNodes, scanPitfalls } from './pitfalls/scan';
import type { RawFinding } from './raw';

const MAX_ENTRIES = 20000;
const byKey = new Map<string, RawFinding[]>();
const namesByText = new Map<string, string[]>();

/** Bare names a statement calls: the only way its findings depend on the rest of the file. */
function calledNames(node: SyntaxNode, text: string, own: string): string[] {
  let names = namesByText.get(own);
  if (names) return names;
  const set = new Set<string>();
  const cur = node.cursor();
  while (cur.next() && cur.from < node.to) {
    const callee = cur.name === 'CallExpression' ? cur.node.firstChild : null;
    if (callee?.name === 'VariableName') set.add(text.slice(callee.from, callee.to));
  }
  names = [...set];
  namesByText.set(own, names);
  return names;
}

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
 * Call findings and syntactic pitfalls, computed per top-level statement and reused while the statement's text,
 * the module facts and what it calls by name are unchanged — so an edit re-analyses one statement.
 */
export function statementFindings(
  root: SyntaxNode,
  mod: ModuleContext,
  results: DefinitionResult[],
  signature: string,
): RawFinding[] {
  if (byKey.size > MAX_ENTRIES) {
    byKey.clear();
    namesByText.clear();
  }
  const out: RawFinding[] = [];
  for (const node of children(root)) {
    if (node.name === 'Comment') continue;
    const own = mod.text.slice(node.from, node.to);
    const deps = calledNames(node, mod.text, own).filter(
      (n) => mod.definitionNames.has(n) || mod.bindingCalls.has(n),
    );
    const key = `${signature}\u0001${own}\u0001${deps.map((n) => dependencyText(n, mod, node.from)).join('\u0002')}`;
    let found = byKey.get(key);
    if (!found) {
      const nodes = collectNodes(node);
      const seeds = deps.flatMap((n) =>
        (mod.bindingCalls.get(n) ?? []).filter((c) => c.from < node.from).slice(-1),
      );
      found = [...callFindings(nodes.calls, mod, results, seeds), ...scanPitfalls(nodes, mod)].map((f) =>
        shift(f, -node.from),
      );
      byKey.set(key, found);
    }
    for (const f of found) out.push(shift(f, node.from));
  }
  return out;
}
