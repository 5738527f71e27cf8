import type { SymInfo } from '../bind';
import type { LossKind } from '../results';
import type { Expr } from '../syntax';
import { evalSym, formatNumber } from './scalar';
import { scalarOf, type Value } from './values';

/** What a torch loss call receives as its input, judged from how the code computed it. */
export type LossInput = 'logits' | 'probs' | 'sigmoid_probs' | 'log_probs' | 'weighted_log_probs';

/** A torch loss call inside a definition: its kind, its arguments as Python text, and what feeds its input. */
export interface TorchLossCall {
  kind: LossKind;
  args: ReadonlyArray<readonly [string, string]>;
  input: LossInput;
  /** The logits are changed inside the definition before the call (scaled, shifted, a margin on the true class). */
  changedInput?: true;
  /** The input is a slice of a parameter (`logits[..., :-1, :]`): the call sees fewer positions than were given. */
  slicedInput?: true;
  /** kl_div's input is a log taken in the code (`x.log()`), of a tensor that is not the call's own input. */
  loggedInput?: true;
}

const MODULES: Partial<Record<LossKind, string>> = {
  cross_entropy: 'CrossEntropyLoss',
  nll_loss: 'NLLLoss',
  binary_cross_entropy: 'BCELoss',
  binary_cross_entropy_with_logits: 'BCEWithLogitsLoss',
  kl_div: 'KLDivLoss',
};
const ORDER = ['weight', 'pos_weight', 'ignore_index', 'reduction', 'label_smoothing', 'log_target'];
const DEFAULTS: Record<string, string> = {
  reduction: "'mean'",
  label_smoothing: '0',
  ignore_index: '-100',
  log_target: 'False',
  weight: 'None',
  pos_weight: 'None',
};

export function inputOf(v: Value): LossInput {
  if (v.kind === 'prob') return v.multi ? 'probs' : 'sigmoid_probs';
  if (v.kind === 'prod') return 'weighted_log_probs';
  if (v.kind !== 'logp') return 'logits';
  const plain = v.coefficient.kind === 'number' && v.coefficient.value === 1 && v.factors.length === 0;
  return plain ? 'log_probs' : 'weighted_log_probs';
}

/**
 * Logits changed by arithmetic before a loss takes them (`s * x`, `x / T`, `where(onehot, x - m, x)`, `x - onehot * m`:
 * a value built from the labels is no model output), or log-probabilities of such logits (`log_softmax(x / T)` given
 * to kl_div or nll_loss).
 */
export function changedLogits(v: Value): boolean {
  return (
    (v.kind === 'param' && v.value.kind === 'op') ||
    ((v.kind === 'tensor' || v.kind === 'logp') && v.changedLogits === true) ||
    v.kind === 'dist'
  );
}

/** An argument as Python text: a string literal, a number when it resolves to a constant, else its source. */
export function argText(v: Value, e: Expr, text: string, syms: Map<string, SymInfo>): string {
  if (v.kind === 'str') return `'${v.text}'`;
  if (e.kind === 'const') return text.slice(e.from, e.to);
  const s = scalarOf(v);
  const n =
    s &&
    evalSym(
      s,
      (name) => (syms.get(name)?.origin === 'const' ? syms.get(name)?.value : undefined) ?? Number.NaN,
    );
  return typeof n === 'number' && Number.isFinite(n) ? formatNumber(n) : text.slice(e.from, e.to);
}

/** The legacy `size_average` / `reduce` flags as the `reduction` they stand for, when both are literal. */
function legacyReduction(args: Map<string, string>): string | null {
  const reduce = args.get('reduce');
  const average = args.get('size_average');
  if (reduce === undefined && average === undefined) return null;
  if (reduce === 'False') return "'none'";
  if (average === 'False') return "'sum'";
  return "'mean'";
}

/** A call's arguments with the legacy `size_average` / `reduce` flags replaced by the `reduction` they stand for. */
export function withReduction(args: Iterable<readonly [string, string]>): [string, string][] {
  const given = new Map(args);
  const legacy = legacyReduction(given);
  const kept = [...given].filter(([n]) => n !== 'reduce' && n !== 'size_average');
  return legacy && !given.has('reduction') ? [...kept, ['reduction', legacy]] : kept;
}

/** `nn.X(arg=…)` for a torch loss, default-valued arguments left out, in the constructor's order. */
export function moduleCall(kind: LossKind, args: Iterable<readonly [string, string]>): string {
  const given = new Map(args);
  const legacy = legacyReduction(given);
  if (legacy && !given.has('reduction')) given.set('reduction', legacy);
  const shown = ORDER.filter((name) => given.has(name) && given.get(name) !== DEFAULTS[name]).map(
    (name) => `${name}=${given.get(name)}`,
  );
  return `nn.${MODULES[kind] ?? kind}(${shown.join(', ')})`;
}
