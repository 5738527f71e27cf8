import { keptTableReason, MODEL, RELAXED, variesReason } from '../classify';
import type { Span } from '../syntax';
import { logisticRest, logisticShift, logSigmoidArithmetic, negatedSoftplus } from './logistic';
import { marginArithmetic } from './marginSoftmax';
import { carryDerivation, derivationOf, modulate } from './modulation';
import { add, div, evalSym, isConst, mul, neg, num, ONE, op, type Scalar, symNames, ZERO } from './scalar';
import { reverseCrossEntropy, signedLogits } from './signedLabels';
import {
  addLoss,
  addMix,
  constantFill,
  divMix,
  isOneHot,
  isSmoothedTarget,
  isTensorish,
  labelDerived,
  MASK,
  type Mix,
  mix,
  namedLabels,
  ownPrediction,
  type PaddingTest,
  paramMix,
  sameTarget,
  scalarOf,
  scaleMix,
  TENSOR,
  tensorMix,
  trueProbLoss,
  UNKNOWN,
  type Value,
} from './values';

const COMPARISONS = new Set(['==', '!=', '<', '>', '<=', '>=', '&', '|', '~']);

/** Abstract arithmetic: how scalars, log-probabilities, target mixes, losses and prediction factors combine. */
export function binop(o: string, a: Value, b: Value, bSpan: Span, aSpan: Span): Value {
  return carryDerivation(o, a, b, arithmetic(o, a, b, bSpan, aSpan));
}

function arithmetic(o: string, a0: Value, b0: Value, bSpan: Span, aSpan: Span): Value {
  const a = isLiteral(b0) ? asNumber(eyeOneHot(a0)) : eyeOneHot(a0);
  const b = isLiteral(a0) ? asNumber(eyeOneHot(b0)) : eyeOneHot(b0);
  const sa = scalarOf(a);
  const sb = scalarOf(b);
  const test = COMPARISONS.has(o) ? labelTest(o, a0, b0) : null;
  const support = supportTest(o, a0, b0);
  if (support)
    return test && test.kind === 'tensor' ? { ...test, support } : { kind: 'tensor', mask: true, support };
  if (test) return test;
  const setEntries = fillTest(o, a0, b0) ?? fillTest(o, b0, a0);
  if (setEntries) return { kind: 'tensor', mask: true, setEntries };
  const logSigmoid = logSigmoidArithmetic(o, a, b);
  if (logSigmoid) return logSigmoid;
  // A matrix product (similarities `img @ txt.T`) is a tensor, never a target or a number.
  if (o === '@') return TENSOR;
  if (sa && sb && (o === '+' || o === '-' || o === '*' || o === '/')) return scalarOp(a, b, op(o, sa, sb));
  const margin = marginArithmetic(o, a, b);
  if (margin) return margin;
  if (o === '*' && a.kind === 'dist' && smoothedTimesInput(a.target, b)) return smoothedProduct(a.target);
  if (o === '*' && b.kind === 'dist' && smoothedTimesInput(b.target, a)) return smoothedProduct(b.target);
  if (o === '*' && (isCandidate(a) || isCandidate(b)) && (isLogLike(a) || isLogLike(b))) {
    return isCandidate(a) ? times(paramDist(a), b, aSpan, bSpan) : times(a, paramDist(b), aSpan, bSpan);
  }
  if (o === '-' && b.kind === 'tensor' && b.logNormaliser) return normalised(a);
  // log Σ exp x − x_y is −log softmax(x)_y exactly, not a loss reworked by another tensor.
  if (o === '-' && a.kind === 'tensor' && a.logNormaliser && b.kind === 'loss') return negate(b);
  if (o === '-' && b.kind === 'tensor' && b.rowMax && (a.kind === 'param' || a.kind === 'tensor')) return a;
  if (o === '-' && a.kind === 'tensor' && a.logTarget && b.kind === 'logp') return klTerm(negate(b));
  // log q − log p of a given distribution q and given log-probabilities: q times it is a KL term.
  if (
    o === '-' &&
    a.kind === 'blog' &&
    a.of !== undefined &&
    isCandidate(b) &&
    !(b.kind === 'param' && b.value.kind === 'symbol' && b.value.name === a.of)
  )
    return { kind: 'logp', coefficient: num(-1), factors: [], kl: true };
  // log q − log_softmax(x) of a given distribution q: the same KL term, the model's log-probabilities computed here.
  if (o === '-' && a.kind === 'blog' && a.of !== undefined && b.kind === 'logp' && a.of !== b.source)
    return klTerm(negate(b));
  // log p_T − log p_S of two inputs' softmaxes (a teacher's and the student's): p_T times it is KL(p_T ‖ p_S).
  if (o === '-' && twoInputsLogProbs(a, b)) return klTerm(negate(b));
  if ((o === '-' || o === '+') && a.kind === 'tensor' && a.targetEntropy)
    return klTerm(o === '-' ? negate(b) : b);
  if ((o === '-' || o === '+') && b.kind === 'tensor' && b.targetEntropy) return klTerm(a);
  if (o === '+') {
    const stable = logisticRest(a, b);
    if (stable) return stable;
  }
  if ((o === '+' || o === '-') && (constantLogBeside(a, b) || constantLogBeside(b, a))) return TENSOR;
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
function labelTest(o: string, a: Value, b: Value): Value | null {
  const literal = (v: Value) => (v.kind === 'num' && v.value.kind === 'number' ? v.value.value : null);
  const padding = paddingTest(o, a, b) ?? paddingTest(o, b, a);
  const [name, value, flipped] =
    literal(b) !== null ? [testedLabels(a), literal(b), false] : [testedLabels(b), literal(a), true];
  const holds = (t: number): boolean | null => {
    if (value === null) return null;
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
  const padded = padding ? { padding } : {};
  if (name === undefined || one === null || one === zero)
    return padding ? { kind: 'tensor', mask: true, ...padded } : null;
  return { kind: 'tensor', mask: true, labelTest: { labels: name, whereOne: one }, ...padded };
}

/** The labels a comparison tests: also binary labels part rewritten in place (`t[t == 1] = 0.9; t[t == 0] = …`). */
function testedLabels(v: Value): string | undefined {
  return labelsOf(v) ?? (v.kind === 'dist' && v.target.src === 'tensor' ? v.target.tensor : undefined);
}

/** The labels a comparison tests: a parameter (or a view of one), or the one-hot rows of labels. */
function labelsOf(v: Value): string | undefined {
  const named = namedLabels(v);
  if (named !== undefined || v.kind === 'tensor') return named;
  // `onehot(y) > 0.1`: the true-class mask of the labels
  return v.kind === 'dist' && hardOneHot(v.target) ? (v.target.labels ?? UNNAMED) : undefined;
}

/** `y != pad`, `y == -100`: class-index labels compared with a number, the rows torch's ignore_index tells apart. */
function paddingTest(o: string, labels: Value, index: Value): PaddingTest | null {
  const name = labels.kind === 'dist' ? undefined : labelsOf(labels);
  const at = scalarOf(index);
  if ((o !== '!=' && o !== '==') || name === undefined || !at) return null;
  return { labels: name, index: at, kept: o === '!=' };
}

/** `q > 0`, `0 != q`, `q == 0`, `q <= 0` of a target q: whether the test holds on the target's support. */
function supportTest(o: string, a: Value, b: Value): { of: Mix; holds: boolean } | null {
  const zero = (v: Value) => v.kind === 'num' && isConst(v.value, 0);
  const [q, flipped] = zero(b) ? [a, false] : zero(a) ? [b, true] : [null, false];
  if (q?.kind !== 'dist' || q.target.src === 'none') return null;
  const side = flipped
    ? (({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' } as Record<string, string>)[o] ?? o)
    : o;
  if (side === '>' || side === '!=') return { of: q.target, holds: true };
  if (side === '==' || side === '<=') return { of: q.target, holds: false };
  return null;
}

/** `t != -1`, `t == -1` of a target placed over a nonzero fill: a test of which entries were set (`setEntries`). */
function fillTest(o: string, t: Value, n: Value): { of: Mix; holds: boolean } | null {
  if ((o !== '!=' && o !== '==') || t.kind !== 'dist' || t.target.placedAt === undefined) return null;
  const number = scalarOf(n);
  const value = (s: Scalar) => evalSym(s, () => Number.NaN);
  const fill = value(t.target.off);
  if (!number || !Number.isFinite(fill) || fill === 0 || value(number) !== fill) return null;
  return value(add(t.target.hot, t.target.off)) === fill ? null : { of: t.target, holds: o === '!=' };
}

/** Scalar arithmetic; a parameter operand that may be a target tensor keeps that reading (`(1 − ε)·target`). */
function scalarOp(a: Value, b: Value, s: Scalar): Value {
  const params = [a, b].filter((v): v is Value & { kind: 'param' } => v.kind === 'param');
  if (params.length === 0) return { kind: 'num', value: s };
  const cand = params.find((p) => p.cand !== null) ?? params[0];
  return { ...cand, value: s };
}

function isCandidate(v: Value): boolean {
  return v.kind === 'param' && (v.tensorish || v.cand !== null);
}

/**
 * `logits + log(prior)`, `x − log(N / n_c − 1)·b`: the log of a number or of a tensor that is no parameter, added to
 * a tensor, shifts it (a logit adjustment); it is no log-probability of a hand-written binary cross-entropy.
 */
function constantLogBeside(log: Value, other: Value): boolean {
  const constant = log.kind === 'blog' && (log.ofNumber !== undefined || log.opaque === true);
  return constant && (isCandidate(other) || other.kind === 'tensor');
}

function isLogLike(v: Value): boolean {
  return v.kind === 'logp' || v.kind === 'blog' || v.kind === 'prob';
}

function paramDist(v: Value): Value {
  const m = paramMix(v);
  return m ? { kind: 'dist', target: m } : v;
}

function addSub(o: '+' | '-', a: Value, b: Value, sa: Scalar | null, sb: Scalar | null): Value {
  if (sa?.kind === 'number' && sa.value === 0) return o === '+' ? b : negate(b);
  const rb = o === '+' ? b : negate(b);
  // Before a parameter reads as a number: `β·target + (1 − β)·softmax(x)` is a target, not a shift.
  const own = labelsPlusPrediction(a, rb) ?? labelsPlusPrediction(rb, a);
  if (own) return own;
  if (sb) return shift(a, o === '+' ? sb : neg(sb));
  if (sa) return o === '+' ? shift(b, sa) : shift(negate(b), sa);
  const ma = mixOf(a);
  const mb = mixOf(rb);
  if (a.kind === 'loss' && rb.kind === 'loss') return { kind: 'loss', loss: addLoss(a.loss, rb.loss) };
  if (a.kind === 'prod' && rb.kind === 'prod' && labelFree(a, rb)) return TENSOR;
  if (a.kind === 'prod' && rb.kind === 'prod') return a.binary === 'p' || !rb.binary ? a : rb;
  // q·log p plus a tensor the analysis does not follow (t^(2−t₁) and p^(2−t₁) terms of a bi-tempered loss).
  if (a.kind === 'prod' && a.target && isExtraTerm(rb)) return { ...a, reworked: true };
  if (rb.kind === 'prod' && rb.target && isExtraTerm(a)) return { ...rb, reworked: true };
  const weighted = weightedTrueProb(a, rb) ?? weightedTrueProb(rb, a);
  if (weighted) return weighted;
  const varied = variedTarget(a, rb) ?? variedTarget(rb, a);
  if (varied) return varied;
  if ((constantFill(a) && opaque(rb)) || (constantFill(rb) && opaque(a))) return TENSOR;
  if (ma && mb && (a.kind === 'dist' || rb.kind === 'dist'))
    return sameTarget(ma, mb) ? { kind: 'dist', target: addMix(ma, mb) } : TENSOR;
  const relaxation = relaxed(a, rb) ?? relaxed(rb, a);
  if (relaxation) return relaxation;
  if (a.kind === 'loss') return reworked(a, rb);
  if (rb.kind === 'loss') return reworked(rb, a);
  return isTensorish(a) || isTensorish(b) ? TENSOR : UNKNOWN;
}

const CHANGED_LOGITS: Value = { kind: 'tensor', changedLogits: true };

/**
 * A sum the analysis reads as no target nor loss, of terms built from the labels (`onehot * phi + (1 - onehot) *
 * cos`, margin logits blended in by the labels): taken as logits, they are not the model's own.
 */
function labelBlend(sum: Value, a: Value, b: Value): Value {
  return opaque(sum) && (labelDependent(a) || labelDependent(b)) ? CHANGED_LOGITS : sum;
}

function labelDependent(v: Value): boolean {
  return (
    (v.kind === 'tensor' && v.changedLogits === true) ||
    (v.kind === 'dist' && v.target.src === 'index') ||
    (v.kind === 'prod' && v.target?.src === 'index')
  );
}

/**
 * A tensor the analysis does not follow and that names no target (`x.pow(i)`, a matrix product): a constant fill
 * plus it (`ones_like(x) + x.pow(i) / i!`, a Taylor softmax's numerator) is no target built from a tensor.
 */
function opaque(v: Value): boolean {
  return v.kind === 'tensor' && Object.keys(v).length === 1;
}

/**
 * x − logsumexp(x) is log_softmax(x); a gathered true-class logit minus it is log p_y (the gather already stands for
 * it); the logsumexp of the off-target logits minus it is log(1 − p_y).
 */
function normalised(a: Value): Value {
  if (a.kind === 'loss') return a;
  if (a.kind === 'tensor' && a.offTarget === 'normaliser')
    return { kind: 'tensor', pred: 'nonlinear', offTarget: 'log' };
  return { kind: 'logp', coefficient: ONE, factors: [] };
}

function offTargetLog(v: Value): boolean {
  return v.kind === 'tensor' && v.offTarget === 'log';
}

/** A cross-entropy on the labels plus α·log(1 − p_y): the KL to label relaxation's credal target. */
function relaxed(loss: Value, other: Value): Value | null {
  if (loss.kind !== 'loss' || !offTargetLog(other)) return null;
  return { kind: 'loss', loss: { ...loss.loss, unfixed: RELAXED } };
}

/** onehot(y) itself: 1 on the true class, 0 elsewhere. */
function hardOneHot(d: Mix): boolean {
  return isOneHot(d) && !d.self;
}

/**
 * A tensor added to a q·log p term, computed from the predictions or the target alone (not an opaque tensor:
 * margin logits).
 */
function isExtraTerm(v: Value): boolean {
  return derivationOf(v) !== null || (v.kind === 'tensor' && v.ofTarget === true);
}

const UNNAMED = '(unnamed)';

/**
 * `β·onehot(y) + (1 − β)·softmax(x)`: a target from the labels with a model's probabilities in it; also from a
 * given target tensor (`β·target + (1 − β)·softmax(x)`, the one-hot passed dense).
 */
function labelsPlusPrediction(labels: Value, p: Value): Value | null {
  if (p.kind !== 'prob' || p.coefficient === undefined) return null;
  const d = labels.kind === 'dist' && labels.target.src === 'index' ? labels.target : givenTarget(labels);
  if (!d) return null;
  // Probabilities of a value the analysis cannot name (`softmax(t / T)`) are never the model's own.
  const of = p.source ?? UNNAMED;
  if (d.selfOf !== undefined && d.selfOf !== of) return null;
  return { kind: 'dist', target: { ...d, self: add(d.self ?? ZERO, p.coefficient), selfOf: of } };
}

/** A target parameter, rescaled by numbers (`β·target`): its mix, naming the parameter. */
function givenTarget(v: Value): Mix | null {
  const m = v.kind === 'param' && v.cand !== null ? paramMix(v) : null;
  return m?.tensor !== undefined ? m : null;
}

/**
 * A loss combined with a value the analysis does not follow (a mask, a tensor weight, an extra term); `added`: the
 * term added, marked when nothing is known of it (a call the analysis cannot see into, an opaque tensor).
 */
function reworked(v: Value & { kind: 'loss' }, added?: Value): Value {
  const opaque = added?.kind === 'unknown' || added?.kind === 'tensor' ? { unseenPart: true as const } : {};
  return { kind: 'loss', loss: { ...v.loss, reworked: true, ...opaque } };
}

export function mixOf(v: Value): Mix | null {
  if (v.kind === 'dist') return v.target;
  if (v.kind === 'tensor') return tensorMix(v.viewOf);
  return paramMix(v);
}

/**
 * x + s for a scalar s. A parameter's data shifted is a target built from it (`t + ε/2`); a tensor the analysis
 * cannot name stays opaque (`labels + offset` on class indices, features, logits).
 */
function shift(v: Value, s: Scalar): Value {
  const logistic = logisticShift(v, s);
  if (logistic) return logistic;
  const named = namedTensor(v);
  if (named !== undefined) return { kind: 'dist', target: { ...tensorMix(named), off: s } };
  if (v.kind === 'tensor' || v.kind === 'param') return v.kind === 'tensor' ? v : TENSOR;
  if (v.kind === 'dist') return { kind: 'dist', target: { ...v.target, off: add(v.target.off, s) } };
  if (v.kind === 'prob' && s.kind === 'number' && s.value >= 1 - 1e-9 && s.value <= 1 + 1e-9)
    return { ...v, neg: !v.neg };
  // A loss plus a term (a regulariser on the logits, a constant): no torch loss gives its value any more.
  if (v.kind === 'loss' && !(s.kind === 'number' && s.value === 0)) return reworked(v);
  return v;
}

export function negate(v: Value): Value {
  const logOneMinus = negatedSoftplus(v);
  if (logOneMinus) return logOneMinus;
  if (v.kind === 'param' && !v.tensorish) return { ...v, value: neg(v.value) };
  if (v.kind === 'tensor' && v.trueProb?.reduced)
    return trueProbLoss({ ...v.trueProb, falling: true }, v.trueProb.reduced);
  if (v.kind === 'tensor' && v.trueProb)
    return { ...v, trueProb: { ...v.trueProb, falling: !v.trueProb.falling } };
  const s = scalarOf(v);
  if (s) return { kind: 'num', value: neg(s) };
  if (v.kind === 'prob' || derivationOf(v)) return v;
  return scale(v, neg);
}

/** The parameter a tensor-valued operand is the data of, if any. */
function namedTensor(v: Value): string | undefined {
  if (v.kind === 'tensor') return v.viewOf;
  return v.kind === 'param' && v.tensorish && v.value.kind === 'symbol' ? v.value.name : undefined;
}

function scale(v: Value, f: (s: Scalar) => Scalar): Value {
  const named = namedTensor(v);
  if (named !== undefined) return { kind: 'dist', target: scaleMix(tensorMix(named), f) };
  switch (v.kind) {
    case 'tensor':
      // −1 · (a function of p_y) turns its direction; an unknown factor is a positive hyperparameter (−τ·p_y falls).
      return v.trueProb && evalSym(f(ONE), () => 1) < 0 ? negate(v) : v;
    case 'param':
      return v.tensorish ? TENSOR : { kind: 'num', value: f(v.value) };
    case 'dist':
      return { kind: 'dist', target: scaleMix(v.target, f) };
    case 'loss':
      return { kind: 'loss', loss: scaleMix(v.loss, f) };
    case 'logp':
    case 'prod':
      return { ...v, coefficient: f(v.coefficient) };
    case 'prob':
      return v.multi && !v.neg ? { ...v, coefficient: f(v.coefficient ?? ONE) } : v;
    default:
      return v;
  }
}

function times(a: Value, b: Value, aSpan: Span, bSpan: Span): Value {
  const labelled =
    signedLogits(a, b) ?? signedLogits(b, a) ?? reverseCrossEntropy(a, b) ?? reverseCrossEntropy(b, a);
  if (labelled) return labelled;
  const modulated = modulate(a, b) ?? modulate(b, a);
  if (modulated) return modulated;
  const soft =
    predictedTarget(a, b) ?? predictedTarget(b, a) ?? othersSigmoidTarget(a, b) ?? othersSigmoidTarget(b, a);
  if (soft) return soft;
  const kept = storedTimesProb(a, b) ?? storedTimesProb(b, a);
  if (kept) return kept;
  const weighted = weightedTrueProb(a, b) ?? weightedTrueProb(b, a) ?? givenWeight(a, b) ?? givenWeight(b, a);
  if (weighted) return weighted;
  const scaled =
    scaledTarget(a, b) ?? scaledTarget(b, a) ?? weighedOneHot(a, b, bSpan) ?? weighedOneHot(b, a, aSpan);
  if (scaled) return scaled;
  const [x, y, ySpan] = rank(a) >= rank(b) ? [a, b, bSpan] : [b, a, aSpan];
  const my = mixOf(y);
  if (x.kind === 'logp' && y.kind === 'dist' && y.scaledBy?.table)
    return { ...x, factors: [...x.factors, ySpan] };
  if (x.kind === 'logp' && y.kind === 'dist')
    return {
      kind: 'prod',
      target: ownPrediction(y.target, x.source),
      coefficient: x.coefficient,
      factors: x.factors,
      binary: null,
      modulated: x.modulated || y.scaledBy !== undefined,
      kl: x.kl,
      ...(x.changedLogits ? { changedLogits: true as const } : {}),
      ...(y.target.src === 'tensor' && y.target.tensor !== undefined ? { givenAt: ySpan } : {}),
    };
  if (x.kind === 'logp' && y.kind === 'tensor' && y.weighedOneHot)
    return {
      kind: 'prod',
      target: y.weighedOneHot.target,
      coefficient: x.coefficient,
      factors: [...x.factors, y.weighedOneHot.at],
      binary: null,
      modulated: x.modulated,
      ...(x.changedLogits ? { changedLogits: true as const } : {}),
    };
  if (x.kind === 'logp' && y.kind === 'tensor' && y.stored)
    return {
      kind: 'prod',
      target: keptTable(y.stored),
      coefficient: x.coefficient,
      factors: x.factors,
      binary: null,
    };
  if (x.kind === 'logp' && my) return { ...x, factors: [...x.factors, ySpan] };
  if (x.kind === 'blog' && my)
    return {
      kind: 'prod',
      target: my,
      coefficient: num(1),
      factors: [],
      binary: x.neg ? 'q' : 'p',
      ...(x.opaque ? { opaque: true } : {}),
    };
  if (x.kind === 'prod' && y.kind === 'dist' && !x.target) return { ...x, target: y.target };
  if (x.kind === 'prod' && my) return { ...x, factors: [...x.factors, ySpan] };
  if (x.kind === 'dist' && y.kind === 'dist') return productOfMixes(x.target, y.target);
  if (x.kind === 'dist' && smoothedTimesInput(x.target, y)) return smoothedProduct(x.target);
  if (x.kind === 'dist' && y.kind === 'prob' && y.multi && !y.neg && hardOneHot(x.target))
    return {
      kind: 'tensor',
      pred: 'affine',
      trueProb: { labels: x.target.labels, falling: false, exact: true },
    };
  if (x.kind === 'dist' && y.kind === 'prob' && y.multi && !y.neg && isSmoothedTarget(x))
    return { kind: 'tensor', pred: 'affine', trueProb: { falling: false, smoothed: x.target } };
  const smoothedProb = weightedSmoothedProb(a, b) ?? weightedSmoothedProb(b, a);
  if (smoothedProb) return smoothedProb;
  // q·log q: the target's own entropy, a constant that turns q·log q − q·log p into a KL divergence.
  if (x.kind === 'dist' && y.kind === 'tensor' && y.logTarget) return { kind: 'tensor', targetEntropy: true };
  if (x.kind === 'dist' && isMask(y)) return { kind: 'dist', target: { ...x.target, rowMask: true } };
  if (x.kind === 'dist') return TENSOR;
  if (x.kind === 'loss') return reworked(x);
  return isTensorish(a) || isTensorish(b) ? TENSOR : UNKNOWN;
}

/**
 * A kept table's rows times the model's probabilities (`self.target[i] * p`, summed: ELR's ⟨t, p⟩): the probability
 * that soft target gives the prediction, a term on it like Σ q·p of a smoothed target.
 */
function storedTimesProb(table: Value, p: Value): Value | null {
  if (table.kind !== 'tensor' || !table.stored || p.kind !== 'prob' || !p.multi || p.neg) return null;
  const smoothed = keptTable(table.stored);
  return { kind: 'tensor', pred: 'affine', trueProb: { falling: false, smoothed } };
}

/**
 * A function of p_y times, or plus, a per-sample weight read from a table the module keeps (`self.weight[indexes]`,
 * the truncated L_q loss's sample selection): still that function of p_y, re-weighted or shifted.
 */
function weightedTrueProb(t: Value, weight: Value): Value | null {
  if (t.kind !== 'tensor' || !t.trueProb || t.trueProb.smoothed) return null;
  return weight.kind === 'tensor' && weight.stored !== undefined && !derivationOf(weight) ? t : null;
}

/**
 * `(log_softmax(x) * weight) * t` with t built from the labels: the given tensor first read as a soft target
 * (`weight * log_p` is spelled like `target * log_p`) weighs the classes; the labels' target is the target.
 */
function givenWeight(p: Value, t: Value): Value | null {
  if (p.kind !== 'prod' || !p.givenAt || t.kind !== 'dist' || !labelDerived(t.target)) return null;
  const { givenAt, ...rest } = p;
  return { ...rest, target: t.target, factors: [...p.factors, givenAt] };
}

/** A target from the labels times a per-sample factor from the model's predictions or from a table read by index. */
function scaledTarget(t: Value, factor: Value): Value | null {
  if (t.kind !== 'dist' || !labelDerived(t.target) || factor.kind !== 'tensor') return null;
  if (factor.stored) return { ...t, scaledBy: { table: factor.stored } };
  return factor.pred ? { ...t, scaledBy: {} } : null;
}

/**
 * A hard one-hot of the labels times a tensor the analysis does not follow (`weights * onehot`, a weight map): only
 * a q·log p term reads it, as the labels' target with a weight; anything else sees an opaque tensor.
 */
function weighedOneHot(t: Value, w: Value, wSpan: Span): Value | null {
  if (t.kind !== 'dist' || t.scaledBy || !hardOneHot(t.target) || !labelDerived(t.target)) return null;
  return opaqueWeight(w) ? { kind: 'tensor', weighedOneHot: { target: t.target, at: wSpan } } : null;
}

/** A tensor the analysis does not follow, or a given one scaled (`-w`, `c * w`): no target, no prediction. */
function opaqueWeight(w: Value): boolean {
  if (w.kind === 'dist') return w.target.src === 'tensor' && isConst(w.target.off, 0) && !w.scaledBy;
  return w.kind === 'tensor' && Object.keys(w).every((k) => k === 'kind' || k === 'viewOf');
}

/**
 * A target from the labels plus a part that varies per sample with the model's predictions or a table (`(1 − ε_i)·
 * onehot + ε_i/K`, ε_i from the model's confidence): adaptive smoothing, whatever the fixed form it resembles.
 */
function variedTarget(t: Value, other: Value): Value | null {
  if (t.kind !== 'dist' || !labelDerived(t.target)) return null;
  const source = (v: Value): string | null => {
    if (v.kind === 'dist' && v.scaledBy) return v.scaledBy.table ?? MODEL;
    if (v.kind === 'tensor' && v.stored) return v.stored;
    return v.kind === 'tensor' && v.pred ? MODEL : null;
  };
  const varies = source(t) ?? source(other);
  if (!varies || (source(t) === null && other.kind === 'dist')) return null;
  const d =
    other.kind === 'dist' && sameTarget(t.target, other.target) ? addMix(t.target, other.target) : t.target;
  return { kind: 'dist', target: { ...d, unfixed: variesReason(varies) } };
}

function keptTable(table: string): Mix {
  return { ...tensorMix(), unfixed: keptTableReason(table) };
}

/** Σ q·p of a smoothed target (or its log) times a prediction factor (`(1 − pt)^γ·log pt`): still a term on it. */
function weightedSmoothedProb(term: Value, factor: Value): Value | null {
  if (term.kind !== 'tensor' || !term.trueProb?.smoothed) return null;
  if (!(derivationOf(factor) || (factor.kind === 'tensor' && factor.trueProb))) return null;
  return { ...term, pred: 'nonlinear' };
}

/**
 * (h₁·1[y] + o₁)·(h₂·1[y] + o₂) = (h₁h₂ + h₁o₂ + o₁h₂)·1[y] + o₁o₂, as 1[y]² = 1[y]: two fills or one-hots of
 * the same labels multiply into a target. A target times another tensor (margin logits) is not a target.
 */
function productOfMixes(a: Mix, b: Mix): Value {
  if (isConstantFill(a)) return { kind: 'dist', target: scaleMix(b, (x) => mul(a.off, x)) };
  if (isConstantFill(b)) return { kind: 'dist', target: scaleMix(a, (x) => mul(x, b.off)) };
  const indexed = (m: Mix) => m.src === 'index' || m.src === 'none';
  if (!indexed(a) || !indexed(b)) return TENSOR;
  const hot = add(add(mul(a.hot, b.hot), mul(a.hot, b.off)), mul(a.off, b.hot));
  return { kind: 'dist', target: { ...addMix(a, b), hot, off: mul(a.off, b.off) } };
}

/** `torch.ones_like(x) * c`: a fill of one number everywhere scales what it multiplies (a target tensor too). */
function isConstantFill(m: Mix): boolean {
  return (
    m.src === 'none' &&
    m.hot.kind === 'number' &&
    m.hot.value === 0 &&
    !m.colZero &&
    !m.rowMask &&
    !m.renorm &&
    !m.self
  );
}

/** `labels[:, None] == torch.arange(K)`: the one-hot of the labels. */
function labelsEqualRange(labels: Value, range: Value): Value | null {
  if (range.kind !== 'tensor' || !range.classRange || range.classRange.eye) return null;
  if (!(labels.kind === 'param' || labels.kind === 'tensor')) return null;
  const classes = range.classRange.classes ?? undefined;
  return { kind: 'dist', target: { ...mix(ONE, ZERO, 'index'), classes } };
}

/**
 * Probabilities times log-probabilities: of the same logits, the model's own prediction used as (part of) the
 * target (bootstrapping, or an entropy term); of other logits (a teacher), a soft target.
 */
function predictedTarget(p: Value, l: Value): Value | null {
  if (p.kind !== 'prob' || !p.multi || l.kind !== 'logp') return null;
  const own = p.source !== undefined && p.source === l.source;
  const d: Mix = own ? { ...mix(ZERO, ZERO, 'none'), self: ONE } : tensorMix();
  return {
    kind: 'prod',
    target: d,
    coefficient: l.coefficient,
    factors: l.factors,
    binary: null,
    modulated: l.modulated,
  };
}

/**
 * A teacher's sigmoid probabilities q (or 1 − q) times log σ(±x) of other logits: a term of a binary cross-entropy
 * written by hand against q, a soft target (binary distillation), as `BCE(x, σ(t))` is.
 */
function othersSigmoidTarget(p: Value, l: Value): Value | null {
  if (p.kind !== 'prob' || p.multi || p.source === undefined || l.kind !== 'blog') return null;
  if (l.sigmoidOf === undefined || l.sigmoidOf === p.source) return null;
  const [hot, off] = p.neg ? [num(-1), ONE] : [ONE, ZERO];
  return {
    kind: 'prod',
    target: { ...mix(hot, off, 'tensor'), tensor: p.source, labels: '*' },
    coefficient: num(1),
    factors: [],
    binary: l.neg ? 'q' : 'p',
  };
}

/** Plain log-probabilities of one input minus those of another (`p_t.log() - F.log_softmax(s)`): a KL's log-ratio. */
function twoInputsLogProbs(a: Value, b: Value): boolean {
  if (a.kind !== 'logp' || b.kind !== 'logp' || a.complement || b.complement) return false;
  return (
    a.source !== undefined && b.source !== undefined && a.source !== b.source && isConst(a.coefficient, 1)
  );
}

/** A term that differs from a cross-entropy by the target's entropy (q·log q dropped or added). */
function klTerm(v: Value): Value {
  return v.kind === 'logp' || v.kind === 'prod'
    ? { ...v, kl: true }
    : v.kind === 'loss'
      ? { kind: 'loss', loss: { ...v.loss, kl: true } }
      : v;
}

/** `torch.eye(n)` in arithmetic: the one-hot of each row's own index (CLIP / SigLIP pairs: row i matches column i). */
function eyeOneHot(v: Value): Value {
  if (v.kind !== 'tensor' || !v.classRange?.eye) return v;
  return { kind: 'dist', target: { ...mix(ONE, ZERO, 'index'), classes: v.classRange.classes ?? undefined } };
}

function isLiteral(v: Value): boolean {
  return v.kind === 'num' && v.value.kind === 'number';
}

/**
 * A parameter defaulting to None is read as an optional tensor (a class weight); in arithmetic with a literal
 * number (`1 - drop_prob`, `eps / 2`) it is a number.
 */
function asNumber(v: Value): Value {
  return v.kind === 'param' && v.tensorish ? { ...v, tensorish: false, cand: null } : v;
}

/**
 * A smoothed target built from the labels times one of the function's inputs: the input is the log-probabilities
 * the caller passes (`-(smoothed * lprobs).sum(-1)`), not a mask.
 */
function smoothedTimesInput(d: Mix, input: Value): boolean {
  const isInput = isCandidate(input) || (input.kind === 'tensor' && input.viewOf !== undefined);
  return isInput && d.src === 'index' && !(d.off.kind === 'number' && d.off.value === 0);
}

function smoothedProduct(d: Mix): Value {
  return { kind: 'prod', target: d, coefficient: ONE, factors: [], binary: null };
}

/**
 * t·log σ(z) + (1 − t)·log σ(z): the same binary log term on both sides of the labels, whose weights add up to one
 * free of them: a function of z alone (Pytorch-NLU's "smoothed logits" loss), no loss against the labels.
 */
function labelFree(a: Value & { kind: 'prod' }, b: Value & { kind: 'prod' }): boolean {
  if (
    !a.binary ||
    a.binary !== b.binary ||
    a.opaque ||
    b.opaque ||
    !a.target ||
    !b.target ||
    !sameTarget(a.target, b.target)
  )
    return false;
  const hot = add(mul(a.coefficient, a.target.hot), mul(b.coefficient, b.target.hot));
  const at = (seed: number) => evalSym(hot, (n) => 0.1 + ((n.length * seed) % 7) / 10);
  return Math.abs(at(1)) < 1e-12 && Math.abs(at(3)) < 1e-12;
}

/** A row selector: a comparison, or a mask parameter of the function. */
function isMask(v: Value): boolean {
  return (v.kind === 'tensor' && v.mask === true) || maybeTensor(v);
}

function maybeTensor(v: Value): boolean {
  return v.kind === 'param' && (v.tensorish || v.cand !== null);
}

const RANK: Partial<Record<Value['kind'], number>> = { loss: 6, prod: 5, logp: 4, blog: 3, dist: 2 };

function rank(v: Value): number {
  return RANK[v.kind] ?? 0;
}

function divide(a: Value, b: Value, sb: Scalar | null): Value {
  if (a.kind === 'tensor' && a.expLogits && b.kind === 'tensor' && b.partition)
    return { kind: 'prob', multi: true, neg: false, source: a.expLogits.of };
  // p_T / p_S of two inputs' softmaxes: its log is log p_T − log p_S, the log-ratio of a KL.
  if (a.kind === 'prob' && b.kind === 'prob' && a.multi && b.multi && !a.neg && !b.neg) {
    if (a.source !== undefined && b.source !== undefined && a.source !== b.source)
      return { kind: 'tensor', probRatio: { over: b.source } };
  }
  if (a.kind === 'dist' && b.kind === 'num' && b.mass)
    return { kind: 'dist', target: { ...divMix(a.target, b.value), renorm: true } };
  // A sum over the elements a fill of ones counts (`loss.sum() / torch.sum(mask)`, mask = ones_like(y)): their mean.
  if (sb && a.kind === 'loss' && a.loss.reduction === 'sum' && symNames(sb).has('#count'))
    return scale({ kind: 'loss', loss: { ...a.loss, perCount: true } }, (x) => div(x, sb));
  if (sb) return scale(a, (x) => div(x, sb));
  if (a.kind === 'loss') return reworked(a);
  return isTensorish(a) || isTensorish(b) ? TENSOR : UNKNOWN;
}

/** Sum of a target mix over K classes: hot + K·off. */
export function mixMass(m: Mix, classes: Scalar): Scalar {
  return add(m.hot, mul(classes, m.off));
}
