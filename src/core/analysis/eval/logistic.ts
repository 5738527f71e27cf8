import type { SymInfo } from '../bind';
import { evalSym, num, ONE, type Scalar, sub, substitute, symNames } from './scalar';
import { type LogisticPart, paramMix, type Value } from './values';

/**
 * Binary cross-entropy with logits written by hand: softplus(x) − x·t, x·(1 − t) − log σ(x), or the stable form
 * relu(x) − x·t + log(1 + exp(−|x|)). The pieces are tagged with the logits parameter they come from; x·t, linear
 * in x, leaves t's expression (t·(1 − ε) + ε/2) as the target.
 */

type Logistic = Value & { kind: 'tensor'; logistic: { of: string; part: LogisticPart } };

function logisticOf(v: Value): Logistic['logistic'] | undefined {
  return v.kind === 'tensor' ? v.logistic : undefined;
}

function piece(of: string, part: LogisticPart): Logistic {
  return { kind: 'tensor', logistic: { of, part } };
}

/** The logits parameter a value is (or views), when it is one. */
function logitsName(v: Value): string | undefined {
  if (v.kind === 'param' && v.value.kind === 'symbol') return v.value.name;
  return v.kind === 'tensor' && Object.keys(v).every((k) => k === 'kind' || k === 'viewOf')
    ? v.viewOf
    : undefined;
}

/** `abs`, `exp`, `log`, `log1p`, `softplus`, `relu` of logits or of a piece: the next piece, else null. */
export function logisticFunction(name: string, v: Value): Value | null {
  const base = name.endsWith('_') ? name.slice(0, -1) : name;
  const x = logitsName(v);
  if (x !== undefined && base === 'abs') return piece(x, 'abs');
  if (x !== undefined && (base === 'softplus' || base === 'relu')) return piece(x, base);
  const p = logisticOf(v);
  const fromExp = v.kind === 'tensor' ? v.expLogits?.of : undefined;
  if (base === 'exp' && p?.part === 'abs') return piece(p.of, 'expAbs');
  if (base === 'log1p' && fromExp !== undefined) return piece(fromExp, 'softplus');
  if (base === 'log1p' && p?.part === 'expAbs') return piece(p.of, 'rest');
  if (base === 'log' && p?.part === 'onePlusExp') return piece(p.of, 'softplus');
  if (base === 'log' && p?.part === 'onePlusExpAbs') return piece(p.of, 'rest');
  return null;
}

/** `x.clamp(min=0)`: relu of the logits. */
export function logisticRelu(v: Value, min: Scalar | null, max: Value | undefined): Value | null {
  const x = logitsName(v);
  return x !== undefined && min?.kind === 'number' && min.value === 0 && max === undefined
    ? piece(x, 'relu')
    : null;
}

/** `1 + exp(x)`, `1 + exp(−|x|)`. */
export function logisticShift(v: Value, s: Scalar): Value | null {
  if (!(s.kind === 'number' && s.value === 1) || v.kind !== 'tensor') return null;
  if (v.expLogits?.of !== undefined) return piece(v.expLogits.of, 'onePlusExp');
  return v.logistic?.part === 'expAbs' ? piece(v.logistic.of, 'onePlusExpAbs') : null;
}

/**
 * softplus(x) − x·t or relu(x) − x·t: the binary cross-entropy of x against t (the rest of the stable form is
 * constant in t). x·t is a parameter expression linear in x; what multiplies x is the target.
 */
export function logisticLoss(a: Value, b: Value, syms: ReadonlyMap<string, SymInfo>): Value | null {
  const p = logisticOf(a);
  if (!p || (p.part !== 'softplus' && p.part !== 'relu') || b.kind !== 'param')
    return logSigmoidLoss(a, b, syms);
  if (!symNames(b.value).has(p.of) || !linearIn(b.value, p.of)) return null;
  return crossEntropyAgainst(substitute(b.value, p.of, ONE), syms);
}

/** x·(1 − t) − log σ(x): the same loss, as −log σ(x) = softplus(x) − x; what multiplies x is 1 − t. */
function logSigmoidLoss(a: Value, b: Value, syms: ReadonlyMap<string, SymInfo>): Value | null {
  const x = b.kind === 'blog' && !b.neg && !b.opaque ? b.sigmoidOf : undefined;
  if (x === undefined || a.kind !== 'param' || !symNames(a.value).has(x) || !linearIn(a.value, x))
    return null;
  return crossEntropyAgainst(sub(ONE, substitute(a.value, x, ONE)), syms);
}

/** The binary cross-entropy against `target`, a parameter expression (t·(1 − ε) + ε/2), when it names the labels. */
function crossEntropyAgainst(target: Scalar, syms: ReadonlyMap<string, SymInfo>): Value | null {
  const cand = [...symNames(target)].find((n) => syms.get(n)?.tensorCandidate);
  if (!cand) return null;
  const m = paramMix({ kind: 'param', value: target, cand, tensorish: false });
  return m ? { kind: 'prod', target: m, coefficient: ONE, factors: [], binary: 'p' } : null;
}

/** s = x·f with f free of x: zero at x = 0, doubled at x = 2 (probed). */
function linearIn(s: Scalar, x: string): boolean {
  const at = (v: number) => evalSym(substitute(s, x, num(v)), (n) => 0.1 + (n.length % 7) / 10);
  return Math.abs(at(0)) < 1e-12 && Math.abs(at(2) - 2 * at(1)) < 1e-12;
}

/** The stable form's remaining term added to the loss: log(1 + exp(−|x|)) does not depend on the target. */
export function logisticRest(a: Value, b: Value): Value | null {
  if (a.kind === 'prod' && a.binary === 'p' && logisticOf(b)?.part === 'rest') return a;
  if (b.kind === 'prod' && b.binary === 'p' && logisticOf(a)?.part === 'rest') return b;
  return null;
}

type LogSigmoid = Value & { kind: 'blog' };

function logSigmoid(of: string, neg: boolean): LogSigmoid {
  return { kind: 'blog', neg, sigmoidOf: of };
}

/** `F.logsigmoid(x)`: log σ of the logits parameter it names (so x·(1 − t) − log σ(x) reads as a BCE), else opaque. */
export function logSigmoidCall(x: Value, negated: boolean): Value {
  const of = negated ? undefined : logitsName(x);
  return of === undefined ? { kind: 'blog', neg: negated } : logSigmoid(of, false);
}

/** `F.softplus(x, -1)` (β = −1) is −softplus(−x) = log σ(x). */
export function softplusWithBeta(x: Value, beta: Value | undefined): Value | null {
  const of = logitsName(x);
  const b = beta?.kind === 'num' ? beta.value : null;
  return of !== undefined && b?.kind === 'number' && b.value === -1 ? logSigmoid(of, false) : null;
}

/** −softplus(x) = log(1 − σ(x)). */
export function negatedSoftplus(v: Value): Value | null {
  const p = logisticOf(v);
  return p?.part === 'softplus' ? logSigmoid(p.of, true) : null;
}

/**
 * The stable pieces of log σ written by hand (CoinCheung's focal loss): x − softplus(x) = log σ(x) and
 * −x + log σ(x) = log(1 − σ(x)).
 */
export function logSigmoidArithmetic(o: string, a: Value, b: Value): Value | null {
  const x = logitsName(a);
  if (o === '-' && x !== undefined && logisticOf(b)?.part === 'softplus' && logisticOf(b)?.of === x)
    return logSigmoid(x, false);
  if (o !== '+') return null;
  const [s, l] = a.kind === 'blog' ? [b, a] : [a, b];
  if (l.kind !== 'blog' || l.neg || l.sigmoidOf === undefined || s.kind !== 'param') return null;
  const at = (v: number) => evalSym(substitute(s.value, l.sigmoidOf as string, num(v)), () => Number.NaN);
  return symNames(s.value).size === 1 && at(1) === -1 && at(2) === -2 ? logSigmoid(l.sigmoidOf, true) : null;
}

/** `torch.where(x >= 0, a, b)` of two forms of the same log σ (the stable branches): that log σ. */
export function sameLogSigmoid(a: Value, b: Value): Value | null {
  return a.kind === 'blog' &&
    b.kind === 'blog' &&
    a.sigmoidOf !== undefined &&
    a.sigmoidOf === b.sigmoidOf &&
    a.neg === b.neg
    ? a
    : null;
}
