import type { ModuleContext } from '../bind';
import { bindArgs, formatNumber, moduleCall, type TorchApi } from '../eval';
import type { Convention, FindingDetails } from '../results';
import type { Arg } from '../syntax';
import type { CallExpr } from './calls';
import { constantNumber } from './calls';
import type { RawFinding } from './raw';

const LOSS_NAMES: Record<string, string> = {
  cross_entropy: 'cross-entropy on logits (log_softmax + nll_loss)',
  nll_loss: 'negative log-likelihood of log-probabilities',
  binary_cross_entropy: 'binary cross-entropy on probabilities in [0, 1]',
  binary_cross_entropy_with_logits: 'binary cross-entropy on logits (sigmoid inside, numerically stable)',
  kl_div: 'KL divergence; input must be log-probabilities',
  log_softmax: 'log-softmax (log-probabilities)',
  softmax: 'softmax (probabilities)',
};

/** The call's arguments but input and target, as Python text (numbers resolved from constants). */
function argTexts(args: Map<string, Arg>, mod: ModuleContext): [string, string][] {
  return [...args]
    .filter(([name]) => name !== 'input' && name !== 'target')
    .map(([name, a]) => {
      const n = a.value.kind === 'const' ? null : constantNumber(a.value, mod);
      const text = a.value.kind === 'str' ? `'${a.value.value}'` : mod.text.slice(a.value.from, a.value.to);
      return [name, n === null ? text : formatNumber(n)];
    });
}

function stringArg(a: Arg | undefined): string | undefined {
  return a?.value.kind === 'str' ? a.value.value : undefined;
}

/** A finding for a torch loss call, constructor, or a call of an instance built by one. */
export function torchCallFinding(
  e: CallExpr,
  api: TorchApi,
  ctor: CallExpr,
  mod: ModuleContext,
  instance: string | null,
): RawFinding {
  const ctorParams = api.form === 'module' ? api.params : api.params;
  const args = bindArgs(ctor.args, ctorParams);
  const ls = constantNumber(args.get('label_smoothing')?.value, mod);
  const isCE = api.kind === 'cross_entropy';
  const smoothing = isCE ? (ls ?? (args.has('label_smoothing') ? null : 0)) : null;
  const convention: Convention | null = isCE
    ? smoothing === 0
      ? 'none'
      : 'uniform'
    : ['nll_loss', 'binary_cross_entropy', 'binary_cross_entropy_with_logits'].includes(api.kind)
      ? 'none'
      : null;
  const details: FindingDetails = {
    lossKind: api.kind,
    weight: args.has('weight') || undefined,
    posWeight: args.has('pos_weight') || undefined,
    hasIgnoreIndex: args.has('ignore_index') || undefined,
    reduction: stringArg(args.get('reduction')) ?? (api.kind.endsWith('softmax') ? undefined : 'mean'),
    ignoreIndex: constantNumber(args.get('ignore_index')?.value, mod) ?? undefined,
    labelSmoothing: ls ?? undefined,
    dim: constantNumber(args.get('dim')?.value, mod) ?? undefined,
  };
  const written = instance ?? api.written;
  const parts = [`${written}: ${LOSS_NAMES[api.kind] ?? api.kind}`];
  if (instance) parts.push(`instance of ${api.written}`);
  if (isCE && smoothing !== 0)
    parts.push(
      `uniform label smoothing ε = ${smoothing === null ? 'label_smoothing' : formatNumber(smoothing)} (target (1−ε)·onehot + ε/K)`,
    );
  return {
    from: e.from,
    to: e.to,
    kind: 'loss',
    symbol: written,
    convention,
    epsilon: isCE ? smoothing : null,
    epsilonParam: isCE && args.has('label_smoothing') ? 'label_smoothing' : null,
    torchEquivalent: isCE && smoothing !== 0 ? moduleCall(api.kind, argTexts(args, mod)) : null,
    rule: null,
    message: `${parts.join('; ')}.`,
    details,
    definedAt: instance ? ctor.from : undefined,
  };
}
