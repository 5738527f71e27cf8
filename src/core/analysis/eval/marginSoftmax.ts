import type { Expr } from '../syntax';
import { scalarOf, sourceOf, type Value } from './values';

/**
 * Softmax cross-entropy written by hand over margin logits (AM-Softmax, CosFace, ArcFace, SphereFace, AdaCos):
 * the true class's logit picked by the labels (`cos[arange(n), y]`, `diagonal(w.T[y])`) and changed by a margin
 * (`s·(cos_y − m)`, `cos(θ_y + m)`), then `num − log(exp(num) + Σ_{j≠y} exp(s·cos_j))` or
 * `exp(num) / (exp(num) + …)`: the log-probability (or probability) of the true class, whatever the margin.
 */

type TrueLogit = Value & { kind: 'tensor'; trueLogit: { labels?: string; exp?: true } };

/** The true class's logit, picked from a computed tensor by the labels. */
export function trueLogit(labels: Value): Value {
  return trueLogitOf(sourceOf(labels));
}

function trueLogitOf(labels: string | undefined): Value {
  return { kind: 'tensor', trueLogit: labels ? { labels } : {} };
}

function isTrueLogit(v: Value): v is TrueLogit {
  return v.kind === 'tensor' && v.trueLogit !== undefined && !v.trueLogit.exp;
}

function isExpTrueLogit(v: Value): v is TrueLogit {
  return v.kind === 'tensor' && v.trueLogit?.exp === true;
}

/** Class indices or a view of them: a label parameter as the analysis reads it. */
function isLabels(v: Value): boolean {
  return (v.kind === 'param' && v.cand !== null) || (v.kind === 'tensor' && v.viewOf !== undefined);
}

/** `torch.diagonal(x.T[y])` / `torch.diagonal(x[:, y])`: row i's logit of class y_i. */
export function diagonalPick(arg: Expr | undefined, evaluate: (e: Expr) => Value): Value | null {
  if (arg?.kind !== 'sub') return null;
  const [first, second] = arg.index;
  const column = arg.index.length === 1 ? first : first === 'slice' ? second : undefined;
  if (!column || column === 'slice' || arg.index.length > 2) return null;
  const labels = evaluate(column);
  return isLabels(labels) ? trueLogit(labels) : null;
}

/** Elementwise maps a margin applies to the true class's logit (its angle, cosine, clamp, powers). */
const MARGIN_MAPS = new Set(
  'cos acos arccos sin asin arcsin sqrt pow square abs clamp clip clamp_ clip_ float double'.split(' '),
);

/** A torch function or tensor method applied to the true class's logit (first argument) and numbers. */
export function marginFunction(name: string, args: Value[]): Value | null {
  const [x, ...rest] = args;
  if (!x || !isTrueLogit(x) || !rest.every((a) => scalarOf(a) !== null)) return null;
  if (name === 'exp' || name === 'exp_') return { kind: 'tensor', trueLogit: { ...x.trueLogit, exp: true } };
  return MARGIN_MAPS.has(name) ? x : null;
}

/** Arithmetic on the true class's logit and the normaliser built around it. */
export function marginArithmetic(o: string, a: Value, b: Value): Value | null {
  // A scale may be a tensor computed without the labels (AdaCos's adaptive scale).
  const factor = (v: Value) => scalarOf(v) !== null || ((o === '*' || o === '/') && isOpaque(v));
  const picked = [a, b].find(isTrueLogit);
  const operands = (isTrueLogit(a) || factor(a)) && (isTrueLogit(b) || factor(b));
  if (picked && operands && ['+', '-', '*', '/', '**'].includes(o))
    return trueLogitOf(picked.trueLogit.labels);
  // exp(num) + Σ_{j≠y} exp(s·cos_j): the softmax's denominator, the true class's term included.
  if (o === '+' && ((isExpTrueLogit(a) && others(b)) || (isExpTrueLogit(b) && others(a))))
    return { kind: 'tensor', partition: true };
  // num − log(denominator), exp(num) / denominator, and log(denominator) − num.
  const logRatio = o === '-' && isTrueLogit(a) && b.kind === 'tensor' && b.logNormaliser;
  const ratio = o === '/' && isExpTrueLogit(a) && b.kind === 'tensor' && b.partition;
  if (logRatio || ratio) return trueProbability(a as TrueLogit, false);
  const negated = o === '-' && isTrueLogit(b) && a.kind === 'tensor' && a.logNormaliser;
  return negated ? trueProbability(b, true) : null;
}

function isOpaque(v: Value): boolean {
  return v.kind === 'tensor' && Object.keys(v).length === 1;
}

/** The other classes' terms of a hand-written denominator: a tensor, not a loss or a target. */
function others(v: Value): boolean {
  return v.kind === 'tensor' || v.kind === 'unknown';
}

/** The model's probability of the true class or its log (increasing in p_y), or minus the log (falling). */
function trueProbability(v: TrueLogit, falling: boolean): Value {
  const { labels } = v.trueLogit;
  const trueProb = { ...(labels ? { labels } : {}), falling, margin: true as const };
  return { kind: 'tensor', pred: 'nonlinear', trueProb };
}
