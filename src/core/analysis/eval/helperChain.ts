import type { SyntaxNode } from '@lezer/common';
import { type ClassScope, type Ctx, callParams, functionBody } from '../bind';
import { bodyStatements } from '../syntax';
import { runFunction } from './interp';
import { headOf, pickReturn } from './semantics';
import { UNKNOWN, type Value } from './values';

/**
 * Helpers of a class that hand values to one another by name (Megatron's cross-entropy steps: one returns
 * `predicted_logits, sum_exp_logits`, the next takes them as parameters), none a loss alone: run in the class's
 * order, each parameter bound to the value an earlier helper returned under that name. The first loss so composed.
 */
export function chainedHelpers(scope: ClassScope, ctx: Ctx): Value {
  const produced = new Map<string, Value>();
  for (const [name, fn] of scope.methods) {
    if (name === '__init__') continue;
    const bound = new Map<string, Value>();
    for (const p of callParams(fn, ctx.mod.text)) {
      const v = produced.get(p.name);
      if (v) bound.set(p.name, v);
    }
    const value = pickReturn(runFunction(fn, bound, scope, ctx, false));
    if (bound.size > 0 && headOf(value).kind === 'loss') return headOf(value);
    returnedNames(fn, ctx.mod.text).forEach((returned, i) => {
      const v = value.kind === 'tuple' ? value.items[i] : i === 0 ? value : undefined;
      if (returned && v) produced.set(returned, v);
    });
  }
  return UNKNOWN;
}

/** The names a function's last top-level `return` gives back, by position (null for other expressions). */
function returnedNames(fn: SyntaxNode, text: string): (string | null)[] {
  const body = functionBody(fn);
  const last = body
    ? bodyStatements(body, text)
        .filter((st) => st.kind === 'return')
        .at(-1)
    : undefined;
  const value = last?.kind === 'return' ? last.value : null;
  const items = value?.kind === 'tuple' ? value.items : value ? [value] : [];
  return items.map((e) => (e.kind === 'name' ? e.id : null));
}
