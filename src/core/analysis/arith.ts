import type { Span } from './expr';
import { logisticRest, logisticShift, logSigmoidArithmetic, negatedSoftplus } from './logistic';
import { marginArithmetic } from './marginSoftmax';
import { carryDerivation, derivationOf, modulate } from './modulation';
import { reverseCrossEntropy, signedLogits } from './signedLabels';
import { add, div, evalSym, mul, neg, num, ONE, op, type Sym, ZERO } from './sym';
import { keptTableReason, MODEL, RELAXED, variesReason } from './unfixedTargets';
import {
  type AV,
  addLoss,
  addMix,
  divMix,
  isSmoothedTarget,
  isTensorish,
  labelDerived,
  MASK,
  type Mix,
  mix,
  ownPrediction,
  paramMix,
  sameTarget,
  scalarOf,
  scaleMix,
  TENSOR,
  tensorMix,
  trueProbLoss,
  UNKNOWN,
} from './values';

const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=', '&', '|', '~']);

/** Abstract arithmetic: how scalars, log-probabilities, target mixes, losses and prediction factors combine. */
export function binop(o: string, a: AV, b: AV, bSpan: Span, aSpan: Span): AV {
  return carryDerivation(o, a, b, arithmetic(o, a, b, bSpan, aSpan));
}

function arithmetic(o: string, a0: AV, b0: AV, bSpan: Span, aSpan: Span): AV {
  const a = isLiteral(b0) ? asNumber(eyeOneHot(a0)) : eyeOneHot(a0);
  const b = isLiteral(a0) ? asNumber(eyeOneHot(b0)) : eyeOneHot(b0);
  const sa = scalarOf(a);
  const sb = scalarOf(b);
  const test = COMPARISONS.has(o) ? labelTest(o, a0, b0) : null;
  const support = supportTest(o, a0, b0);
  if (support)
    return test && test.k === 'tensor' ? { ...test, support } : { k: 'tensor', mask: true, support };
  if (test) return test;
  const logSigmoid = logSigmoidArithmetic(o, a, b);
  if (logSigmoid) return logSigmoid;
  // A matrix product (similarities `img @ txt.T`) is a tensor, never a target or a number.
  if (o === '@') return TENSOR;
  if (sa && sb && (o === '+' || o === '-' || o === '*' || o === '/')) return scalarOp(a, b, op(o, sa, sb));
  const margin = marginArithmetic(o, a, b);
  if (margin) return margin;
  if (o === '*' && a.k === 'dist' && smoothedTimesInput(a.d, b)) return smoothedProduct(a.d);
  if (o === '*' && b.k === 'dist' && smoothedTimesInput(b.d, a)) return smoothedProduct(b.d);
  if (o === '*' && (isCandidate(a) || isCandidate(b)) && (isLogLike(a) || isLogLike(b))) {
    return isCandidate(a) ? times(paramDist(a), b, aSpan, bSpan) : times(a, paramDist(b), aSpan, bSpan);
  }
  if (o === '-' && b.k === 'tensor' && b.logNormaliser) return normalised(a);
  // log Σ exp x − x_y is −log softmax(x)_y exactly, not a loss reworked by another tensor.
  if (o === '-' && a.k === 'tensor' && a.logNormaliser && b.k === 'loss') return negate(b);
  if (o === '-' && b.k === 'tensor' && b.rowMax && (a.k === 'param' || a.k === 'tensor')) return a;
  if (o === '-' && a.k === 'tensor' && a.logTarget && b.k === 'logp') return klTerm(negate(b));
  // log q − log p of a given distribution q and given log-probabilities: q times it is a KL term.
  if (
    o === '-' &&
    a.k === 'blog' &&
    a.of !== undefined &&
    isCandidate(b) &&
    !(b.k === 'param' && b.s.k === 's' && b.s.name === a.of)
  )
    return { k: 'logp', c: num(-1), factors: [], kl: true };
  // log q − log_softmax(x) of a given distribution q: the same KL term, the model's log-probabilities computed here.
  if (o === '-' && a.k === 'blog' && a.of !== undefined && b.k === 'logp' && a.of !== b.source)
    return klTerm(negate(b));
  if ((o === '-' || o === '+') && a.k === 'tensor' && a.targetEntropy)
    return klTerm(o === '-' ? negate(b) : b);
  if ((o === '-' || o === '+') && b.k === 'tensor' && b.targetEntropy) return klTerm(a);
  if (o === '+') {
    const stable = logisticRest(a, b);
    if (stable) return stable;
  }
  if (o === '+' || o === '-') return labelBlend(addSub(o, a, b, sa, sb), a, b);
  if (o === '*')
    return sb ? scale(a, (x) => mul(x, sb)) : sa ? scale(b, (x) => mul(sa, x)) : times(a, b, aSpan, bSpan);
  if (o === '/') return divide(a, b, sb);
  if (o === '==') {
    const oneHot = labelsEqualRange(a, b) ?? labelsEqualRange(b, a);
    if (oneHot) return oneHot;
  }
  if (COMPARISONS.has(o) && !(sa && sb)) return MASK;
  // `target != self.padding_idx`: a parameter that may be the labels tested for equality with an index is a mask.
  if ((o === '==' || o === '!=') && maybeTensor(a) !== maybeTensor(b)) return MASK;
  return isTensorish(a) || isTensorish(b) ? TENSOR : UNKNOWN;
}

/**
 * `t == 1`, `t > 0.5`, `t == 0`: a test of binary labels against a number, true on the positives or on the
 * negatives (`torch.where(t == 1, 1 - ε, ε)` builds a target from it).
 */
function labelTest(o: string, a: AV, b: AV): AV | null {
  const literal = (v: AV) => (v.k === 'num' && v.s.k === 'n' ? v.s.v : null);
  const labels = (v: AV) =>
    v.k === 'param' && v.s.k === 's' && v.cand !== null
      ? v.s.name
      : v.k === 'tensor'
        ? v.viewOf
        : v.k === 'dist' && hardOneHot(v.d) // `onehot(y) > 0.1`: the true-class mask of the labels
          ? (v.d.labels ?? UNNAMED)
          : undefined;
  const [name, value, flipped] =
    literal(b) !== null ? [labels(a), literal(b), false] : [labels(b), literal(a), true];
  if (name === undefined || value === null) return null;
  const holds = (t: number): boolean | null => {
    const [l, r] = flipped ? [value, t] : [t, value];
    if (o === '==') return l === r;
    if (o === '!=') return l !== r;
    if (o === '>') return l > r;
    if (o === '>=') return l >= r;
    if (o === '<') return l < r;
    if (o === '<=') return l <= r;
    return null;
  };
  const [one, zero] = [holds(1), holds(0)];
  if (one === null || one === zero) return null;
  return { k: 'tensor', mask: true, labelTest: { labels: name, whereOne: one } };
}

/** `q > 0`, `0 != q`, `q == 0`, `q <= 0` of a target q: whether the test holds on the target's support. */
function supportTest(o: string, a: AV, b: AV): { of: Mix; holds: boolean } | null {
  const zero = (v: AV) => v.k === 'num' && v.s.k === 'n' && v.s.v === 0;
  const [q, flipped] = zero(b) ? [a, false] : zero(a) ? [b, true] : [null, false];
  if (q?.k !== 'dist' || q.d.src === 'none') return null;
  const side = flipped
    ? (({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[o] ?? o)
    : o;
  if (side === '>' || side === '!=') return { of: q.d, holds: true };
  if (side === '==' || side === '<=') return { of: q.d, holds: false };
  return null;
}

/** Scalar arithmetic; a parameter operand that may be a target tensor keeps that reading (`(1 − ε)·target`). */
function scalarOp(a: AV, b: AV, s: Sym): AV {
  const params = [a, b].filter((v): v is AV & { k: 'param' } => v.k === 'param');
  if (params.length === 0) return { k: 'num', s };
  const cand = params.find((p) => p.cand !== null) ?? params[0];
  return { ...cand, s };
}

function isCandidate(v: AV): boolean {
  return v.k === 'param' && (v.tensorish || v.cand !== null);
}

function isLogLike(v: AV): boolean {
  return v.k === 'logp' || v.k === 'blog' || v.k === 'prob';
}

function paramDist(v: AV): AV {
  const m = paramMix(v);
  return m ? { k: 'dist', d: m } : v;
}

function addSub(o: '+' | '-', a: AV, b: AV, sa: Sym | null, sb: Sym | null): AV {
  if (sa?.k === 'n' && sa.v === 0) return o === '+' ? b : negate(b);
  const rb = o === '+' ? b : negate(b);
  // Before a parameter reads as a number: `β·target + (1 − β)·softmax(x)` is a target, not a shift.
  const own = labelsPlusPrediction(a, rb) ?? labelsPlusPrediction(rb, a);
  if (own) return own;
  if (sb) return shift(a, o === '+' ? sb : neg(sb));
  if (sa) return o === '+' ? shift(b, sa) : shift(negate(b), sa);
  const ma = mixOf(a);
  const mb = mixOf(rb);
  if (a.k === 'loss' && rb.k === 'loss') return { k: 'loss', l: addLoss(a.l, rb.l) };
  if (a.k === 'prod' && rb.k === 'prod' && labelFree(a, rb)) return TENSOR;
  if (a.k === 'prod' && rb.k === 'prod') return a.binary === 'p' || !rb.binary ? a : rb;
  // q·log p plus a tensor the analysis does not follow (t^(2−t₁) and p^(2−t₁) terms of a bi-tempered loss).
  if (a.k === 'prod' && a.d && isExtraTerm(rb)) return { ...a, reworked: true };
  if (rb.k === 'prod' && rb.d && isExtraTerm(a)) return { ...rb, reworked: true };
  const weighted = weightedTrueProb(a, rb) ?? weightedTrueProb(rb, a);
  if (weighted) return weighted;
  const varied = variedTarget(a, rb) ?? variedTarget(rb, a);
  if (varied) return varied;
  if ((constantFill(a) && opaque(rb)) || (constantFill(rb) && opaque(a))) return TENSOR;
  if (ma && mb && (a.k === 'dist' || rb.k === 'dist'))
    return sameTarget(ma, mb) ? { k: 'dist', d: addMix(ma, mb) } : TENSOR;
  const relaxation = relaxed(a, rb) ?? relaxed(rb, a);
  if (relaxation) return relaxation;
  if (a.k === 'loss') return reworked(a);
  if (rb.k === 'loss') return reworked(rb);
  return isTensorish(a) || isTensorish(b) ? TENSOR : UNKNOWN;
}

const CHANGED_LOGITS: AV = { k: 'tensor', changedLogits: true };

/**
 * A sum the analysis reads as no target nor loss, of terms built from the labels (`onehot * phi + (1 - onehot) *
 * cos`, margin logits blended in by the labels): taken as logits, they are not the model's own.
 */
function labelBlend(sum: AV, a: AV, b: AV): AV {
  const plain = sum.k === 'tensor' && Object.keys(sum).length === 1;
  return plain && (labelDependent(a) || labelDependent(b)) ? CHANGED_LOGITS : sum;
}

function labelDependent(v: AV): boolean {
  return (
    changedLogits(v) || (v.k === 'dist' && v.d.src === 'index') || (v.k === 'prod' && v.d?.src === 'index')
  );
}

function changedLogits(v: AV): boolean {
  return v.k === 'tensor' && v.changedLogits === true;
}

/** A fill of constants (`torch.ones_like(x)`), no labels in it yet. */
function constantFill(v: AV): boolean {
  return v.k === 'dist' && v.d.src === 'none' && v.d.self === undefined && v.d.unfixed === undefined;
}

/**
 * A tensor the analysis does not follow and that names no target (`x.pow(i)`, a matrix product): a constant fill
 * plus it (`ones_like(x) + x.pow(i) / i!`, a Taylor softmax's numerator) is no target built from a tensor.
 */
function opaque(v: AV): boolean {
  return v.k === 'tensor' && Object.keys(v).length === 1;
}

/**
 * x − logsumexp(x) is log_softmax(x); a gathered true-class logit minus it is log p_y (the gather already stands for
 * it); the logsumexp of the off-target logits minus it is log(1 − p_y).
 */
function normalised(a: AV): AV {
  if (a.k === 'loss') return a;
  if (a.k === 'tensor' && a.offTarget === 'normaliser')
    return { k: 'tensor', pred: 'nonlinear', offTarget: 'log' };
  return { k: 'logp', c: ONE, factors: [] };
}

function offTargetLog(v: AV): boolean {
  return v.k === 'tensor' && v.offTarget === 'log';
}

/** A cross-entropy on the labels plus α·log(1 − p_y): the KL to label relaxation's credal target. */
function relaxed(loss: AV, other: AV): AV | null {
  if (loss.k !== 'loss' || !offTargetLog(other)) return null;
  return { k: 'loss', l: { ...loss.l, unfixed: RELAXED } };
}

/** onehot(y) itself: 1 on the true class, 0 elsewhere. */
function hardOneHot(d: Mix): boolean {
  return d.src === 'index' && d.hot.k === 'n' && d.hot.v === 1 && d.off.k === 'n' && d.off.v === 0 && !d.self;
}

/**
 * A tensor added to a q·log p term, computed from the predictions or the target alone (not an opaque tensor:
 * margin logits).
 */
function isExtraTerm(v: AV): boolean {
  return derivationOf(v) !== null || (v.k === 'tensor' && v.ofTarget === true);
}

const UNNAMED = '(unnamed)';

/**
 * `β·onehot(y) + (1 − β)·softmax(x)`: a target from the labels with a model's probabilities in it; also from a
 * given target tensor (`β·target + (1 − β)·softmax(x)`, the one-hot passed dense).
 */
function labelsPlusPrediction(labels: AV, p: AV): AV | null {
  if (p.k !== 'prob' || p.c === undefined) return null;
  const d = labels.k === 'dist' && labels.d.src === 'index' ? labels.d : givenTarget(labels);
  if (!d) return null;
  // Probabilities of a value the analysis cannot name (`softmax(t / T)`) are never the model's own.
  const of = p.source ?? UNNAMED;
  if (d.selfOf !== undefined && d.selfOf !== of) return null;
  return { k: 'dist', d: { ...d, self: add(d.self ?? ZERO, p.c), selfOf: of } };
}

/** A target parameter, rescaled by numbers (`β·target`): its mix, naming the parameter. */
function givenTarget(v: AV): Mix | null {
  const m = v.k === 'param' && v.cand !== null ? paramMix(v) : null;
  return m?.tensor !== undefined ? m : null;
}

/** A loss combined with a value the analysis does not follow (a mask, a tensor weight, an extra term). */
function reworked(v: AV & { k: 'loss' }): AV {
  return { k: 'loss', l: { ...v.l, reworked: true } };
}

export function mixOf(v: AV): Mix | null {
  if (v.k === 'dist') return v.d;
  if (v.k === 'tensor') return tensorMix(v.viewOf);
  return paramMix(v);
}

/**
 * x + s for a scalar s. A parameter's data shifted is a target built from it (`t + ε/2`); a tensor the analysis
 * cannot name stays opaque (`labels + offset` on class indices, features, logits).
 */
function shift(v: AV, s: Sym): AV {
  const logistic = logisticShift(v, s);
  if (logistic) return logistic;
  const named = namedTensor(v);
  if (named !== undefined) return { k: 'dist', d: { ...tensorMix(named), off: s } };
  if (v.k === 'tensor' || v.k === 'param') return v.k === 'tensor' ? v : TENSOR;
  if (v.k === 'dist') return { k: 'dist', d: { ...v.d, off: add(v.d.off, s) } };
  if (v.k === 'prob' && s.k === 'n' && s.v >= 1 - 1e-9 && s.v <= 1 + 1e-9) return { ...v, neg: !v.neg };
  // A loss plus a term (a regulariser on the logits, a constant): no torch loss gives its value any more.
  if (v.k === 'loss' && !(s.k === 'n' && s.v === 0)) return reworked(v);
  return v;
}

export function negate(v: AV): AV {
  const logOneMinus = negatedSoftplus(v);
  if (logOneMinus) return logOneMinus;
  if (v.k === 'param' && !v.tensorish) return { ...v, s: neg(v.s) };
  if (v.k === 'tensor' && v.trueProb?.reduced)
    return trueProbLoss({ ...v.trueProb, falling: true }, v.trueProb.reduced);
  if (v.k === 'tensor' && v.trueProb)
    return { ...v, trueProb: { ...v.trueProb, falling: !v.trueProb.falling } };
  const s = scalarOf(v);
  if (s) return { k: 'num', s: neg(s) };
  if (v.k === 'prob' || derivationOf(v)) return v;
  return scale(v, neg);
}

/** The parameter a tensor-valued operand is the data of, if any. */
function namedTensor(v: AV): string | undefined {
  if (v.k === 'tensor') return v.viewOf;
  return v.k === 'param' && v.tensorish && v.s.k === 's' ? v.s.name : undefined;
}

function scale(v: AV, f: (s: Sym) => Sym): AV {
  const named = namedTensor(v);
  if (named !== undefined) return { k: 'dist', d: scaleMix(tensorMix(named), f) };
  switch (v.k) {
    case 'tensor':
      // −1 · (a function of p_y) turns its direction; an unknown factor is a positive hyperparameter (−τ·p_y falls).
      return v.trueProb && evalSym(f(ONE), () => 1) < 0 ? negate(v) : v;
    case 'param':
      return v.tensorish ? TENSOR : { k: 'num', s: f(v.s) };
    case 'dist':
      return { k: 'dist', d: scaleMix(v.d, f) };
    case 'loss':
      return { k: 'loss', l: scaleMix(v.l, f) };
    case 'logp':
    case 'prod':
      return { ...v, c: f(v.c) };
    case 'prob':
      return v.multi && !v.neg ? { ...v, c: f(v.c ?? ONE) } : v;
    default:
      return v;
  }
}

function times(a: AV, b: AV, aSpan: Span, bSpan: Span): AV {
  const labelled =
    signedLogits(a, b) ?? signedLogits(b, a) ?? reverseCrossEntropy(a, b) ?? reverseCrossEntropy(b, a);
  if (labelled) return labelled;
  const modulated = modulate(a, b) ?? modulate(b, a);
  if (modulated) return modulated;
  const soft = predictedTarget(a, b) ?? predictedTarget(b, a);
  if (soft) return soft;
  const kept = storedTimesProb(a, b) ?? storedTimesProb(b, a);
  if (kept) return kept;
  const weighted = weightedTrueProb(a, b) ?? weightedTrueProb(b, a);
  if (weighted) return weighted;
  const scaled = scaledTarget(a, b) ?? scaledTarget(b, a);
  if (scaled) return scaled;
  const [x, y, ySpan] = rank(a) >= rank(b) ? [a, b, bSpan] : [b, a, aSpan];
  const my = mixOf(y);
  if (x.k === 'logp' && y.k === 'dist' && y.scaledBy?.table) return { ...x, factors: [...x.factors, ySpan] };
  if (x.k === 'logp' && y.k === 'dist')
    return {
      k: 'prod',
      d: ownPrediction(y.d, x.source),
      c: x.c,
      factors: x.factors,
      binary: null,
      modulated: x.modulated || y.scaledBy !== undefined,
      kl: x.kl,
      ...(x.changedLogits ? { changedLogits: true as const } : {}),
    };
  if (x.k === 'logp' && y.k === 'tensor' && y.stored)
    return { k: 'prod', d: keptTable(y.stored), c: x.c, factors: x.factors, binary: null };
  if (x.k === 'logp' && my) return { ...x, factors: [...x.factors, ySpan] };
  if (x.k === 'blog' && my)
    return {
      k: 'prod',
      d: my,
      c: num(1),
      factors: [],
      binary: x.neg ? 'q' : 'p',
      ...(x.opaque ? { opaque: true } : {}),
    };
  if (x.k === 'prod' && y.k === 'dist' && !x.d) return { ...x, d: y.d };
  if (x.k === 'prod' && my) return { ...x, factors: [...x.factors, ySpan] };
  if (x.k === 'dist' && y.k === 'dist') return productOfMixes(x.d, y.d);
  if (x.k === 'dist' && smoothedTimesInput(x.d, y)) return smoothedProduct(x.d);
  if (x.k === 'dist' && y.k === 'prob' && y.multi && !y.neg && hardOneHot(x.d))
    return { k: 'tensor', pred: 'affine', trueProb: { labels: x.d.labels, falling: false, exact: true } };
  if (x.k === 'dist' && y.k === 'prob' && y.multi && !y.neg && isSmoothedTarget(x))
    return { k: 'tensor', pred: 'affine', trueProb: { falling: false, smoothed: x.d } };
  const smoothedProb = weightedSmoothedProb(a, b) ?? weightedSmoothedProb(b, a);
  if (smoothedProb) return smoothedProb;
  // q·log q: the target's own entropy, a constant that turns q·log q − q·log p into a KL divergence.
  if (x.k === 'dist' && y.k === 'tensor' && y.logTarget) return { k: 'tensor', targetEntropy: true };
  if (x.k === 'dist' && isMask(y)) return { k: 'dist', d: { ...x.d, rowMask: true } };
  if (x.k === 'dist') return TENSOR;
  if (x.k === 'loss') return reworked(x);
  return isTensorish(a) || isTensorish(b) ? TENSOR : UNKNOWN;
}

/**
 * A kept table's rows times the model's probabilities (`self.target[i] * p`, summed: ELR's ⟨t, p⟩): the probability
 * that soft target gives the prediction, a term on it like Σ q·p of a smoothed target.
 */
function storedTimesProb(table: AV, p: AV): AV | null {
  if (table.k !== 'tensor' || !table.stored || p.k !== 'prob' || !p.multi || p.neg) return null;
  const smoothed = keptTable(table.stored);
  return { k: 'tensor', pred: 'affine', trueProb: { falling: false, smoothed } };
}

/**
 * A function of p_y times, or plus, a per-sample weight read from a table the module keeps (`self.weight[indexes]`,
 * the truncated L_q loss's sample selection): still that function of p_y, re-weighted or shifted.
 */
function weightedTrueProb(t: AV, weight: AV): AV | null {
  if (t.k !== 'tensor' || !t.trueProb || t.trueProb.smoothed) return null;
  return weight.k === 'tensor' && weight.stored !== undefined && !derivationOf(weight) ? t : null;
}

/** A target from the labels times a per-sample factor from the model's predictions or from a table read by index. */
function scaledTarget(t: AV, factor: AV): AV | null {
  if (t.k !== 'dist' || !labelDerived(t.d) || factor.k !== 'tensor') return null;
  if (factor.stored) return { ...t, scaledBy: { table: factor.stored } };
  return factor.pred ? { ...t, scaledBy: {} } : null;
}

/**
 * A target from the labels plus a part that varies per sample with the model's predictions or a table (`(1 − ε_i)·
 * onehot + ε_i/K`, ε_i from the model's confidence): adaptive smoothing, whatever the fixed form it resembles.
 */
function variedTarget(t: AV, other: AV): AV | null {
  if (t.k !== 'dist' || !labelDerived(t.d)) return null;
  const source = (v: AV): string | null => {
    if (v.k === 'dist' && v.scaledBy) return v.scaledBy.table ?? MODEL;
    if (v.k === 'tensor' && v.stored) return v.stored;
    return v.k === 'tensor' && v.pred ? MODEL : null;
  };
  const varies = source(t) ?? source(other);
  if (!varies || (source(t) === null && other.k === 'dist')) return null;
  const d = other.k === 'dist' && sameTarget(t.d, other.d) ? addMix(t.d, other.d) : t.d;
  return { k: 'dist', d: { ...d, unfixed: variesReason(varies) } };
}

function keptTable(table: string): Mix {
  return { ...tensorMix(), unfixed: keptTableReason(table) };
}

/** Σ q·p of a smoothed target (or its log) times a prediction factor (`(1 − pt)^γ·log pt`): still a term on it. */
function weightedSmoothedProb(term: AV, factor: AV): AV | null {
  if (term.k !== 'tensor' || !term.trueProb?.smoothed) return null;
  if (!(derivationOf(factor) || (factor.k === 'tensor' && factor.trueProb))) return null;
  return { ...term, pred: 'nonlinear' };
}

/**
 * (h₁·1[y] + o₁)·(h₂·1[y] + o₂) = (h₁h₂ + h₁o₂ + o₁h₂)·1[y] + o₁o₂, as 1[y]² = 1[y]: two fills or one-hots of
 * the same labels multiply into a target. A target times another tensor (margin logits) is not a target.
 */
function productOfMixes(a: Mix, b: Mix): AV {
  if (isConstantFill(a)) return { k: 'dist', d: scaleMix(b, (x) => mul(a.off, x)) };
  if (isConstantFill(b)) return { k: 'dist', d: scaleMix(a, (x) => mul(x, b.off)) };
  const indexed = (m: Mix) => m.src === 'index' || m.src === 'none';
  if (!indexed(a) || !indexed(b)) return TENSOR;
  const hot = add(add(mul(a.hot, b.hot), mul(a.hot, b.off)), mul(a.off, b.hot));
  return { k: 'dist', d: { ...addMix(a, b), hot, off: mul(a.off, b.off) } };
}

/** `torch.ones_like(x) * c`: a fill of one number everywhere scales what it multiplies (a target tensor too). */
function isConstantFill(m: Mix): boolean {
  return (
    m.src === 'none' && m.hot.k === 'n' && m.hot.v === 0 && !m.colZero && !m.rowMask && !m.renorm && !m.self
  );
}

/** `labels[:, None] == torch.arange(K)`: the one-hot of the labels. */
function labelsEqualRange(labels: AV, range: AV): AV | null {
  if (range.k !== 'tensor' || !range.classRange || range.classRange.eye) return null;
  if (!(labels.k === 'param' || labels.k === 'tensor')) return null;
  const classes = range.classRange.classes ?? undefined;
  return { k: 'dist', d: { ...mix(ONE, ZERO, 'index'), classes } };
}

/**
 * Probabilities times log-probabilities: of the same logits, the model's own prediction used as (part of) the
 * target (bootstrapping, or an entropy term); of other logits (a teacher), a soft target.
 */
function predictedTarget(p: AV, l: AV): AV | null {
  if (p.k !== 'prob' || !p.multi || l.k !== 'logp') return null;
  const own = p.source !== undefined && p.source === l.source;
  const d: Mix = own ? { ...mix(ZERO, ZERO, 'none'), self: ONE } : tensorMix();
  return { k: 'prod', d, c: l.c, factors: l.factors, binary: null, modulated: l.modulated };
}

/** A term that differs from a cross-entropy by the target's entropy (q·log q dropped or added). */
function klTerm(v: AV): AV {
  return v.k === 'logp' || v.k === 'prod'
    ? { ...v, kl: true }
    : v.k === 'loss'
      ? { k: 'loss', l: { ...v.l, kl: true } }
      : v;
}

/** `torch.eye(n)` in arithmetic: the one-hot of each row's own index (CLIP / SigLIP pairs: row i matches column i). */
function eyeOneHot(v: AV): AV {
  if (v.k !== 'tensor' || !v.classRange?.eye) return v;
  return { k: 'dist', d: { ...mix(ONE, ZERO, 'index'), classes: v.classRange.classes ?? undefined } };
}

function isLiteral(v: AV): boolean {
  return v.k === 'num' && v.s.k === 'n';
}

/**
 * A parameter defaulting to None is read as an optional tensor (a class weight); in arithmetic with a literal
 * number (`1 - drop_prob`, `eps / 2`) it is a number.
 */
function asNumber(v: AV): AV {
  return v.k === 'param' && v.tensorish ? { ...v, tensorish: false, cand: null } : v;
}

/**
 * A smoothed target built from the labels times one of the function's inputs: the input is the log-probabilities
 * the caller passes (`-(smoothed * lprobs).sum(-1)`), not a mask.
 */
function smoothedTimesInput(d: Mix, input: AV): boolean {
  const isInput = isCandidate(input) || (input.k === 'tensor' && input.viewOf !== undefined);
  return isInput && d.src === 'index' && !(d.off.k === 'n' && d.off.v === 0);
}

function smoothedProduct(d: Mix): AV {
  return { k: 'prod', d, c: ONE, factors: [], binary: null };
}

/** A row selector: a comparison, or a mask parameter of the function. */
/**
 * t·log σ(z) + (1 − t)·log σ(z): the same binary log term on both sides of the labels, whose weights add up to one
 * free of them: a function of z alone (Pytorch-NLU's "smoothed logits" loss), no loss against the labels.
 */
function labelFree(a: AV & { k: 'prod' }, b: AV & { k: 'prod' }): boolean {
  if (!a.binary || a.binary !== b.binary || a.opaque || b.opaque || !a.d || !b.d || !sameTarget(a.d, b.d))
    return false;
  const hot = add(mul(a.c, a.d.hot), mul(b.c, b.d.hot));
  const at = (seed: number) => evalSym(hot, (n) => 0.1 + ((n.length * seed) % 7) / 10);
  return Math.abs(at(1)) < 1e-12 && Math.abs(at(3)) < 1e-12;
}

function isMask(v: AV): boolean {
  return (v.k === 'tensor' && v.mask === true) || maybeTensor(v);
}

function maybeTensor(v: AV): boolean {
  return v.k === 'param' && (v.tensorish || v.cand !== null);
}

const RANK: Partial<Record<AV['k'], number>> = { loss: 6, prod: 5, logp: 4, blog: 3, dist: 2 };

function rank(v: AV): number {
  return RANK[v.k] ?? 0;
}

function divide(a: AV, b: AV, sb: Sym | null): AV {
  if (a.k === 'tensor' && a.expLogits && b.k === 'tensor' && b.partition)
    return { k: 'prob', multi: true, neg: false, source: a.expLogits.of };
  if (a.k === 'dist' && b.k === 'num' && b.mass)
    return { k: 'dist', d: { ...divMix(a.d, b.s), renorm: true } };
  if (sb) return scale(a, (x) => div(x, sb));
  if (a.k === 'loss') return reworked(a);
  return isTensorish(a) || isTensorish(b) ? TENSOR : UNKNOWN;
}

/** Sum of a target mix over K classes: hot + K·off. */
export function mixMass(m: Mix, classes: Sym): Sym {
  return add(m.hot, mul(classes, m.off));
}
