import type { SyntaxNode } from '@lezer/common';
import { shift } from './cache';
import { callFindings } from './calls';
import type { DefinitionResult } from './definitions';
import { children } from './expr';
import type { ModuleContext } from './module';
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

function dependencyText(name: string, mod: ModuleContext): string {
  const defs = mod.definitions.filter((d) => d.name === name).map((d) => mod.text.slice(d.node.from, d.node.to));
  const bound = (mod.bindingCalls.get(name) ?? []).map((c) => {
    const callee = c.firstChild ? mod.text.slice(c.firstChild.from, c.firstChild.to) : '';
    return `${mod.text.slice(c.from, c.to)}\u0003${dependencyText2(callee, mod)}`;
  });
  return `${name}\u0004${defs.join('\0')}\u0004${bound.join('\0')}`;
}

function dependencyText2(callee: string, mod: ModuleContext): string {
  return mod.definitions.filter((d) => d.name === callee).map((d) => mod.text.slice(d.node.from, d.node.to)).join('\0');
}

/**
 * Call findings and syntactic pitfalls, computed per top-level statement and reused while the statement's text,
 * the module facts and what it calls by name are unchanged — so an edit re-analyses one statement.
 */
export function statementFindings(root: SyntaxNode, mod: ModuleContext, results: DefinitionResult[], signature: string): RawFinding[] {
  if (byKey.size > MAX_ENTRIES) {
    byKey.clear();
    namesByText.clear();
  }
  const seeds = [...mod.bindingCalls.values()].flat();
  const out: RawFinding[] = [];
  for (const node of children(root)) {
    if (node.name === 'Comment') continue;
    const own = mod.text.slice(node.from, node.to);
    const deps = calledNames(node, mod.text, own).filter((n) => mod.definitionNames.has(n) || mod.bindingCalls.has(n));
    const key = `${signature}\u0001${own}\u0001${deps.map((n) => dependencyText(n, mod)).join('\u0002')}`;
    let found = byKey.get(key);
    if (!found) {
      const nodes = collectNodes(node);
      found = [...callFindings(nodes.calls, mod, results, seeds), ...scanPitfalls(nodes, mod)].map((f) => shift(f, -node.from));
      byKey.set(key, found);
    }
    for (const f of found) out.push(shift(f, node.from));
  }
  return out;
}
