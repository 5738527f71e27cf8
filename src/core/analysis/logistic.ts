import type { SymInfo } from './scope';
import { evalSym, num, ONE, type Sym, sub, substitute, symNames } from './sym';
import { type AV, type LogisticPart, paramMix } from './values';

/**
 * Binary cross-entropy with logits written by hand: softplus(x) − x·t, x·(1 − t) − log σ(x), or the stable form
 * relu(x) − x·t + log(1 + exp(−|x|)). The pieces are tagged with the logits parameter they come from; x·t, linear
 * in x, leaves t's expression (t·(1 − ε) + ε/2) as the target.
 */

type Logistic = AV & { k: 'tensor'; logistic: { of: string; part: LogisticPart } };

function logisticOf(v: AV): Logistic['logistic'] | undefined {
  return v.k === 'tensor' ? v.logistic : undefined;
}

function piece(of: string, part: LogisticPart): Logistic {
  return { k: 'tensor', logistic: { of, part } };
}

/** The logits parameter a value is (or views), when it is one. */
function logitsName(v: AV): string | undefined {
  if (v.k === 'param' && v.s.k === 's') return v.s.name;
  return v.k === 'tensor' && Object.keys(v).every((k) => k === 'k' || k === 'viewOf') ? v.viewOf : undefined;
}

/** `abs`, `exp`, `log`, `log1p`, `softplus`, `relu` of logits or of a piece: the next piece, else null. */
export function logisticFunction(name: string, v: AV): AV | null {
  const base = name.endsWith('_') ? name.slice(0, -1) : name;
  const x = logitsName(v);
  if (x !== undefined && base === 'abs') return piece(x, 'abs');
  if (x !== undefined && (base === 'softplus' || base === 'relu')) return piece(x, base);
  const p = logisticOf(v);
  const fromExp = v.k === 'tensor' ? v.expLogits?.of : undefined;
  if (base === 'exp' && p?.part === 'abs') return piece(p.of, 'expAbs');
  if (base === 'log1p' && fromExp !== undefined) return piece(fromExp, 'softplus');
  if (base === 'log1p' && p?.part === 'expAbs') return piece(p.of, 'rest');
  if (base === 'log' && p?.part === 'onePlusExp') return piece(p.of, 'softplus');
  if (base === 'log' && p?.part === 'onePlusExpAbs') return piece(p.of, 'rest');
  return null;
}

/** `x.clamp(min=0)`: relu of the logits. */
export function logisticRelu(v: AV, min: Sym | null, max: AV | undefined): AV | null {
  const x = logitsName(v);
  return x !== undefined && min?.k === 'n' && min.v === 0 && max === undefined ? piece(x, 'relu') : null;
}

/** `1 + exp(x)`, `1 + exp(−|x|)`. */
export function logisticShift(v: AV, s: Sym): AV | null {
  if (!(s.k === 'n' && s.v === 1) || v.k !== 'tensor') return null;
  if (v.expLogits?.of !== undefined) return piece(v.expLogits.of, 'onePlusExp');
  return v.logistic?.part === 'expAbs' ? piece(v.logistic.of, 'onePlusExpAbs') : null;
}

/**
 * softplus(x) − x·t or relu(x) − x·t: the binary cross-entropy of x against t (the rest of the stable form is
 * constant in t). x·t is a parameter expression linear in x; what multiplies x is the target.
 */
export function logisticLoss(a: AV, b: AV, syms: ReadonlyMap<string, SymInfo>): AV | null {
  const p = logisticOf(a);
  if (!p || (p.part !== 'softplus' && p.part !== 'relu') || b.k !== 'param')
    return logSigmoidLoss(a, b, syms);
  if (!symNames(b.s).has(p.of) || !linearIn(b.s, p.of)) return null;
  return crossEntropyAgainst(substitute(b.s, p.of, ONE), syms);
}

/** x·(1 − t) − log σ(x): the same loss, as −log σ(x) = softplus(x) − x; what multiplies x is 1 − t. */
function logSigmoidLoss(a: AV, b: AV, syms: ReadonlyMap<string, SymInfo>): AV | null {
  const x = b.k === 'blog' && !b.neg && !b.opaque ? b.sigmoidOf : undefined;
  if (x === undefined || a.k !== 'param' || !symNames(a.s).has(x) || !linearIn(a.s, x)) return null;
  return crossEntropyAgainst(sub(ONE, substitute(a.s, x, ONE)), syms);
}

/** The binary cross-entropy against `target`, a parameter expression (t·(1 − ε) + ε/2), when it names the labels. */
function crossEntropyAgainst(target: Sym, syms: ReadonlyMap<string, SymInfo>): AV | null {
  const cand = [...symNames(target)].find((n) => syms.get(n)?.tensorCandidate);
  if (!cand) return null;
  const m = paramMix({ k: 'param', s: target, cand, tensorish: false });
  return m ? { k: 'prod', d: m, c: ONE, factors: [], binary: 'p' } : null;
}

/** s = x·f with f free of x: zero at x = 0, doubled at x = 2 (probed). */
function linearIn(s: Sym, x: string): boolean {
  const at = (v: number) => evalSym(substitute(s, x, num(v)), (n) => 0.1 + (n.length % 7) / 10);
  return Math.abs(at(0)) < 1e-12 && Math.abs(at(2) - 2 * at(1)) < 1e-12;
}

/** The stable form's remaining term added to the loss: log(1 + exp(−|x|)) does not depend on the target. */
export function logisticRest(a: AV, b: AV): AV | null {
  if (a.k === 'prod' && a.binary === 'p' && logisticOf(b)?.part === 'rest') return a;
  if (b.k === 'prod' && b.binary === 'p' && logisticOf(a)?.part === 'rest') return b;
  return null;
}

type LogSigmoid = AV & { k: 'blog' };

function logSigmoid(of: string, neg: boolean): LogSigmoid {
  return { k: 'blog', neg, sigmoidOf: of };
}

/** `F.logsigmoid(x)`: log σ of the logits parameter it names (so x·(1 − t) − log σ(x) reads as a BCE), else opaque. */
export function logSigmoidCall(x: AV, negated: boolean): AV {
  const of = negated ? undefined : logitsName(x);
  return of === undefined ? { k: 'blog', neg: negated } : logSigmoid(of, false);
}

/** `F.softplus(x, -1)` (β = −1) is −softplus(−x) = log σ(x). */
export function softplusWithBeta(x: AV, beta: AV | undefined): AV | null {
  const of = logitsName(x);
  const b = beta?.k === 'num' ? beta.s : null;
  return of !== undefined && b?.k === 'n' && b.v === -1 ? logSigmoid(of, false) : null;
}

/** −softplus(x) = log(1 − σ(x)). */
export function negatedSoftplus(v: AV): AV | null {
  const p = logisticOf(v);
  return p?.part === 'softplus' ? logSigmoid(p.of, true) : null;
}

/**
 * The stable pieces of log σ written by hand (CoinCheung's focal loss): x − softplus(x) = log σ(x) and
 * −x + log σ(x) = log(1 − σ(x)).
 */
export function logSigmoidArithmetic(o: string, a: AV, b: AV): AV | null {
  const x = logitsName(a);
  if (o === '-' && x !== undefined && logisticOf(b)?.part === 'softplus' && logisticOf(b)?.of === x)
    return logSigmoid(x, false);
  if (o !== '+') return null;
  const [s, l] = a.k === 'blog' ? [b, a] : [a, b];
  if (l.k !== 'blog' || l.neg || l.sigmoidOf === undefined || s.k !== 'param') return null;
  const at = (v: number) => evalSym(substitute(s.s, l.sigmoidOf as string, num(v)), () => Number.NaN);
  return symNames(s.s).size === 1 && at(1) === -1 && at(2) === -2 ? logSigmoid(l.sigmoidOf, true) : null;
}

/** `torch.where(x >= 0, a, b)` of two forms of the same log σ (the stable branches): that log σ. */
export function sameLogSigmoid(a: AV, b: AV): AV | null {
  return a.k === 'blog' &&
    b.k === 'blog' &&
    a.sigmoidOf !== undefined &&
    a.sigmoidOf === b.sigmoidOf &&
    a.neg === b.neg
    ? a
    : null;
}
