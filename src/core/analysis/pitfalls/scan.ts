import type { SyntaxNode } from '@lezer/common';
import { type ModuleContext, qualify } from '../bind';
import type { RawFinding } from '../report';
import { BATCH_MAX_CLASS_COUNT, DEPRECATED_VARIABLE } from '../results';
import { type Expr, toExpr } from '../syntax';
import { pitfall } from './pitfall';

/** The nodes the call findings and syntactic pitfalls look at, gathered in one pass over the tree. */
export interface ScannedNodes {
  calls: SyntaxNode[];
  sums: SyntaxNode[];
}

export function collectNodes(root: SyntaxNode): ScannedNodes {
  const calls: SyntaxNode[] = [];
  const sums: SyntaxNode[] = [];
  const cur = root.cursor();
  do {
    if (cur.name === 'CallExpression') calls.push(cur.node);
    else if (cur.name === 'BinaryExpression') sums.push(cur.node);
  } while (cur.next() && cur.from < root.to);
  return { calls, sums };
}

const VARIABLE = new Set(['torch.autograd.Variable', 'torch.autograd.variable.Variable']);

export function scanPitfalls(nodes: ScannedNodes, mod: ModuleContext): RawFinding[] {
  const out: RawFinding[] = [];
  for (const node of nodes.calls) {
    const callee = node.firstChild;
    if (!callee || !mod.text.slice(callee.from, callee.to).endsWith('Variable')) continue;
    if (VARIABLE.has(qualify(toExpr(callee, mod.text), mod) ?? ''))
      out.push(variablePitfall(toExpr(node, mod.text), mod));
  }
  for (const node of nodes.sums) {
    const last = node.lastChild;
    if (last?.name !== 'Number' || mod.text.slice(last.from, last.to) !== '1') continue;
    const e = toExpr(node, mod.text);
    if (
      e.kind === 'bin' &&
      e.op === '+' &&
      e.right.kind === 'num' &&
      e.right.value === 1 &&
      isBatchMax(e.left)
    ) {
      out.push(
        pitfall(
          e,
          BATCH_MAX_CLASS_COUNT,
          'max(target) + 1 as the number of classes depends on the batch: a batch without the highest class gives a smaller K (for binary targets, α/1 instead of α/2). Use the known class count.',
        ),
      );
    }
  }
  return out;
}

function variablePitfall(call: Expr, mod: ModuleContext): RawFinding {
  const args = call.kind === 'call' ? call.args : [];
  const only = args.length === 1 && !args[0].name && !args[0].star ? args[0].value : null;
  const fix = only
    ? {
        title: 'Drop the Variable wrapper',
        edits: [{ from: call.from, to: call.to, newText: mod.text.slice(only.from, only.to) }],
      }
    : undefined;
  return pitfall(
    call,
    DEPRECATED_VARIABLE,
    'torch.autograd.Variable is deprecated since PyTorch 0.4: tensors carry autograd themselves.',
    fix,
  );
}

/** `t.max()`, `t.max().item()`, `int(t.max())`, `torch.max(t)`. */
function isBatchMax(e: Expr): boolean {
  if (e.kind !== 'call') return false;
  if (e.fn.kind === 'attr' && (e.fn.name === 'item' || e.fn.name === 'long' || e.fn.name === 'int'))
    return isBatchMax(e.fn.obj);
  if (e.fn.kind === 'name' && e.fn.id === 'int' && e.args.length === 1) return isBatchMax(e.args[0].value);
  if (e.fn.kind !== 'attr' || e.fn.name !== 'max') return false;
  const onTorch = e.fn.obj.kind === 'name' && e.fn.obj.id === 'torch';
  return onTorch ? e.args.length === 1 : e.args.length === 0;
}
