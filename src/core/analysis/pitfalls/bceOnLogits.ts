import type { SyntaxNode } from '@lezer/common';
import type { CallExpr } from '../calls';
import { type Arg, type Expr, toExpr } from '../expr';
import { findDefinition, type ModuleContext } from '../module';
import type { RawFinding } from '../raw';
import { BCE_ON_LOGITS } from '../rules';
import { resolveTorchApi, type TorchApi } from '../torchApi';
import { pitfall } from './pitfall';
import { lastAssignment } from './resolve';
import { traceSource } from './source';

const PROBABILITY_MAKERS = /(?:sigmoid|softmax|clamp|rand|sigmoid_|hardsigmoid|exp)$/;
/** A model class that applies one of these anywhere may well output probabilities. */
const PROBABILITY_LAYER = /\b(?:Sigmoid|Softmax|sigmoid|softmax|Hardsigmoid|hardsigmoid)\b/;

/** BCELoss fed raw logits: the input comes from a matmul, a `logits` variable or a model known to end linearly. */
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
  const name = written.t === 'name' ? written.id : written.t === 'attr' ? written.name : '';
  if (value.t === 'call') {
    if (resolveTorchApi(value.fn, mod)) return false;
    const callee = mod.text.slice(value.fn.from, value.fn.to);
    if (PROBABILITY_MAKERS.test(callee)) return false;
    const known = value.fn.t === 'name' ? modelEndsLinearly(value.fn.id, node, mod) : null;
    return known ?? /logit/i.test(name);
  }
  if (value.t === 'bin' && value.op === '@') return true;
  return /logit/i.test(name);
}

/**
 * `model(x)` where `model = Net(...)` and class Net is in this file: true when it has no sigmoid/softmax layer;
 * null when the model's code is not visible (then only the variable's name may say "logits").
 */
function modelEndsLinearly(model: string, node: SyntaxNode, mod: ModuleContext): boolean | null {
  const global = mod.bindingCalls.get(model)?.at(-1);
  const built = lastAssignment(model, node, mod) ?? (global ? toExpr(global, mod.text) : null);
  if (built?.t !== 'call' || built.fn.t !== 'name') return null;
  const cls = findDefinition(mod, built.fn.id, built.from, 'class');
  return cls ? !PROBABILITY_LAYER.test(mod.text.slice(cls.node.from, cls.node.to)) : null;
}
