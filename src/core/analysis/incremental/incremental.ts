import type { SyntaxNode } from '@lezer/common';
import type { ModuleContext } from '../bind';
import { collectNodes, scanPitfalls } from '../pitfalls';
import type { RawFinding } from '../report';
import { callFindings, type ResultOf, trainingSettingFindings } from '../report';
import { restoreFindings, type StoredFinding, statementKey, storeFindings } from './cache';
import { calleesOf, type ModuleKeys } from './dependencies';
import type { Memo } from './textIds';

/** Findings of a top-level statement as the caches keep them (`storeFindings`), by `statementKey`. */
export type StatementCache = Memo<string, StoredFinding[]>;

/**
 * Call findings and syntactic pitfalls of one top-level statement (absolute offsets). With `keyed` (an
 * `AnalysisSession`'s caches), reused while the statement's text and what it depends on in the module (texts and
 * module facts, `ModuleKeys.dependencies`) are unchanged — so an edit re-analyses one statement and those that
 * read what it changed. Without, computed afresh.
 */
export function statementFindings(
  node: SyntaxNode,
  mod: ModuleContext,
  resultOf: ResultOf,
  keyed: { keys: ModuleKeys; statements: StatementCache } | null,
): RawFinding[] {
  const compute = (): RawFinding[] => {
    const deps = calleesOf(node, mod, keyed?.keys ?? null).filter(
      (n) => mod.definitionNames.has(n) || mod.bindingCalls.has(n),
    );
    const nodes = collectNodes(node);
    const seeds = deps.flatMap((n) => seedFor(mod.bindingCalls.get(n) ?? [], node));
    return [
      ...callFindings(nodes.calls, mod, resultOf, seeds),
      ...trainingSettingFindings(nodes.calls, mod),
      ...scanPitfalls(nodes, mod),
    ];
  };
  const key = keyed && statementKey(node, keyed.keys);
  if (!keyed || !key) return compute();
  const hit = keyed.statements.lookup(key.key);
  const restored = hit && restoreFindings(hit, node, key.deps);
  if (restored) return restored;
  const found = compute();
  const stored = storeFindings(found, node, key.deps);
  if (stored) keyed.statements.store(key.key, stored);
  return found;
}

const DEFINITIONS = new Set(['FunctionDefinition', 'ClassDefinition', 'DecoratedStatement']);

/**
 * The module-level construction a name in `node` refers to: the last one before it; in a function or class body,
 * which runs once the module is loaded, else the file's last one (`CRIT = nn.CrossEntropyLoss(...)` below the
 * function that calls it).
 */
function seedFor(bindings: readonly SyntaxNode[], node: SyntaxNode): SyntaxNode[] {
  const before = bindings.filter((c) => c.from < node.from).slice(-1);
  return before.length > 0 || !DEFINITIONS.has(node.name) ? before : bindings.slice(-1);
}
