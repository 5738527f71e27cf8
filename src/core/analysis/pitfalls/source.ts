import type { SyntaxNode } from '@lezer/common';
import type { ModuleContext } from '../bind';
import type { Expr } from '../syntax';
import { lastAssignment } from './resolve';

/** Methods that keep a tensor's meaning (probabilities stay probabilities). */
const SHAPE_ONLY = new Set([
  'squeeze',
  'unsqueeze',
  'view',
  'reshape',
  'float',
  'double',
  'flatten',
  'contiguous',
  'to',
  'cuda',
  'detach',
  'clone',
  'narrow',
]);
const MAX_HOPS = 8;

export interface Source {
  value: Expr;
  /** The argument is the producing expression itself. */
  direct: boolean;
  /** Reached through indexing, slicing or a reshape: the producer's output is not the argument as written. */
  reshaped: boolean;
}

/** Follows an argument back to the expression that produced it: through locals, slices and reshapes. */
export function traceSource(e: Expr, node: SyntaxNode, mod: ModuleContext): Source {
  let value = e;
  let reshaped = false;
  for (let hop = 0; hop < MAX_HOPS; hop++) {
    const assigned = value.kind === 'name' ? lastAssignment(value.id, node, mod) : null;
    const inner =
      assigned ??
      (value.kind === 'sub'
        ? value.obj
        : value.kind === 'call' && value.fn.kind === 'attr' && SHAPE_ONLY.has(value.fn.name)
          ? value.fn.obj
          : null);
    if (!inner) break;
    reshaped ||= !assigned;
    value = inner;
  }
  return { value, direct: value === e, reshaped };
}
