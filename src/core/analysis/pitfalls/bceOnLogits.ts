import type { SyntaxNode } from '@lezer/common';
import type { ModuleContext } from '../bind';
import { resolveTorchApi, type TorchApi } from '../eval';
import type { CallExpr, RawFinding } from '../report';
import { BCE_ON_LOGITS } from '../results';
import type { Arg, Expr } from '../syntax';
import { moduleOutput } from './moduleOutput';
import { pitfall } from './pitfall';
import { traceSource } from './source';

const PROBABILITY_MAKERS = /(?:sigmoid|softmax|clamp|rand|sigmoid_|hardsigmoid|exp)$/;

/**
 * BCELoss fed raw logits: the input comes from a matmul, a module known to end linearly (`nn.Linear`, a Sequential
 * ending in one, a class of this file without sigmoid), or — when the module is not visible — a `logits` variable.
 */
export function bceOnLogits(
  input: Arg,
  node: SyntaxNode,
  api: TorchApi,
  ctor: CallExpr,
  mod: ModuleContext,
): RawFinding[] {
  const { value } = traceSource(input.value, node, mod);
  if (!looksLikeLogits(value, input.value, node, mod)) return [];
  const withLogits = api.form === 'module' ? 'BCEWithLogitsLoss' : 'binary_cross_entropy_with_logits';
  const old = api.form === 'module' ? 'BCELoss' : 'binary_cross_entropy';
  const callee = ctor.fn;
  const calleeText = mod.text.slice(callee.from, callee.to);
  const fix = calleeText.endsWith(old)
    ? {
        title: `Use ${withLogits} on the raw logits`,
        edits: [{ from: callee.to - old.length, to: callee.to, newText: withLogits }],
      }
    : undefined;
  return [
    pitfall(
      input,
      BCE_ON_LOGITS,
      `BCELoss expects probabilities in [0, 1], but this input looks like raw logits (no sigmoid). Use ${withLogits}, which applies the sigmoid stably.`,
      fix,
    ),
  ];
}

function looksLikeLogits(value: Expr, written: Expr, node: SyntaxNode, mod: ModuleContext): boolean {
  const name = written.kind === 'name' ? written.id : written.kind === 'attr' ? written.name : '';
  if (value.kind === 'call') {
    if (resolveTorchApi(value.fn, mod)) return false;
    const callee = mod.text.slice(value.fn.from, value.fn.to);
    if (PROBABILITY_MAKERS.test(callee)) return false;
    const output = moduleOutput(value.fn, node, mod);
    return output ? output === 'logits' : /logit/i.test(name);
  }
  if (value.kind === 'bin' && value.op === '@') return true;
  return /logit/i.test(name);
}
