import type { Ctx } from '../bind';
import { INSIDE_LOG, ONE_SIDED } from '../classify';
import type { LossKind } from '../results';
import { binop, mixMass, mixOf, negate } from './arith';
import { adaptiveTrueClass } from './itemTargets';
import { logisticFunction, logisticRelu, logSigmoidCall, sameLogSigmoid, softplusWithBeta } from './logistic';
import { marginFunction } from './marginSoftmax';
import { derivationOf, elementwise, predicted } from './modulation';
import { probabilityCopy } from './probabilityCopies';
import {
  add,
  div,
  evalSym,
  isConst,
  mul,
  neg,
  num,
  ONE,
  type Scalar,
  sub,
  sym,
  symNames,
  ZERO,
} from './scalar';
import { logOfLabels, signedLogistic } from './signedLabels';
import { changedLogits } from './torchLossCall';
import {
  constantFill,
  isOneHot,
  type LossInfo,
  lossOf,
  MASK,
  type Mix,
  mix,
  onSetEntries,
  ownPrediction,
  paramMix,
  rowsLeftOut,
  sameTarget,
  scalarOf,
  scaleMix,
  sourceOf,
  TENSOR,
  tensorMix,
  trueClassMask,
  trueProbLoss,
  UNKNOWN,
  type Value,
} from './values';

/** Methods that return their receiver's value unchanged for our purposes. */
const PASS = new Set(
  'as_tensor tolist movedim moveaxis swapaxes unsqueeze squeeze view reshape contiguous float double half long int to cuda cpu detach clone t permute transpose expand expand_as repeat flatten type_as requires_grad_ clamp clamp_ clamp_min type item squeeze_ unsqueeze_ view_as detach_ bool chunk split unbind'.split(
    ' ',
  ),
);
const CONVERTERS = new Set([
  'from_numpy',
  'tensor',
  'Tensor',
  'FloatTensor',
  'DoubleTensor',
  'asarray',
  'array',
]);
/** `x.view(n, -1)`, `x.expand(k, q, 1)`, `x.to(device)`: the arguments are sizes, devices or dtypes, never targets. */
export function keepsReceiver(method: string): boolean {
  return PASS.has(method);
}

const SCALAR_TENSOR = new Set(['tensor', 'as_tensor', 'scalar_tensor']);

/** `x.neg()`, `torch.negative(x)`: `-x`. */
const NEGATIONS = new Set(['neg', 'neg_', 'negative', 'negative_']);

/** `a.mul(b)`, `torch.mul(a, b)`, `torch.eq(t, y)`, `q.gt(0)`…: the Python operator they spell. */
const OPERATORS = new Map([
  ['mul', '*'],
  ['multiply', '*'],
  ['add', '+'],
  ['sub', '-'],
  ['subtract', '-'],
  ['div', '/'],
  ['divide', '/'],
  ['true_divide', '/'],
  ['eq', '=='],
  ['ne', '!='],
  ['not_equal', '!='],
  ['gt', '>'],
  ['greater', '>'],
  ['lt', '<'],
  ['less', '<'],
  ['ge', '>='],
  ['greater_equal', '>='],
  ['le', '<='],
  ['less_equal', '<='],
]);
const isComparison = (operator: string) => /[=<>]/.test(operator);

/** Comparisons by name, and the logical tests: a method of these that is no operator here is a mask. */
const COMPARISON_METHODS = new Set([
  ...[...OPERATORS].filter(([, operator]) => isComparison(operator)).map(([name]) => name),
  'logical_not',
  'logical_and',
]);
const ZEROS = new Set(['zeros_like', 'empty_like', 'zeros', 'empty', 'new_zeros', 'new_empty']);
const ONES = new Set(['ones_like', 'ones', 'new_ones']);
const FULL = new Set(['full_like', 'full', 'new_full']);

/** `torch.zeros(...)`, `torch.full_like(x, v)`, `x.new_ones(...)`: a tensor filled with one value. */
export function isFill(name: string): boolean {
  return ZEROS.has(name) || ONES.has(name) || FULL.has(name);
}

/**
 * The operator's value; a comparison the arithmetic reads as no target, mask, label test or target support is a
 * mask all the same.
 */
function operatorOf(operator: string, a: Value, b: Value): Value {
  const v = binop(operator, a, b, ZSPAN, ZSPAN);
  if (!isComparison(operator) || v.kind === 'dist') return v;
  return v.kind === 'tensor' && (v.mask || v.labelTest || v.support) ? v : MASK;
}

export function reductionOf(v: Value | undefined, fallback: LossInfo['reduction']): LossInfo['reduction'] {
  if (v?.kind !== 'str') return fallback;
  return v.text === 'sum' ? 'sum' : v.text === 'none' ? 'none' : 'mean';
}

/** The reduction the legacy flags ask for (`reduce=False`: none, `size_average=False`: sum), else the mean. */
function legacyReduction(args: Map<string, Value>): LossInfo['reduction'] {
  const off = (name: string) => {
    const v = args.get(name);
    const s = v && scalarOf(v);
    return s?.kind === 'number' && s.value === 0;
  };
  return off('reduce') ? 'none' : off('size_average') ? 'sum' : 'mean';
}

export function asLogp(v: Value): Value & { kind: 'logp' } {
  return v.kind === 'logp' ? v : { kind: 'logp', coefficient: ONE, factors: [] };
}

/** `w * log_softmax(x)` first read as a given soft target times log p, picked at the labels: w weighs them. */
function weighedLogp(v: Value): Value & { kind: 'logp' } {
  if (v.kind !== 'prod' || !v.givenAt || v.binary) return asLogp(v);
  return {
    kind: 'logp',
    coefficient: v.coefficient,
    factors: [...v.factors, v.givenAt],
    modulated: v.modulated,
  };
}

/** `logp[rows, labels]` or `logp.gather(-1, labels)`: the true-class term of the labels. */
export function gatherLoss(v: Value, labels: Value): Value & { kind: 'loss' } {
  const lp = weighedLogp(v);
  const l = lossOf(mix(neg(lp.coefficient), ZERO, 'index'), {
    weightSpans: lp.factors,
    modulated: lp.modulated,
    ...(lp.changedLogits ? { changedLogits: true } : {}),
    ...complementOf(lp),
  });
  return { kind: 'loss', loss: withLabels((l as Value & { kind: 'loss' }).loss, labels) };
}

/** The target argument; KL's under `log_target=True` is given as its log (`q.log()`): the distribution itself. */
function targetOf(kind: LossKind, args: Map<string, Value>): Value {
  const target = args.get('target') ?? UNKNOWN;
  const logTarget = scalarOf(args.get('log_target') ?? UNKNOWN);
  const logged = kind === 'kl_div' && logTarget?.kind === 'number' && logTarget.value === 1;
  if (logged && target.kind === 'tensor' && target.logOf) return { kind: 'dist', target: target.logOf };
  return kind === 'cross_entropy' || kind === 'nll_loss' ? (neighbourIndices(target) ?? target) : target;
}

/**
 * `F.cross_entropy(x, y + 1)`: labels shifted by a whole number are the indices of other classes (the next bin of a
 * distribution focal loss), labels of their own, not a target distribution built from y.
 */
function neighbourIndices(target: Value): Value | null {
  if (target.kind !== 'dist') return null;
  const { src, tensor, hot, off } = target.target;
  const whole = off.kind === 'number' && Number.isInteger(off.value) && off.value !== 0;
  if (src !== 'tensor' || tensor === undefined || !whole || hot.kind !== 'number' || hot.value !== 1)
    return null;
  return { kind: 'tensor', viewOf: `${tensor}${off.value > 0 ? '+' : ''}${off.value}` };
}

/** torch.nn.functional losses and activations applied to abstract arguments. */
export function lossFunction(kind: LossKind, args: Map<string, Value>, classes: Scalar): Value {
  const input = args.get('input') ?? UNKNOWN;
  const target = targetOf(kind, args);
  const reduction = reductionOf(args.get('reduction'), legacyReduction(args));
  if (kind === 'log_softmax')
    return {
      kind: 'logp',
      coefficient: ONE,
      factors: [],
      source: sourceOf(input),
      ...(changedLogits(input) ? { changedLogits: true as const } : {}),
    };
  if (kind === 'softmax') return { kind: 'prob', multi: true, neg: false, source: sourceOf(input) };
  if (kind === 'binary_cross_entropy' || kind === 'binary_cross_entropy_with_logits') {
    return lossOf(binaryTargetOf(target, input), {
      binary: true,
      reduction,
      handwritten: target.kind === 'dist',
    });
  }
  const lp = asLogp(input);
  // Against indices of each class in turn (a loop over the classes), per sample: −log p_c of that class.
  if ((kind === 'cross_entropy' || kind === 'nll_loss') && target.kind === 'tensor' && target.eachClass)
    return reduction === 'none' ? { ...lp, coefficient: neg(lp.coefficient) } : UNKNOWN;
  const extra = {
    reduction,
    weightSpans: lp.factors,
    modulated: lp.modulated,
    kl: kind === 'kl_div',
    handwritten: target.kind === 'dist',
    // KL to sigmoid probabilities (a teacher's σ): a binary term.
    binary: kind === 'kl_div' && target.kind === 'prob' && !target.multi,
  };
  if (
    (target.kind === 'dist' && !constantIndices(target.target)) ||
    kind === 'kl_div' ||
    othersProbabilities(target, input)
  ) {
    const given = mixOf(target) ?? mix(ONE, ZERO, 'tensor');
    const m = ownPrediction(given, kind === 'kl_div' ? lp.source : sourceOf(input));
    return lossOf(
      scaleMix(m, (x) => mul(lp.coefficient, x)),
      extra,
    );
  }
  const own = ownTarget(target, sourceOf(input));
  if (own)
    return lossOf(
      scaleMix(own, (x) => mul(lp.coefficient, x)),
      extra,
    );
  const eps = kind === 'cross_entropy' ? (scalarOf(args.get('label_smoothing') ?? UNKNOWN) ?? ZERO) : ZERO;
  const hard = mix(mul(lp.coefficient, sub(ONE, eps)), mul(lp.coefficient, div(eps, classes)), 'index');
  return lossOf(withLabels(hard, target), { ...extra, ...complementOf(lp) });
}

/**
 * log(1 − p) at the labels given (negative learning on complementary labels) pushes those classes down: no
 * smoothing, and no cross-entropy call computes it.
 */
function complementOf(lp: Value & { kind: 'logp' }): Partial<LossInfo> {
  return lp.complement ? { reworked: true } : {};
}

/**
 * The model's own prediction as a torch loss's target: its probabilities (`F.cross_entropy(x, softmax(x).detach())`,
 * soft bootstrapping) or its argmax (`F.cross_entropy(x, x.argmax(1))`, hard bootstrapping).
 */
function ownTarget(target: Value, source: string | undefined): Mix | null {
  if (source === undefined) return null;
  const probs = target.kind === 'prob' && target.multi && !target.neg && target.source === source;
  const argmax = target.kind === 'tensor' && target.argmaxOf === source;
  // Reported like a loss on the labels (`src: 'index'`): alone (`F.cross_entropy(x, softmax(x))`) it is other too.
  return probs || argmax ? { ...mix(ZERO, ZERO, 'index'), self: ONE } : null;
}

/**
 * The target of a binary loss. `(t + 1) / 2` maps sign labels (±1) to 0 / 1: the same hard labels re-encoded, not
 * smoothed (smoothing keeps q(1) + q(0) = 1; this sends −1 to 0 and 1 to 1). Probabilities of another tensor than
 * the input (`BCE(z_s, z_t.softmax(1))`, `BCE(x / T, σ(t / T))`: binary distillation) are a soft target, not the
 * caller's 0 / 1 labels.
 */
function binaryTargetOf(target: Value, input: Value): Mix {
  if (othersBinaryProbabilities(target, input)) return { ...mix(ONE, ZERO, 'tensor'), labels: '*' };
  const m = mixOf(target) ?? mix(ONE, ZERO, 'tensor');
  const signLabels = [m.hot, m.off].every((c) => c.kind === 'number' && c.value === 0.5);
  if (signLabels) return { ...m, hot: ONE, off: ZERO };
  return oneSided(m) ? { ...m, unfixed: ONE_SIDED } : m;
}

/**
 * `BCE(p, y·(1 − s))`: the positives lowered by a number the code names, the negatives left at 0 (a GAN
 * discriminator's one-sided smoothing). Said at the loss call, where a scale of the target is not yet one of the loss.
 */
function oneSided(m: Mix): boolean {
  const { hot } = m;
  return (
    m.src !== 'none' &&
    isConst(m.off, 0) &&
    hot.kind === 'op' &&
    hot.op === '-' &&
    isConst(hot.left, 1) &&
    symNames(hot.right).size > 0
  );
}

/** The tensor σ is taken of, also at a temperature (`σ(t / T)`: the parameter t). */
function sigmoidSource(v: Value): string | undefined {
  return sourceOf(v) ?? (v.kind === 'param' && v.cand !== null ? v.cand : undefined);
}

/** Softmax or sigmoid probabilities of a tensor that is not (or may not be) the binary loss's input. */
function othersBinaryProbabilities(target: Value, input: Value): boolean {
  return target.kind === 'prob' && (target.source === undefined || target.source !== sourceOf(input));
}

/** Probabilities (or argmax predictions) of another tensor than the input (a teacher's): a soft target. */
export function othersProbabilities(target: Value, input: Value): boolean {
  if (target.kind === 'tensor') return target.pseudoLabels === true;
  return (
    target.kind === 'prob' &&
    target.multi &&
    (target.source === undefined || target.source !== sourceOf(input))
  );
}

/**
 * `torch.zeros(n, dtype=torch.long)`, `torch.ones(bs)`, `torch.full(s, K, dtype=torch.int64)` as a cross-entropy
 * target: class indices (all class 0, 1 or K), not a distribution; a fill with a fraction (`torch.full_like(x, 1 / K)`)
 * is one.
 */
function constantIndices(m: Mix): boolean {
  const integer = m.integer === true || (m.off.kind === 'number' && Number.isInteger(m.off.value));
  return m.src === 'none' && m.hot.kind === 'number' && m.hot.value === 0 && integer;
}

export function classDim(ctx: Ctx): Scalar {
  if (!ctx.syms.has('#K')) ctx.syms.set('#K', { origin: 'dim', label: 'K' });
  return sym('#K');
}

/**
 * Indices that are a range (`arange(n).view(-1, 1)`): scattered along them, a value lands on the diagonal (SupCon's
 * mask of each sample's own pair, `ones_like(m).scatter(1, arange(n).view(-1, 1), 0)`), not on the labels.
 */
function alongRange(index: Value | undefined): boolean {
  return index?.kind === 'tensor' && index.classRange !== undefined;
}

/**
 * `torch.scatter(torch.full_like(x, ε/K), -1, y, on)`: out of place into a fill the code built, the method
 * `q.scatter(-1, y, on)`. Into logits or features it builds no target.
 */
function labelScatter(name: string, args: Value[]): boolean {
  return /^scatter(_add)?$/.test(name) && args[0]?.kind === 'dist' && !alongRange(args[2]);
}

/** `torch.x(...)` helpers that build or reduce tensors. */
export function torchFunction(name: string, args: Value[], kw: Map<string, Value>, ctx: Ctx): Value | null {
  if (name === 'einsum') return einsum(args, ctx);
  if (name === 'bmm' && args.length === 2) return rowDot(args[0], args[1], ctx);
  if (labelScatter(name, args)) return tensorMethod(args[0], name, args.slice(1), kw, ctx);
  const margin = marginFunction(name, [...args, ...kw.values()]);
  if (margin) return margin;
  const hardest = args[0] ? selected(name, args[0]) : null;
  if (hardest) return hardest;
  const copy = args[0] ? probabilityCopy(args[0], name, args.slice(1), kw) : null;
  if (copy) return copy;
  const signed = args[0] ? signedLogistic(name, args[0]) : null;
  if (signed) return signed;
  if (name === 'clamp' || name === 'clip') {
    const [x, lo, hi] = [args[0] ?? UNKNOWN, args[1] ?? kw.get('min'), args[2] ?? kw.get('max')];
    return (
      clippedTarget(x, lo ?? UNKNOWN, hi ?? UNKNOWN, ctx) ??
      logisticRelu(x, lo ? scalarOf(lo) : null, hi) ??
      x
    );
  }
  // `torch.tensor(eps)` (ε kept as a buffer): a 0-d tensor computes as the number it holds.
  if (SCALAR_TENSOR.has(name) && args[0] && scalarOf(args[0])) return args[0];
  // torch.reshape(x, s), torch.squeeze(x), …: the layout functions leave the value as it is (as their methods do).
  if (PASS.has(name) && args[0]) return passed(args[0], name);
  // torch.from_numpy(q), torch.tensor(q), np.asarray(q) of a target built in the code: the same target.
  const converted = CONVERTERS.has(name) && args[0] ? rowsOf(args[0]) : null;
  if (converted && (converted.kind === 'dist' || converted.kind === 'prob')) return converted;
  // `p, t = torch.broadcast_tensors(p, t)`: the same tensors, expanded to one shape.
  if (name === 'broadcast_tensors') return { kind: 'tuple', items: args };
  if (ZEROS.has(name)) return { kind: 'dist', target: mix(ZERO, ZERO, 'none') };
  if (ONES.has(name)) return { kind: 'dist', target: mix(ZERO, ONE, 'none') };
  if (FULL.has(name)) {
    const fill = args[1] ?? kw.get('fill_value');
    // `x.new_full((n,), c)` with c each class in turn: indices of that class, one per pass.
    if (fill?.kind === 'tensor' && fill.eachClass) return fill;
    const d = mix(ZERO, scalarOf(args[1] ?? kw.get('fill_value') ?? UNKNOWN) ?? ZERO, 'none');
    const size = args[0];
    const classes = size?.kind === 'tuple' && size.items.length === 1 ? scalarOf(size.items[0]) : null;
    return { kind: 'dist', target: classes ? { ...d, classes } : d };
  }
  if (name === 'one_hot') {
    const classes = scalarOf(args[1] ?? kw.get('num_classes') ?? UNKNOWN) ?? undefined;
    // The one-hot of the model's own argmax is its prediction (hard bootstrapping), not the labels.
    if (derivationOf(args[0] ?? UNKNOWN))
      return { kind: 'dist', target: { ...mix(ZERO, ZERO, 'none'), self: ONE, classes } };
    return { kind: 'dist', target: withLabels({ ...mix(ONE, ZERO, 'index'), classes }, args[0] ?? UNKNOWN) };
  }
  if (name === 'argmax' && args[0]) return argmaxOf(args[0]);
  if (name === 'Categorical') return categorical(args[0] ?? kw.get('probs'), kw.get('logits'), ctx);
  const logSigmoid =
    name === 'softplus' ? softplusWithBeta(args[0] ?? UNKNOWN, args[1] ?? kw.get('beta')) : null;
  if (logSigmoid) return logSigmoid;
  const logistic = args[0] ? logisticFunction(name, args[0]) : null;
  if (logistic) return logistic;
  if (name === 'log') return logOf(args[0] ?? UNKNOWN, ctx);
  if ((name === 'max' || name === 'amax') && args.length === 1 && kw.size === 0) return batchMax(ctx);
  if (name === 'max' && alongDim(args[1], kw)) return maxAndIndex(args[0] ?? UNKNOWN);
  if (name === 'max' || name === 'amax') return rowMaxOf(args[0] ?? UNKNOWN);
  if (name === 'exp' && args[0]) return expOf(args[0], ctx) ?? elementwise(name, args[0]);
  if (name === 'arange' || name === 'eye') {
    const classes = args.length === 1 ? scalarOf(args[0]) : null;
    return { kind: 'tensor', classRange: { classes, eye: name === 'eye' } };
  }
  const [x, y] = [args[0], args[1] ?? kw.get('other')];
  // `torch.mul(q, logp)`, `torch.eq(classes, y)`: the operator written as a function.
  const operator = OPERATORS.get(name);
  if (operator && x && y && args.length <= 2) return operatorOf(operator, x, y);
  const ownEntropy =
    x && y && (x.kind === 'dist' || (sourceOf(x) !== undefined && sourceOf(x) === sourceOf(y)));
  if (name === 'xlogy' && ownEntropy) return { kind: 'tensor', targetEntropy: true };
  if (name === 'logsumexp') return logNormaliserOf(args[0] ?? UNKNOWN);
  const mapped = elementwise(name, args[0] ?? UNKNOWN);
  if (mapped) return mapped;
  if (name === 'sigmoid')
    return { kind: 'prob', multi: false, neg: false, source: sigmoidSource(args[0] ?? UNKNOWN) };
  if (name === 'logsigmoid' && signedByLabels(args[0] ?? UNKNOWN, ctx))
    return lossOf(mix(ONE, ZERO, 'tensor'), { binary: true });
  if (name === 'logsigmoid') return logSigmoidCall(args[0] ?? UNKNOWN, isNegated(args[0] ?? UNKNOWN, ctx));
  if (name === 'sum' || name === 'mean')
    return reduce(args[0] ?? UNKNOWN, name, axisOf(args[1] ?? kw.get('dim')), ctx);
  if (NEGATIONS.has(name)) return negate(args[0] ?? UNKNOWN);
  if (name === 'gather') return gathered(args[0] ?? UNKNOWN, args[2] ?? kw.get('index') ?? UNKNOWN);
  if (name === 'lerp')
    return lerp(args[0] ?? UNKNOWN, args[1] ?? kw.get('end') ?? UNKNOWN, args[2] ?? kw.get('weight'));
  if (name === 'where') return where(args[0] ?? UNKNOWN, args[1] ?? UNKNOWN, args[2] ?? UNKNOWN);
  if (name === 'masked_select') return masked(args[0] ?? UNKNOWN);
  if (name === 'Variable') return args[0] ?? UNKNOWN;
  return null;
}

/**
 * `logsigmoid(x · (2t − 1))`: the logits times sign labels, a whole BCE-with-logits on hard targets; what
 * multiplies it afterwards (α·t + (1 − α)·(1 − t)) re-weights samples rather than smoothing a target.
 */
function signedByLabels(v: Value, ctx: Ctx): boolean {
  if (v.kind !== 'param') return false;
  const tensors = [...symNames(v.value)].filter((n) => ctx.syms.get(n)?.tensorCandidate);
  return tensors.length >= 2 && multiplied(v.value, tensors[0], tensors[1]);
}

/**
 * Whether two tensors multiply each other in `s` (x·(2t − 1)), not only add (`chosen − rejected`, a Bradley-Terry
 * reward margin): the mixed second difference of s in them is not 0.
 */
function multiplied(s: Scalar, a: string, b: string): boolean {
  const at = (va: number, vb: number) => evalSym(s, (n) => (n === a ? va : n === b ? vb : 0.37));
  return Math.abs(at(2, 3) - at(2, 0) - at(0, 3) + at(0, 0)) > 1e-9;
}

function isNegated(v: Value, ctx: Ctx): boolean {
  const m = v.kind === 'prob' ? null : mixOf(v);
  if (v.kind === 'prob') return v.neg;
  return m ? evalSym(m.hot, (n) => ctx.syms.get(n)?.value ?? 0.1) < 0 : false;
}

export function logOf(v: Value, ctx: Ctx): Value {
  if (v.kind === 'prob' && v.multi)
    return {
      kind: 'logp',
      coefficient: ONE,
      factors: [],
      source: v.source,
      ...(v.neg ? { complement: true as const } : {}),
    };
  // log p_y of softmax probabilities is the log-probability the labels gather; of a map of p_y, a function of it.
  if (v.kind === 'tensor' && v.trueProb?.exact && v.pred === 'affine' && !v.trueProb.falling)
    return gatherLoss(
      { kind: 'logp', coefficient: ONE, factors: [] },
      v.trueProb.labels ? { kind: 'tensor', viewOf: v.trueProb.labels } : UNKNOWN,
    );
  if (v.kind === 'tensor' && v.trueProb) return { kind: 'tensor', pred: 'nonlinear', trueProb: v.trueProb };
  if (v.kind === 'tensor' && v.partition) return { kind: 'tensor', logNormaliser: true };
  if (v.kind === 'tensor' && v.probRatio)
    return { kind: 'logp', coefficient: neg(ONE), factors: [], source: v.probRatio.over, kl: true };
  if (v.kind === 'logp') return UNKNOWN;
  if (v.kind === 'dist' && v.target.src !== 'none' && !v.target.rowMask) return logOfLabels(v.target);
  const opaque = v.kind === 'unknown' || (v.kind === 'tensor' && v.viewOf === undefined);
  const number = v.kind === 'num' || (v.kind === 'param' && v.cand === null) ? scalarOf(v) : null;
  const of =
    v.kind === 'param' ? (v.value.kind === 'symbol' ? v.value.name : stabilised(v.value)) : undefined;
  return {
    kind: 'blog',
    neg: isNegated(v, ctx),
    ...(opaque ? { opaque: true as const } : {}),
    ...(of ? { of } : {}),
    ...(number ? { ofNumber: number } : {}),
  };
}

/** `q + 1e-10` inside a log: the parameter q, kept off zero for the log's sake. */
function stabilised(s: Scalar): string | undefined {
  const tiny = (x: Scalar) => x.kind === 'number' && x.value > 0 && x.value <= 1e-4;
  return s.kind === 'op' && s.op === '+' && s.left.kind === 'symbol' && tiny(s.right)
    ? s.left.name
    : undefined;
}

/** `torch.where(onehot, a, b)` with scalars builds the target a on the true class and b elsewhere; else a row mask. */
/**
 * `torch.where(onehot, a, b)` = b + onehot·(a − b): with numbers or fills of the class row on both sides it
 * builds a target (a on the true class); otherwise it masks rows of b.
 */
function where(cond: Value, a: Value, b: Value): Value {
  const stable = sameLogSigmoid(a, b);
  if (stable) return stable;
  const guarded = cond.kind === 'tensor' && cond.support ? zeroGuarded(cond.support, a, b) : null;
  if (guarded) return guarded;
  const setOnly = cond.kind === 'tensor' && cond.setEntries ? setEntriesWhere(cond.setEntries, a, b) : null;
  if (setOnly) return setOnly;
  // `torch.where(valid, loss, 0)`: the loss on the rows the condition keeps.
  const losses = [a, b].filter((v) => v.kind === 'loss');
  if (losses.length === 1) return masked(losses[0]);
  const test = cond.kind === 'tensor' ? cond.labelTest : undefined;
  const [sa, sb] = [fillValue(a), fillValue(b)];
  if (test && sa && sb) {
    const [onOne, onZero] = test.whereOne ? [sa, sb] : [sb, sa];
    return { kind: 'dist', target: { ...tensorMix(test.labels), hot: sub(onOne, onZero), off: onZero } };
  }
  // The labels on one side, the model's own prediction on the other (label relaxation's credal target).
  if (test && (derivationOf(a) || derivationOf(b)))
    return { kind: 'dist', target: { ...mix(ZERO, ZERO, 'index'), self: ONE, labels: test.labels } };
  const oneHot = cond.kind === 'dist' && trueClassMask(cond.target);
  if (oneHot) {
    const logged = logTargetPick(cond.target, a, b);
    if (logged) return logged;
  }
  const ma = oneHot ? rowFill(a) : null;
  const mb = oneHot ? rowFill(b) : null;
  // The logits on one side, changed on the true class on the other: margin logits, not the model's own.
  if (oneHot && (!ma || !mb) && (logitsLike(a) || logitsLike(b)))
    return { kind: 'tensor', changedLogits: true };
  if (!ma || !mb || cond.kind !== 'dist') return masked(b);
  const hot = sub(add(ma.hot, ma.off), add(mb.hot, mb.off));
  return {
    kind: 'dist',
    target: { ...mb, hot: add(mb.hot, hot), src: 'index', classes: cond.target.classes ?? mb.classes },
  };
}

/**
 * `torch.where(onehot, log(a), log(b))`: the log of the target a on the true class and b elsewhere, as KL's
 * `log_target=True` takes it (the distribution itself once given there).
 */
function logTargetPick(onehot: Mix, a: Value, b: Value): Value | null {
  const [la, lb] = [a, b].map((v) => (v.kind === 'blog' ? v.ofNumber : undefined));
  if (!la || !lb) return null;
  return { kind: 'tensor', logTarget: true, logOf: { ...onehot, hot: sub(la, lb), off: lb } };
}

/**
 * `torch.where(q > 0, -q * log_p, 0)` (or `where(q == 0, 0, …)`): the 0·log 0 guard. The dropped entries are those
 * where q is 0, and so is the product there: the value is the product of q itself.
 */
function zeroGuarded(support: { of: Mix; holds: boolean }, a: Value, b: Value): Value | null {
  const [kept, dropped] = support.holds ? [a, b] : [b, a];
  const zero =
    scalarOf(dropped) ??
    (dropped.kind === 'dist' && dropped.target.src === 'none' ? dropped.target.off : null);
  if (zero?.kind !== 'number' || zero.value !== 0) return null;
  return kept.kind === 'prod' &&
    kept.target &&
    sameTarget(kept.target, support.of) &&
    kept.target.src !== 'none'
    ? kept
    : null;
}

/** `torch.where(t != -1, loss, 0)`: the loss on the entries of its target that were set, not the fill's. */
function setEntriesWhere(test: { of: Mix; holds: boolean }, a: Value, b: Value): Value | null {
  const [kept, dropped] = test.holds ? [a, b] : [b, a];
  const zero = fillValue(dropped);
  return zero && isConst(zero, 0) ? onSetEntries(kept, test.of) : null;
}

/** A number, or the number a constant fill holds everywhere (`torch.full_like(t, 1 - eps / 2)`). */
function fillValue(v: Value): Scalar | null {
  const s = scalarOf(v);
  if (s) return s;
  const fill = constantFill(v);
  return fill && isConst(fill.hot, 0) ? fill.off : null;
}

/** Binary labels `labels` as a target: the labels themselves, a view of them, or a target already built on them. */
function binaryLabels(v: Value, labels: string): Mix | null {
  if (v.kind === 'param' && v.cand === labels) return paramMix(v);
  if (v.kind === 'tensor' && v.viewOf === labels) return tensorMix(labels);
  return v.kind === 'dist' && v.target.src === 'tensor' && v.target.tensor === labels ? v.target : null;
}

/**
 * A mask that holds on the positives or on the negatives of binary labels: a test of the labels, or of a target
 * built on them against 0 (`q == 0` once the positives were set to 1 − s: the negatives).
 */
function labelTestOf(mask: Value): { labels: string; whereOne: boolean } | undefined {
  if (mask.kind !== 'tensor') return undefined;
  if (mask.labelTest) return mask.labelTest;
  const s = mask.support;
  if (!s || s.of.src !== 'tensor' || s.of.tensor === undefined) return undefined;
  const [one, zero] = [add(s.of.hot, s.of.off), s.of.off].map((v) =>
    s.holds ? !isConst(v, 0) : isConst(v, 0),
  );
  return one === zero ? undefined : { labels: s.of.tensor, whereOne: one };
}

/**
 * `t.masked_fill(t == 1, 1 − s)`, `t[t == 0] = s`: binary labels given a number where a test of the same labels
 * holds, their value on the other side kept (the target `torch.where(t == 1, 1 − s, s)` builds in two steps).
 */
export function labelFill(obj: Value, mask: Value, value: Value): Value | null {
  const test = labelTestOf(mask);
  const v = fillValue(value);
  const m = test ? binaryLabels(obj, test.labels) : null;
  if (!test || !v || !m) return null;
  const [onOne, onZero] = test.whereOne ? [v, m.off] : [add(m.hot, m.off), v];
  return { kind: 'dist', target: { ...m, ...tensorMix(test.labels), hot: sub(onOne, onZero), off: onZero } };
}

/** A number, or a tensor filled with one per class row (a fill, not yet a target). */
function rowFill(v: Value): Mix | null {
  const s = scalarOf(v);
  if (s) return mix(ZERO, s, 'none');
  return v.kind === 'dist' && v.target.src === 'none' ? v.target : null;
}

/** `q.masked_fill(onehot.bool(), 1 − ε)`: the one-hot of the same labels as mask sets the true class. */
function trueClassFill(obj: Value, mask: Value, value: Value): Value | null {
  const v = scalarOf(value);
  const oneHot = mask.kind === 'dist' && trueClassMask(mask.target);
  if (!v || !oneHot || obj.kind !== 'dist' || !sameTarget(obj.target, mask.target)) return null;
  return { kind: 'dist', target: { ...obj.target, hot: sub(v, obj.target.off), src: 'index' } };
}

/** `logits.masked_fill(onehot(y).bool(), -inf)`: the logits of the other classes (their logsumexp: 1 − p_y). */
function trueClassOut(obj: Value, mask: Value): Value | null {
  const oneHot = mask.kind === 'dist' && isOneHot(mask.target);
  return oneHot && logitsLike(obj) ? { kind: 'tensor', offTarget: 'logits' } : null;
}

function logNormaliserOf(v: Value): Value {
  return v.kind === 'tensor' && v.offTarget === 'logits'
    ? { kind: 'tensor', offTarget: 'normaliser' }
    : { kind: 'tensor', logNormaliser: true };
}

function masked(v: Value): Value {
  if (v.kind === 'dist') return { kind: 'dist', target: { ...v.target, rowMask: true } };
  if (v.kind === 'loss') return { kind: 'loss', loss: { ...v.loss, rowMask: true } };
  return v;
}

/**
 * `t.clamp(ε/2, 1 − ε/2)` of binary labels is t·(1 − ε) + ε/2, and `t.clamp(ε/(K−1), 1 − ε)` of one-hot rows the
 * K−1 target: read like that where t turns out to be a target. Bounds that do not make a distribution, or literal
 * bounds with a tiny lower one (`p.clamp(1e-7, 1 - 1e-7)`, `onehot.clamp(1e-4, 1)`: numerical safety before a log),
 * are no smoothing.
 */
function clippedTarget(v: Value, lo: Value, hi: Value, ctx: Ctx): Value | null {
  const [slo, shi] = [scalarOf(lo), scalarOf(hi)];
  if (!slo || !shi) return null;
  const safety = slo.kind === 'number' && shi.kind === 'number' && slo.value < 1e-3;
  // A one-hot clamped into [lo, hi] is hi on the true class and lo elsewhere.
  const oneHot = v.kind === 'dist' && isOneHot(v.target);
  if (oneHot) return safety ? v : { kind: 'dist', target: { ...v.target, hot: sub(shi, slo), off: slo } };
  if (v.kind !== 'param' || v.cand === null || v.value.kind !== 'symbol' || safety) return null;
  const probe = (s: Scalar, at: number, k: number) =>
    evalSym(s, (n) => (n === '#K' ? k : (ctx.syms.get(n)?.value ?? at)));
  const classes = symNames(slo).has('#K') ? [7, 11] : [2];
  const distribution = [0.137, 0.291].every((at) =>
    classes.every((k) => Math.abs(probe(shi, at, k) + (k - 1) * probe(slo, at, k) - 1) < 1e-9),
  );
  if (!distribution) return null;
  return { ...v, value: add(mul(sub(shi, slo), v.value), slo) };
}

/**
 * `torch.topk(losses, k)`, `losses.sort()`: (values, indices), the values some rows of the loss (hard-example
 * mining keeps the k largest).
 */
function selected(name: string, v: Value): Value | null {
  if (v.kind !== 'loss' || !['topk', 'sort', 'kthvalue'].includes(name)) return null;
  return { kind: 'tuple', items: [{ kind: 'loss', loss: { ...v.loss, hardest: true } }, TENSOR] };
}

/**
 * `scatter_(1, y, v)`: v on the true class over the fill so far. A tensor `c` scattered there over a fill built from
 * that same `c` (`ones·(1 − c)/(K − 1)` then `scatter_(1, y, c)`, c a column `conf.unsqueeze(1)`) is one number
 * per row, not a target distribution: the fill's terms in c are that number too (smoothing ε_i = 1 − c_i per sample).
 */
function scattered(base: Mix, value: Value | undefined, accumulate: boolean): Mix {
  const named = value?.kind === 'tensor' ? value.viewOf : undefined;
  if (named !== undefined && base.src === 'tensor' && base.tensor === named) {
    const { tensor: _, ...rest } = base;
    const off = add(mul(base.hot, sym(named)), base.off);
    return { ...rest, off, hot: sub(sym(named), off), src: 'index' };
  }
  // `scatter_(1, y, 1 − ε_i)` with ε_i computed from the model (α·p_y): the smoothing amount varies per sample.
  if (value && derivationOf(value)) return adaptiveTrueClass(base);
  const v = (value && fillValue(value)) ?? ONE;
  // `scatter_add_` adds v to what the true class held (hot + off); `scatter_` replaces it with v.
  return { ...base, hot: accumulate ? add(base.hot, v) : sub(v, base.off), src: 'index' };
}

/**
 * Ops that give back the same numbers, in the same shape (`x.contiguous()`, `x.detach()`, `x.to(device)`) or laid
 * out again (`x.view(-1, k)`, `x.reshape(n, k)`): the parameter itself, so a probability or label input keeps every
 * role it had (`torch.log(p + 1e-12)` of it). An unsqueeze or a transpose is a view (`viewOf`): its axes moved.
 */
const SAME_VALUES = new Set(
  'item float double half contiguous detach detach_ clone to cuda cpu type_as requires_grad_ view reshape'.split(
    ' ',
  ),
);

/** A layout op (`t.unsqueeze(1)`, `torch.unsqueeze(t, 1)`): a parameter's view, anything else unchanged. */
function passed(v: Value, name: string): Value {
  return v.kind === 'param' && !SAME_VALUES.has(name) ? viewOf(v) : v;
}

/** A list comprehension's rows (`[[a if c == t else b for c in …] for t in …]`): the one row each builds. */
function rowsOf(v: Value): Value {
  return v.kind === 'tuple' && v.items.length === 1 && v.items[0] ? rowsOf(v.items[0]) : v;
}

/** `x.view(...)`, `t.unsqueeze(1)`: a tensor that is still the parameter's data (a target keeps its identity). */
function viewOf(p: Value & { kind: 'param' }): Value {
  if (p.value.kind === 'symbol') return { kind: 'tensor', viewOf: p.value.name };
  return p.cand !== null ? p : TENSOR;
}

/** The axis a reduction's `dim` names: none (every element), 0 (the batch of an (N, C) term) or another (the classes). */
export type Axis = 'all' | 'batch' | 'classes';

export function axisOf(dim: Value | undefined): Axis {
  if (!dim) return 'all';
  const s = scalarOf(dim);
  return s?.kind === 'number' && s.value === 0 ? 'batch' : 'classes';
}

/**
 * A term with one value per (row, class), reduced over the batch first (`(-q * logp).mean(0)`): each class's
 * coefficients are those of the row sums, and the batch reduction waits for the classes' (`.sum()`), which gives
 * the loss (`.mean(0).sum()` ≡ `.sum(1).mean()`).
 */
function batchFirst(v: Value, name: 'sum' | 'mean', ctx: Ctx): Value | null {
  const perElement = v.kind === 'logp' || (v.kind === 'prod' && v.target && !v.binary);
  if (!perElement) return null;
  const rows = reduce(v, 'sum', 'classes', ctx);
  return rows.kind === 'loss' ? { kind: 'loss', loss: { ...rows.loss, batchReduced: name } } : null;
}

/** Rows left out by zeroing them (`masked_fill(m, 0)`): still counted by a mean, unlike rows taken out (`l[m]`). */
function zeroedRows(loss: LossInfo): boolean {
  return loss.rowMask && loss.rowsDropped !== true;
}

/** The classes of a term already reduced over the batch, reduced in turn: a sum keeps, a mean divides by K. */
function classesAfterBatch(
  loss: LossInfo & { batchReduced: 'sum' | 'mean' },
  name: 'sum' | 'mean',
  ctx: Ctx,
): Value {
  const { batchReduced, ...rest } = loss;
  const classes = name === 'mean' ? scaleMix(rest, (s) => div(s, classDim(ctx))) : rest;
  const maskedRowsInMean = loss.maskedRowsInMean || (zeroedRows(loss) && batchReduced === 'mean');
  return { kind: 'loss', loss: { ...classes, reduction: batchReduced, maskedRowsInMean } };
}

function isZero(v: Value): boolean {
  const s = scalarOf(v);
  return s !== null && isConst(s, 0);
}

const LOGP: Value = { kind: 'logp', coefficient: ONE, factors: [] };

/** A loss over log-probabilities read from a parameter: that parameter is its predictions. */
function ofPredictions(v: Value, predictions: string | undefined): Value {
  return v.kind === 'loss' && predictions !== undefined
    ? { kind: 'loss', loss: { ...v.loss, predictions } }
    : v;
}

export function reduce(v: Value, name: 'sum' | 'mean', axis: Axis, ctx: Ctx): Value {
  const overBatch = axis === 'batch' ? batchFirst(v, name, ctx) : null;
  if (overBatch) return overBatch;
  if (v.kind === 'loss' && v.loss.batchReduced)
    return classesAfterBatch({ ...v.loss, batchReduced: v.loss.batchReduced }, name, ctx);
  const hasDim = axis !== 'all';
  const reduction = hasDim ? 'none' : name;
  const perClass = (s: Scalar): Scalar =>
    name === 'mean' && (hasDim || v.kind === 'logp') ? div(s, classDim(ctx)) : s;
  if (hasDim && v.kind === 'tensor' && v.expLogits) return { kind: 'tensor', partition: true };
  // A batch reduction of a decreasing function of p_y (GCE's (1 − p_y^q)/q, 1 − p_y) is a loss on hard labels; of
  // the log-likelihood of margin logits (`num − log(exp(num) + …)`), minus one. An increasing one (p_y: an accuracy,
  // log p_y) is one once negated (`-torch.log(p_y).mean()`).
  if (v.kind === 'tensor' && v.trueProb) {
    const smoothed = v.trueProb.smoothed;
    if (smoothed && !hasDim)
      return lossOf({ ...smoothed, unfixed: smoothed.unfixed ?? INSIDE_LOG }, { reduction, reworked: true });
    if (hasDim) return v;
    if (v.trueProb.falling || v.trueProb.margin) return trueProbLoss(v.trueProb, reduction);
    return { ...v, trueProb: { ...v.trueProb, reduced: reduction } };
  }
  const parameter =
    v.kind === 'param' || (v.kind === 'tensor' && (v.viewOf !== undefined || v.slicedOf !== undefined));
  // A parameter (or some positions of one) reduced over the batch is a statistic per class (`t.sum(0)`: how many
  // labels each class has, a class-balancing weight's count); over the classes, a row of log-probabilities summed.
  if (parameter && axis === 'batch') return TENSOR;
  if (parameter && hasDim) return ofPredictions(reduce(LOGP, name, axis, ctx), sourceOf(v));
  const modulated = (v.kind === 'logp' || v.kind === 'prod') && v.modulated === true;
  const changed = (v.kind === 'logp' || v.kind === 'prod') && v.changedLogits ? { changedLogits: true } : {};
  if (v.kind === 'logp' && v.factors.length > 0) {
    const weightSpans = v.factors.slice(0, -1);
    const at = v.factors[v.factors.length - 1] as (typeof v.factors)[number];
    const givenTarget = { at, per: perClass(ONE) };
    return lossOf(mix(neg(v.coefficient), ZERO, 'tensor'), {
      reduction,
      weightSpans,
      modulated,
      givenTarget,
    });
  }
  if (v.kind === 'logp')
    return lossOf(mix(ZERO, perClass(neg(v.coefficient)), 'none'), { reduction, modulated, ...changed });
  if (v.kind === 'prod' && v.target) {
    // t·log σ(x) summed is minus the BCE: the loss is the target times −c, as for a cross-entropy below.
    if (v.binary)
      return lossOf(
        scaleMix(v.target, (x) => mul(neg(v.coefficient), x)),
        {
          binary: true,
          reduction,
          modulated,
          ...(v.opaque ? { opaqueLog: true } : {}),
          ...(hasDim ? { axisReduced: name } : {}),
        },
      );
    return lossOf(
      scaleMix(v.target, (x) => perClass(mul(neg(v.coefficient), x))),
      {
        reduction,
        weightSpans: v.factors,
        modulated,
        kl: v.kl === true,
        reworked: v.reworked === true,
        ...changed,
        ...(v.givenAt ? { givenTarget: { at: v.givenAt, per: ONE } } : {}),
      },
    );
  }
  if (v.kind === 'loss' && !hasDim) {
    const maskedRowsInMean = v.loss.maskedRowsInMean || (zeroedRows(v.loss) && name === 'mean');
    return { kind: 'loss', loss: { ...v.loss, reduction: name, maskedRowsInMean } };
  }
  // A fill summed whole (`torch.ones_like(x).sum()`, a mask of ones) counts elements; a target's row sums to its mass.
  if (v.kind === 'dist' && v.target.src === 'none' && !hasDim) return { kind: 'num', value: sym('#count') };
  if (v.kind === 'dist')
    return { kind: 'num', value: mixMass(v.target, v.target.classes ?? classDim(ctx)), mass: true };
  if (v.kind === 'loss' && name === 'sum') return { kind: 'loss', loss: { ...v.loss, classSummed: true } };
  if (v.kind === 'num' || v.kind === 'loss') return v;
  if (hasDim) return v.kind === 'tensor' ? v : TENSOR;
  return { kind: 'num', value: sym('#count') };
}

/** The logits are a parameter or a view of one: a model's output, not a target built here. */
function logitsLike(v: Value): boolean {
  return (
    v.kind === 'param' ||
    (v.kind === 'tensor' && Object.keys(v).every((key) => key === 'kind' || key === 'viewOf'))
  );
}

/** `exp(x)` of logits: the numerator of a softmax written by hand (of x + c too: the same softmax). */
function expOf(v: Value, ctx: Ctx): Value | null {
  return logitsLike(v) ? { kind: 'tensor', expLogits: { of: sourceOf(v) ?? shiftedLogits(v, ctx) } } : null;
}

/** `x + c` / `x − c` of a tensor parameter x and a number c (`logits.add_(eps)`): the logits x, shifted. */
function shiftedLogits(v: Value, ctx: Ctx): string | undefined {
  if (v.kind !== 'param' || v.value.kind !== 'op' || (v.value.op !== '+' && v.value.op !== '-'))
    return undefined;
  const { left, right } = v.value;
  const isTensor = (n: string) => ctx.syms.get(n)?.tensorCandidate === true;
  if (left.kind !== 'symbol' || !isTensor(left.name)) return undefined;
  return [...symNames(right)].some(isTensor) ? undefined : left.name;
}

/**
 * The argmax of probabilities is the model's prediction; of a target, class indices again; of a parameter,
 * remembered (the logits' or the labels'); of a tensor computed elsewhere (`teacher(x).argmax(1)`), pseudo-labels.
 */
function argmaxOf(v: Value): Value {
  // The argmax of the model's probabilities is its prediction, and still names the logits it comes from.
  if (v.kind === 'prob' && v.source !== undefined)
    return { kind: 'tensor', pred: 'nonlinear', argmaxOf: v.source };
  if (v.kind === 'prob' || derivationOf(v)) return predicted('nonlinear');
  if (v.kind === 'dist') return TENSOR;
  const of = sourceOf(v);
  if (of !== undefined) return { kind: 'tensor', argmaxOf: of };
  return v.kind === 'unknown' || v.kind === 'tensor' ? { kind: 'tensor', pseudoLabels: true } : TENSOR;
}

/** `x.max(dim=-1)` of logits: the shift of a stable softmax. */
function rowMaxOf(v: Value): Value {
  if (v.kind === 'prob' || derivationOf(v)) return predicted('nonlinear'); // the model's confidence
  return logitsLike(v) ? { kind: 'tensor', rowMax: true } : TENSOR;
}

/**
 * `torch.distributions.Categorical(logits=x)` / `(probs=p)`: the distribution over the last axis, held as its
 * log-probabilities (log_softmax of the logits, log of the probabilities); its `log_prob(y)` picks the labels' class.
 */
function categorical(probs: Value | undefined, logits: Value | undefined, ctx: Ctx): Value {
  if (logits) return lossFunction('log_softmax', new Map([['input', logits]]), classDim(ctx));
  return probs?.kind === 'prob' && probs.multi ? logOf(probs, ctx) : TENSOR;
}

/** `torch.max(x, 1)`, `x.max(dim=1)`: a reduction along a dimension (not the elementwise max of two tensors). */
function alongDim(dim: Value | undefined, kw: Map<string, Value>): boolean {
  return kw.has('dim') || dim?.kind === 'num';
}

/** `values, indices = x.max(1)`: the row maximum and the argmax (`_, pred = torch.max(softmax(x), 1)`). */
function maxAndIndex(v: Value): Value {
  return { kind: 'tuple', items: [rowMaxOf(v), argmaxOf(v)] };
}

/**
 * `t.uniform_(0.9, 1)`: labels drawn at random (noisy GAN labels). A cross-entropy is linear in its target, so in
 * expectation it is the one against the mean, a constant fill of (a + b)/2.
 */
function uniformDraw(from: Value, to: Value): Value | null {
  const [a, b] = [
    from.kind === 'unknown' ? ZERO : scalarOf(from),
    to.kind === 'unknown' ? ONE : scalarOf(to),
  ];
  return a && b ? { kind: 'dist', target: mix(ZERO, div(add(a, b), num(2)), 'none') } : null;
}

/** A string parameter normalised before it is tested (`reduction.lower()`): the same string, respelled. */
const STRING_CASES: Partial<Record<string, (s: string) => string>> = {
  lower: (s) => s.toLowerCase(),
  casefold: (s) => s.toLowerCase(),
  upper: (s) => s.toUpperCase(),
  strip: (s) => s.trim(),
};

/** Tensor methods: in-place fills and scatters build target mixes; reductions build losses. */
export function tensorMethod(
  obj: Value,
  name: string,
  args: Value[],
  kw: Map<string, Value>,
  ctx: Ctx,
): Value {
  const arg = (i: number, key: string): Value => args[i] ?? kw.get(key) ?? UNKNOWN;
  const spelled = obj.kind === 'str' && args.length === 0 ? STRING_CASES[name] : undefined;
  if (obj.kind === 'str' && spelled) return { kind: 'str', text: spelled(obj.text) };
  const margin = marginFunction(name, [obj, ...args, ...kw.values()]);
  if (margin) return margin;
  const hardest = selected(name, obj);
  if (hardest) return hardest;
  const copy = probabilityCopy(obj, name, args, kw);
  if (copy) return copy;
  const base: Mix = obj.kind === 'dist' ? obj.target : mix(ZERO, ZERO, 'none');
  const clip = /^(clamp|clip)_?$/.test(name);
  const clipped = clip
    ? (clippedTarget(obj, arg(0, 'min'), arg(1, 'max'), ctx) ??
      logisticRelu(obj, scalarOf(arg(0, 'min')), args[1] ?? kw.get('max')))
    : null;
  if (clipped) return clipped;
  const logistic = logisticFunction(name, obj);
  if (logistic) return logistic;
  if (PASS.has(name)) return passed(obj, name);
  if (name === 'exp' || name === 'exp_') {
    const e = expOf(obj, ctx);
    if (e) return e;
  }
  if (name === 'log') return logOf(obj, ctx);
  const mapped = elementwise(name, obj);
  if (mapped) return mapped;
  if (name === 'fill_' || name === 'fill')
    return { kind: 'dist', target: { ...base, hot: ZERO, off: scalarOf(arg(0, 'value')) ?? ZERO } };
  const drawn = name === 'uniform_' ? uniformDraw(arg(0, 'from'), arg(1, 'to')) : null;
  if (drawn) return drawn;
  // `x.new_full(size, v)`, `x.new_zeros(size)`: a fresh constant fill, read like `torch.full(size, v)`.
  const fresh = /^new_(full|zeros|ones|empty)$/.test(name) ? torchFunction(name, args, kw, ctx) : null;
  if (fresh) return fresh;
  if (name.startsWith('scatter') && !alongRange(args[1] ?? kw.get('index')))
    return {
      kind: 'dist',
      target: scattered(base, args[2] ?? kw.get('value') ?? kw.get('src'), name.startsWith('scatter_add')),
    };
  if (name === 'masked_fill_' || name === 'masked_fill') {
    const onTrueClass =
      trueClassFill(obj, arg(0, 'mask'), arg(1, 'value')) ?? trueClassOut(obj, arg(0, 'mask'));
    if (onTrueClass) return onTrueClass;
    const relabelled = labelFill(obj, arg(0, 'mask'), arg(1, 'value'));
    if (relabelled) return relabelled;
  }
  if ((name === 'masked_fill_' || name === 'masked_fill') && obj.kind === 'loss' && isZero(arg(1, 'value')))
    return { kind: 'loss', loss: rowsLeftOut(obj.loss, arg(0, 'mask'), false, ctx.syms) };
  if (name === 'masked_fill_' || name === 'masked_fill' || name === 'masked_select') return masked(obj);
  if (name === 'index_fill_' || name === 'index_fill') {
    const dim = scalarOf(arg(0, 'dim'));
    const column = dim?.kind === 'number' && dim.value !== 0;
    return obj.kind === 'dist' && column
      ? { kind: 'dist', target: { ...obj.target, colZero: true } }
      : masked(obj);
  }
  const operator = OPERATORS.get(name.replace(/_$/, ''));
  if (operator && (args.length === 1 || kw.has('other'))) return operatorOf(operator, obj, arg(0, 'other'));
  if (name === 'sum' || name === 'mean') return reduce(obj, name, axisOf(args[0] ?? kw.get('dim')), ctx);
  if (NEGATIONS.has(name)) return negate(obj);
  if (name === 'gather') return gathered(obj, args[1] ?? kw.get('index') ?? UNKNOWN);
  // `x.copy_(src)` holds src's values (`labels.new().resize_as_(labels).copy_(torch.arange(n))` is a range).
  if (name === 'copy_') return arg(0, 'src');
  // `Categorical(logits=x).log_prob(y)`: log p_y, the log-probability the labels pick (as `logp[arange(n), y]`).
  if (name === 'log_prob' && obj.kind === 'logp') return gatherLoss(obj, arg(0, 'value'));
  if (name === 'lerp' || name === 'lerp_') return lerp(obj, arg(0, 'end'), args[1] ?? kw.get('weight'));
  if (name === 'argmax') return argmaxOf(obj);
  if (name === 'log') return logOf(obj, ctx);
  if (name === 'sigmoid') return { kind: 'prob', multi: false, neg: false, source: sigmoidSource(obj) };
  if ((name === 'max' || name === 'amax') && args.length === 0 && kw.size === 0) return batchMax(ctx);
  if (name === 'max' && alongDim(args[0], kw)) return maxAndIndex(obj);
  if (name === 'max' || name === 'amax') return rowMaxOf(obj);
  if (name === 'logsumexp') return logNormaliserOf(obj);
  if (COMPARISON_METHODS.has(name)) return MASK;
  return obj.kind === 'dist' || obj.kind === 'loss' ? obj : TENSOR;
}

const ZSPAN = { from: 0, to: 0 };

/** `torch.lerp(start, end, w)` = start + w·(end − start): a one-hot moved towards a uniform row by ε smooths it. */
function lerp(start: Value, end: Value, weight: Value | undefined): Value {
  if (!weight) return UNKNOWN;
  const step = binop('*', weight, binop('-', end, start, ZSPAN, ZSPAN), ZSPAN, ZSPAN);
  return binop('+', start, step, ZSPAN, ZSPAN);
}

/**
 * Gathering log-probabilities picks the true-class term, or with the model's own argmax as index a bootstrapped
 * one; gathering probabilities picks p_t, a prediction factor.
 */
function gathered(v: Value, index: Value): Value {
  if (v.kind === 'prob') return trueProbOf(v, index);
  // An index computed from values (`mask.sum(1) - 1`, a position) picks features, not the labels' class.
  if (index.kind === 'loss' || index.kind === 'logp' || index.kind === 'prod' || index.kind === 'unknown')
    return TENSOR;
  if (!mayBeLogProbs(v)) return TENSOR;
  const { loss: l } = gatherLoss(v, index);
  if (!derivationOf(index)) return { kind: 'loss', loss: l };
  return { kind: 'loss', loss: { ...l, hot: ZERO, src: 'none', self: l.hot } };
}

/**
 * What the labels' gather may read as log-probabilities: not a target distribution (`torch.ones(c)`), nor an
 * argument that has a default, a config value or a scalar (`self.weights` from `weights=None`: class weights), nor
 * `arange` / `eye` (a mining helper looking its hardest pair's position up).
 */
function mayBeLogProbs(v: Value): boolean {
  if (v.kind === 'tensor') return !v.classRange;
  return v.kind !== 'dist' && !(v.kind === 'param' && v.cand === null);
}

/**
 * The model's probability of the class the labels pick (`p.gather(1, y)`, `p[arange(n), y]`): a prediction factor
 * (focal), and its mean log a loss on hard labels. Other values picked by the index are prediction factors only.
 */
export function trueProbOf(p: Value & { kind: 'prob' }, index: Value): Value {
  const labels = sourceOf(index);
  if (!p.multi || p.neg || labels === undefined || derivationOf(index)) return predicted('affine');
  return { kind: 'tensor', pred: 'affine', trueProb: { labels, falling: false, exact: true } };
}

/** An index target remembers which labels it was built from. */
function withLabels<T extends Mix>(m: T, labels: Value): T {
  const name = sourceOf(labels);
  return name ? { ...m, labels: name } : m;
}

function batchMax(ctx: Ctx): Value {
  if (!ctx.syms.has('#B')) ctx.syms.set('#B', { origin: 'batch', label: 'max(target)+1' });
  return { kind: 'num', value: sub(sym('#B'), num(1)) };
}

/**
 * `torch.bmm(q.unsqueeze(1), log_p.unsqueeze(2))`: one (1×K)·(K×1) product per row, Σ_k q·log p, when one side is
 * log-probabilities and the other a target; else a tensor the analysis does not follow.
 */
export function rowDot(a: Value, b: Value, ctx: Ctx): Value {
  const target = (v: Value) =>
    (v.kind === 'dist' && v.target.src !== 'none') ||
    (v.kind === 'prob' && v.multi) ||
    (v.kind === 'param' && v.cand !== null) ||
    (v.kind === 'tensor' && v.viewOf !== undefined);
  const rows = (a.kind === 'logp' && target(b)) || (b.kind === 'logp' && target(a));
  return rows ? reduce(binop('*', a, b, ZSPAN, ZSPAN), 'sum', 'classes', ctx) : TENSOR;
}

/**
 * `torch.einsum('tbd,sbd->ts', q, logp)`: two operands whose last axes (the classes) are summed away multiply
 * elementwise and sum over the classes, like `(q * logp).sum(-1)`; other contractions are opaque.
 */
function einsum(args: Value[], ctx: Ctx): Value | null {
  const [spec, a, b] = args;
  if (spec?.kind !== 'str' || !a || !b || args.length !== 3) return null;
  const [lhs, out = ''] = spec.text.replace(/\s/g, '').split('->');
  const operands = lhs.split(',');
  const last = operands.map((o) => o.at(-1));
  if (operands.length !== 2 || !last[0] || last[0] !== last[1] || out.includes(last[0])) return null;
  return reduce(binop('*', a, b, ZSPAN, ZSPAN), 'sum', 'classes', ctx);
}
