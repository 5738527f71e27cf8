import type { SyntaxNode } from '@lezer/common';
import type { Definition, ModuleContext, SymInfo } from '../bind';
import type { LossKind } from '../results';
import type { Expr, Span } from '../syntax';
import type { HardTargetKind } from './provenance';
import {
  add,
  div,
  isConst,
  mul,
  neg,
  num,
  ONE,
  type Scalar,
  sub,
  substitute,
  symNames,
  ZERO,
} from './scalar';
import type { TorchLossCall } from './torchLossCall';

/**
 * A target distribution q = hot·onehot(y) + off (or hot·t + off for a target tensor t).
 * For losses the same pair holds the coefficients of −log p_y and of −Σ log p.
 */
export interface Mix {
  hot: Scalar;
  off: Scalar;
  /** 'index': built from class indices; 'tensor': from a target tensor; 'none': constant fill so far. */
  src: 'index' | 'tensor' | 'none';
  /** For 'tensor': the parameter the target tensor comes from; absent for a tensor the analysis cannot name. */
  tensor?: string;
  /**
   * For 'index': the parameter holding the class indices; `*` once terms over different labels were added
   * (mixup: λ·CE(y_a) + (1 − λ)·CE(y_b) is the cross-entropy against λ·onehot(y_a) + (1 − λ)·onehot(y_b)).
   */
  labels?: string;
  /**
   * For a target set by index assignment (`t[range(n), tcls] = cp`): the index that placed the true class (the
   * labels' name, else its source text). Targets placed at different indices are set for different labels.
   */
  placedAt?: string;
  colZero: boolean;
  rowMask: boolean;
  renorm: boolean;
  /** Filled with an integer dtype (`torch.full(s, K, dtype=torch.long)`): class indices while `src` is 'none'. */
  integer?: true;
  classes?: Scalar;
  /**
   * Weight of the model's own prediction in the target (soft bootstrapping −Σ p·log p, hard bootstrapping on
   * argmax p). Positive: part of the target; negative: an entropy bonus (a regulariser, not a target).
   */
  self?: Scalar;
  /**
   * Built as labels plus probabilities of `selfOf` (`β·onehot + (1 − β)·softmax(x)`): the loss that uses it as
   * the target of x's own log-probabilities is bootstrapping; of another input's, a soft target (`ownPrediction`).
   */
  selfOf?: string;
  /**
   * Why the target is no fixed form (`unfixedTargets.ts`): read from a table the code keeps (online label
   * smoothing), smoothed by an amount computed per sample from the model, or taken inside the log (−log Σ q·p).
   */
  unfixed?: string;
}

export interface Injection {
  param: string;
  via: 'self' | 'argument';
}

export interface LossInfo extends Mix {
  /** Computed by hand (reductions of log-probabilities, built targets), not only by a torch loss call. */
  handwritten: boolean;
  binary: boolean;
  kl: boolean;
  reduction: 'none' | 'mean' | 'sum';
  /** The rows left out are those whose label is this (`l[y != pad]`): what torch's ignore_index=pad leaves out. */
  ignoreIndex?: Scalar;
  maskedRowsInMean: boolean;
  /** The rows left out were taken out (`l[mask]`, `masked_select`), not zeroed: a mean counts only those kept. */
  rowsDropped?: boolean;
  /** Spans where a weight was multiplied into log-probabilities. */
  weightSpans: Span[];
  /** Multiplied by a factor computed from the predictions (focal-style re-weighting). */
  modulated: boolean;
  /** The single torch loss call this comes from, with the coefficient it gave (to tell a later rescaling). */
  torch?: TorchLossCall & { hot: Scalar };
  /** Combined with a tensor the analysis does not follow (a mask, a tensor weight, an added term). */
  reworked?: boolean;
  /**
   * A term added, or another path's value in its place, of which nothing is known (a call the analysis cannot see
   * into): that part may smooth.
   */
  unseenPart?: true;
  /** A binary term on the log of a tensor not known to be σ(x) or given probabilities. */
  opaqueLog?: boolean;
  /** Computed by a call the analysis cannot see into, from a smoothed target it built: reduction unknown. */
  unseenCall?: boolean;
  /** An elementwise result (kl_div with reduction='none') summed over the class axis before any mean. */
  classSummed?: boolean;
  /** Reduced over the batch only (`.mean(0)` of an (N, C) term): one value per class, the classes still to reduce. */
  batchReduced?: 'sum' | 'mean';
  /** Binary terms reduced over one axis first (`.sum(1)`, `.mean(-1)`), before any other reduction. */
  axisReduced?: 'sum' | 'mean';
  /** Only the largest per-sample losses are kept (`torch.topk`: hard-example mining). */
  hardest?: boolean;
  /** A softmax cross-entropy written by hand over logits changed on the true class (`marginSoftmax.ts`). */
  margin?: boolean;
  /** A log-softmax written by hand over logits changed in the code (scaled, a margin blended in by the labels). */
  changedLogits?: boolean;
  /** Computed by a criterion given to the constructor (`self.loss_fcn`): its convention is that criterion's. */
  delegated?: string;
  /**
   * The parameter that criterion is given as: to the constructor, kept on `self` (`FocalLoss(loss_fcn)`), or to
   * the function itself (`def apply(criterion, x, y)`). A construction or call that passes a criterion it shows
   * resolves the convention (`report/wrappedCriterion.ts`).
   */
  injected?: Injection;
  /**
   * `w·log p` reduced over the classes, read as the soft target w (written at `at`): a class weight on a uniform
   * term instead, `per` times the hot coefficient for each class, when the labels' term beside it is weighed by w.
   */
  givenTarget?: { at: Span; per: Scalar };
  /** The parameter a torch loss call's predictions come from (its input's source), to tell losses on other inputs. */
  predictions?: string;
  /** A torch loss in it took sliced inputs (`logits[..., :-1, :]`): it sees fewer positions than it is given. */
  slicedInput?: boolean;
  /** No cross-entropy: a loss on hard targets of another kind (`provenance.ts`), reported without a torch call. */
  hardTarget?: HardTargetKind;
  /** A sum divided by a count of elements (of a fill of ones, a mask's): a mean over them, perhaps not all rows. */
  perCount?: boolean;
}

/** Labels compared with a padding index: `kept` where the test holds for the rows that are not padding. */
export interface PaddingTest {
  labels: string;
  index: Scalar;
  kept: boolean;
}

/**
 * Some rows of a loss left out (`l[mask]`, `l.masked_fill(mask, 0)`): by a padding test of its own labels, the rows
 * ignore_index leaves out (`kept`: the mask holds on the rows kept); by any other mask, rows torch cannot tell.
 * `dropped`: taken out by the selection (`l[mask]`), not zeroed, so a mean divides by the rows kept only.
 */
export function rowsLeftOut(
  loss: LossInfo,
  mask: Value | undefined,
  kept: boolean,
  syms: Map<string, SymInfo>,
  dropped = false,
): LossInfo {
  const { ignoreIndex, rowsDropped, ...rest } = loss;
  const stillDropped = dropped && (!loss.rowMask || rowsDropped === true);
  const test = mask?.kind === 'tensor' ? mask.padding : undefined;
  // An index that defaults to None masks only when given (`if ignore_index is not None:`): torch takes no None.
  const optional = test?.index.kind === 'symbol' && syms.get(test.index.name)?.noneDefault === true;
  const byLabels =
    test !== undefined &&
    !optional &&
    test.kept === kept &&
    loss.src !== 'tensor' &&
    (loss.labels ?? test.labels) === test.labels &&
    (!loss.rowMask || JSON.stringify(ignoreIndex) === JSON.stringify(test.index));
  return {
    ...rest,
    rowMask: true,
    ...(stillDropped ? { rowsDropped: true } : {}),
    ...(byLabels ? { ignoreIndex: test.index } : {}),
  };
}

/**
 * A loss (or target term) on the entries its placed target set, those left at the fill dropped (`where(t != -1, l,
 * 0)`, `l[t != -1]`): what is left of the target is the set value hot + off, nothing elsewhere. A target placed at
 * other labels only loses rows.
 */
export function onSetEntries(v: Value, tested: Mix): Value | null {
  if (v.kind === 'loss') return { kind: 'loss', loss: setEntriesOf(v.loss, tested) };
  return v.kind === 'prod' && v.target ? { ...v, target: setEntriesOf(v.target, tested) } : null;
}

function setEntriesOf<T extends Mix>(m: T, tested: Mix): T {
  if (m.placedAt === undefined || m.placedAt !== tested.placedAt) return { ...m, rowMask: true };
  return { ...m, hot: add(m.hot, m.off), off: ZERO, rowMask: true };
}

/** A function of the model's probability of the true class, per row (see the `trueProb` of a tensor). */
export interface TrueProb {
  labels?: string;
  falling: boolean;
  /** Of margin logits (`marginSoftmax.ts`). */
  margin?: true;
  /** p_y itself, picked or gathered from softmax probabilities (while `pred` is still affine). */
  exact?: true;
  /** Already reduced over the batch while increasing in p_y: a loss once negated. */
  reduced?: LossInfo['reduction'];
  /** Σ q·p: the probability a smoothed target q gives the prediction (its log is not Σ q·log p). */
  smoothed?: Mix;
}

/** The loss a batch reduction of a function of p_y is: weight 1 when it falls with p_y, −1 when it rises. */
export function trueProbLoss(t: TrueProb, reduction: LossInfo['reduction']): Value {
  const m = { ...mix(t.falling ? ONE : num(-1), ZERO, 'index'), ...(t.labels ? { labels: t.labels } : {}) };
  return lossOf(m, { reduction, ...(t.margin ? { margin: true } : { reworked: true }) });
}

export type LogisticPart = 'abs' | 'expAbs' | 'onePlusExp' | 'onePlusExpAbs' | 'softplus' | 'relu' | 'rest';

/** How a tensor depends on the model's predictions: affine in them (p_t), or not ((1−p_t)^γ, exp(σ(x)−t)). */
export type Derivation = 'affine' | 'nonlinear';

export type Value =
  | { kind: 'num'; value: Scalar; mass?: boolean }
  | { kind: 'str'; text: string }
  /** A function argument: a scalar in arithmetic with scalars, a target tensor `cand` next to log-probabilities. */
  | { kind: 'param'; value: Scalar; cand: string | null; tensorish: boolean }
  | { kind: 'shape' }
  /**
   * A tensor the analysis does not follow further. `logNormaliser`: logsumexp over the classes (x − it is
   * log_softmax(x)); `logTarget`: the log of a target distribution (q·(log q − log p) is a KL term); `mask`: a
   * comparison (`target != pad`), which selects rows of a target rather than re-weighting it.
   */
  | {
      kind: 'tensor';
      pred?: Derivation;
      logNormaliser?: true;
      logTarget?: true;
      /** The target distribution this is the log of (`q.log()`: KLDiv's target under `log_target=True`). */
      logOf?: Mix;
      mask?: true;
      /** A padding test of the labels (`y != pad`, `y.ne(pad)`; `kept` false for `y == pad`). */
      padding?: PaddingTest;
      /** Logits with the true class's entry changed (`torch.where(onehot, x - m, x)`: LDAM's margin). */
      changedLogits?: true;
      /** A parameter with positions left out by a slice (`logits[..., :-1, :]`: a language model's next-token shift). */
      sliced?: true;
      /** The parameter sliced (not its view: the positions kept may be a channel split of labels, not the labels). */
      slicedOf?: string;
      /** A mask comparing binary labels with a number: the parameter, and whether it holds where the label is 1. */
      labelTest?: { labels: string; whereOne: boolean };
      /**
       * A target compared with 0 (`q > 0`, `q != 0`; `holds` false for `q == 0`, `q <= 0`): where it fails, q is 0, so
       * `torch.where(q > 0, q·x, 0)` is q·x (the 0·log 0 = 0 guard of a hand-written cross-entropy or KL).
       */
      support?: { of: Mix; holds: boolean };
      /**
       * A placed target compared with the nonzero number it was filled with (`t != -1` of `t = -torch.ones(s);
       * t[rows, y] = 1`): `holds` on the entries set, false for `t == -1`. The fill is a sentinel for "no target".
       */
      setEntries?: { of: Mix; holds: boolean };
      /**
       * Rows of a table picked by an index: one the module keeps (`self.matrix[y]`, `index_select(self.soft, 1, y)`)
       * or a matrix times the labels' one-hot (`onehot @ M`); the table's text.
       */
      stored?: string;
      /**
       * The true class taken out of the logits (`x.masked_fill(onehot(y), -inf)`: `logits`), their logsumexp
       * (`normaliser`), and it minus the full one (`log`): log(1 − p_y), the log of the off-target mass.
       */
      offTarget?: 'logits' | 'normaliser' | 'log';
      /** `x.argmax(1)` of this parameter: the model's own prediction when x is the loss's input. */
      argmaxOf?: string;
      /** `torch.arange(K)` / `torch.eye(K)`: compared with or indexed by labels, a one-hot over K classes. */
      classRange?: { classes: Scalar | null; eye: boolean };
      /**
       * The variable of a loop over the classes (`for c in range(K)`), or indices filled with it: every class in
       * turn, one per pass (a cross-entropy against it is −log p_c, a column `t[:, c]` is t's entry of class c).
       */
      eachClass?: true;
      /**
       * The variable of a loop over the samples (`for i in range(N)`, N the batch size; also a row range): `x[i]` is
       * x one row per pass, `x[i][y[i]]` its entry at the label (`x[arange(N), y]`).
       */
      eachRow?: true;
      /** A view of this function parameter (`target.view(-1)`): the same labels or log-probabilities. */
      viewOf?: string;
      /**
       * A hard one-hot of the labels times a tensor the analysis does not follow (a per-pixel weight map, written at
       * `at`): times log-probabilities, the labels' target with that tensor as its weight.
       */
      weighedOneHot?: { target: Mix; at: Span };
      /**
       * Class indices from the argmax of a tensor that is not the labels (`teacher(x).argmax(1)`): another model's
       * hard predictions, a target of its own (hard distillation, pseudo-labels).
       */
      pseudoLabels?: true;
      /** q·log q of a target (`torch.xlogy(q, q)`): constant in the predictions, the entropy part of a KL term. */
      targetEntropy?: true;
      /** p_T / p_S, softmaxes of two inputs: its log is log p_T − log p_S of the input `over` (a KL's log-ratio). */
      probRatio?: { over: string };
      /** A nonlinear map of a label-derived target (`q.pow(2 − t)`): constant in the predictions. */
      ofTarget?: true;
      /**
       * The model's probability of the true class (`(onehot(y) * softmax(x)).sum(1)`) or a monotone map of it;
       * `falling`: decreasing in it (`1 − p_y`, `(1 − p_y^q)/q`), so its mean is a loss on the hard labels.
       * `smoothed`: the probability a smoothed target gives the prediction, Σ q·p (its log is not Σ q·log p).
       */
      trueProb?: TrueProb;
      /**
       * The true class's logit picked by the labels from computed logits, or a function of it alone (a margin:
       * `s·(cos_y − m)`); `exp` once exponentiated (`marginSoftmax.ts`).
       */
      trueLogit?: { labels?: string; exp?: true };
      /** ±1 labels times the logits (`signedLabels.ts`): logsigmoid or softplus of it is a hard-label BCE. */
      signed?: true;
      /** The log of a target built from class indices, true class weighted most: p·it is reverse CE. */
      reverse?: { labels?: string };
      /**
       * Softmax written by hand: `exp(x)` of logits (`expLogits`), its sum over the classes (`partition`, whose
       * log is the log-normaliser), and `x.max(dim)` (`rowMax`), which x − it leaves the same logits.
       */
      expLogits?: { of?: string };
      partition?: true;
      rowMax?: true;
      /**
       * Pieces of a binary cross-entropy with logits written by hand, of the logits parameter `of`:
       * softplus(x) = relu(x) + log(1 + exp(−|x|)); softplus(x) − x·t (or relu(x) − x·t + the rest) is BCE(x, t).
       */
      logistic?: { of: string; part: LogisticPart };
    }
  /** `source`: the parameter the probabilities or log-probabilities are computed from (self vs teacher). */
  /** `c`: a number the probabilities were scaled by (`(1 − β)·softmax(x)`), while they are not combined. */
  | { kind: 'prob'; multi: boolean; neg: boolean; source?: string; coefficient?: Scalar }
  /** `kl`: written as log q − log p, so a target times it is a KL term (the CE minus the target's entropy). */
  /** `complement`: log(1 − p), the log-probability of not being each class (negative learning). */
  | {
      kind: 'logp';
      coefficient: Scalar;
      factors: Span[];
      modulated?: boolean;
      source?: string;
      kl?: true;
      complement?: true;
      /** Of logits changed in the code (scaled, a margin blended in by the labels): not the model's own. */
      changedLogits?: true;
    }
  /** log σ or log(1 − σ); `opaque`: the log of a tensor the analysis does not follow (not known to be σ(x)). */
  /** `ofNumber`: the log of a number (`torch.log(torch.tensor(ε / K))`), one entry of a target given as its log. */
  | { kind: 'blog'; neg: boolean; opaque?: true; of?: string; sigmoidOf?: string; ofNumber?: Scalar }
  /**
   * `scaledBy`: multiplied by a per-sample factor computed from the model's predictions (`model`) or read from a
   * table (`table`): a focal-style weight while it is the whole target, a varying smoothing once added to another part.
   */
  | { kind: 'dist'; target: Mix; scaledBy?: { table?: string } }
  | {
      kind: 'prod';
      target: Mix | null;
      coefficient: Scalar;
      factors: Span[];
      binary: 'p' | 'q' | null;
      /** A binary term on the log of an opaque tensor: a BCE-like loss with no exact torch equivalent. */
      opaque?: true;
      modulated?: boolean;
      kl?: true;
      /** Plus a term the analysis does not follow (the prediction-only terms of a tempered / Bregman loss). */
      reworked?: true;
      changedLogits?: true;
      /** Where the given tensor taken as the target is written: a weight after all if a target from the labels follows. */
      givenAt?: Span;
    }
  | { kind: 'loss'; loss: LossInfo }
  /** A tuple or list; a dict or namespace also has each item's key (`{'eps': eps}`, `SimpleNamespace(eps=eps)`). */
  /** `texts`: each item's source text, for a dict literal's values (`**kwargs` spread into a torch loss call). */
  | { kind: 'tuple'; items: Value[]; keys?: (string | null)[]; texts?: (string | null)[] }
  | {
      kind: 'module';
      api: LossKind;
      args: Map<string, Value>;
      texts: ReadonlyArray<readonly [string, string]>;
    }
  | { kind: 'self' }
  /** A bound method of the class being analysed, held in a variable or attribute (`self.f = self.g`). */
  | { kind: 'method'; name: string }
  /** A torch reduction used as a value (`self.reduce = torch.sum`), applied where it is called. */
  | { kind: 'torchFn'; name: 'sum' | 'mean' }
  /**
   * A torch loss or softmax function, or a torch loss class, used as a value (`self.log_softmax = F.log_softmax`,
   * `loss = nn.CrossEntropyLoss`): called as itself (a call of the class constructs that loss).
   */
  | { kind: 'torchRef'; fn: Expr }
  /** A function defined inside the function being run (a nested helper). */
  | {
      kind: 'function';
      node: SyntaxNode;
      closure?: ReadonlyMap<string, Value>;
      /** Arguments bound ahead by `functools.partial(fn, …)`. */
      partial?: { args: Value[]; kw: ReadonlyMap<string, Value> };
    }
  /** An instance of a loss class of this file or of the library catalogue, with its constructor's arguments. */
  | { kind: 'instance'; def: Definition; mod: ModuleContext; args: Value[]; kw: Map<string, Value> }
  | { kind: 'unknown' };

export const UNKNOWN: Value = { kind: 'unknown' };
export const TENSOR: Value = { kind: 'tensor' };
export const MASK: Value = { kind: 'tensor', mask: true };
export const numAV = (s: Scalar): Value => ({ kind: 'num', value: s });

export function mix(hot: Scalar, off: Scalar, src: Mix['src']): Mix {
  return { hot, off, src, colZero: false, rowMask: false, renorm: false };
}

export function lossOf(m: Mix, extra: Partial<LossInfo> = {}): Value {
  const l: LossInfo = {
    handwritten: true,
    binary: false,
    kl: false,
    reduction: 'none',
    maskedRowsInMean: false,
    weightSpans: [],
    modulated: false,
    ...m,
  };
  return { kind: 'loss', loss: { ...l, ...extra } };
}

/** A scalar view of a value, when it is one. */
/** The labels a value names: a parameter that may be a tensor, or a view of one (`y.view(-1)`). */
export function namedLabels(v: Value): string | undefined {
  if (v.kind === 'tensor') return v.viewOf;
  return v.kind === 'param' && v.cand !== null && v.value.kind === 'symbol' ? v.value.name : undefined;
}

export function scalarOf(v: Value): Scalar | null {
  if (v.kind === 'num') return v.value;
  if (v.kind === 'param' && !v.tensorish) return v.value;
  return null;
}

export function scaleMix<T extends Mix>(m: T, f: (s: Scalar) => Scalar): T {
  return { ...m, hot: f(m.hot), off: f(m.off), ...(m.self ? { self: f(m.self) } : {}) };
}

export function addMix<T extends Mix>(a: T, b: Mix): T {
  const src = a.src === 'none' ? b.src : a.src;
  return {
    ...a,
    hot: add(a.hot, b.hot),
    off: add(a.off, b.off),
    src,
    colZero: a.colZero || b.colZero,
    rowMask: a.rowMask || b.rowMask,
    renorm: a.renorm || b.renorm,
    classes: a.classes ?? b.classes,
    ...placementOf(a, b),
    ...mixedLabels(a, b),
    ...(a.unfixed || b.unfixed ? { unfixed: a.unfixed ?? b.unfixed } : {}),
    ...(a.self || b.self ? { self: add(a.self ?? ZERO, b.self ?? ZERO) } : {}),
  };
}

/**
 * A constant fill (an objectness map of zeros) added to a target set by index assignment: the sum is still placed
 * where that target was (`t[range(n), tcls] = cp`), whichever term came first.
 */
function placementOf(a: Mix, b: Mix): Pick<Mix, 'placedAt'> {
  return a.src === 'none' && b.placedAt !== undefined ? { placedAt: b.placedAt } : {};
}

function mixedLabels(a: Mix, b: Mix): { labels?: string } {
  if (!a.labels || !b.labels) return a.labels || b.labels ? { labels: a.labels ?? b.labels } : {};
  return { labels: a.labels === b.labels ? a.labels : '*' };
}

/** The parameter a tensor is (a view of), for telling the model's own predictions from a teacher's. */
export function sourceOf(v: Value): string | undefined {
  if (v.kind === 'param' && v.value.kind === 'symbol') return v.value.name;
  if (v.kind === 'tensor') return v.viewOf;
  if (v.kind === 'prob' || v.kind === 'logp') return v.source;
  return undefined;
}

/**
 * The sum of two losses. A term on the labels plus a term on another distribution (a teacher's probabilities, a
 * given soft target) trains towards their mixture: a soft target, whatever the labels' term is.
 */
export function addLoss(givenA: LossInfo, givenB: LossInfo): LossInfo {
  const a = classWeighted(givenA, givenB);
  const b = classWeighted(givenB, givenA);
  const apart = separateKinds(a, b);
  if (apart) return apart;
  const aside =
    auxiliaryHardTerm(a, b) || givenBesidePlaced(a, b)
      ? b
      : auxiliaryHardTerm(b, a) || givenBesidePlaced(b, a)
        ? a
        : null;
  if (aside) return { ...aside, reworked: true };
  // An auxiliary term (a binary one beside a multi-class loss, one on the log of a tensor the analysis does not
  // follow: an alignment loss) is not a target.
  const soft = (t: LossInfo, other: LossInfo) =>
    t.src === 'tensor' && !t.opaqueLog && t.binary === other.binary;
  // The labels: class indices, or a named target tensor (binary labels) beside a tensor the code does not name.
  const labels = (l: LossInfo, other: LossInfo) =>
    l.src === 'index' || (l.tensor !== undefined && other.tensor === undefined);
  const softened = (labels(a, b) && soft(b, a)) || (soft(a, b) && labels(b, a));
  const { givenTarget: _given, ...sum } = addMix(a, b);
  return {
    ...sum,
    ...(softened ? { labels: '*' } : {}),
    ...ofSeparateInputs(a, b),
    handwritten: a.handwritten || b.handwritten,
    binary: a.binary || b.binary,
    kl: a.kl || b.kl,
    maskedRowsInMean: a.maskedRowsInMean || b.maskedRowsInMean,
    ignoreIndex: JSON.stringify(a.ignoreIndex) === JSON.stringify(b.ignoreIndex) ? a.ignoreIndex : undefined,
    weightSpans: uniqueSpans([...a.weightSpans, ...b.weightSpans]),
    modulated: a.modulated || b.modulated,
    torch: undefined,
    reworked: a.reworked || b.reworked,
    ...(a.unseenPart || b.unseenPart ? { unseenPart: true as const } : {}),
    margin: a.margin || b.margin,
    changedLogits: a.changedLogits || b.changedLogits,
    hardest: a.hardest || b.hardest,
    opaqueLog: a.opaqueLog || b.opaqueLog,
    unseenCall: a.unseenCall || b.unseenCall,
    delegated: a.delegated ?? b.delegated,
    injected: sameInjection(a.injected, b.injected),
    ...(a.slicedInput || b.slicedInput ? { slicedInput: true } : {}),
  };
}

/** Two terms computed by the criterion given as one parameter: that parameter; else no one criterion decides. */
function sameInjection(a?: Injection, b?: Injection): Injection | undefined {
  return a && b && a.param === b.param && a.via === b.via ? a : undefined;
}

/** The same weight reached through two terms (`lsm = lsm * w`, then two reductions of `lsm`) is one weight. */
function uniqueSpans(spans: Span[]): Span[] {
  return spans.filter((s, i) => spans.findIndex((o) => sameSpan(o, s)) === i);
}

function sameSpan(a: Span, b: Span): boolean {
  return a.from === b.from && a.to === b.to;
}

/**
 * `lsm = lsm * w`, then `lsm.gather(1, y)` and `lsm.mean(-1)`: the class-summed term first read as the soft target
 * w is a uniform term whose classes w weighs, because the labels' term carries w as its weight too.
 */
function classWeighted(t: LossInfo, labels: LossInfo): LossInfo {
  const given = t.givenTarget;
  if (!given || labels.src !== 'index' || !labels.weightSpans.some((s) => sameSpan(s, given.at))) return t;
  const { givenTarget: _given, tensor: _tensor, ...rest } = t;
  return {
    ...rest,
    hot: ZERO,
    off: mul(t.hot, given.per),
    src: 'none',
    weightSpans: [...t.weightSpans, given.at],
  };
}

/**
 * Two torch losses over different predictions (`CE(x_in, y_in) + λ·CE(x_out, y_out)`) are separate terms: their
 * labels do not mix into one target (mixup takes both over the same predictions). Keeps the first term's labels.
 */
function ofSeparateInputs(a: LossInfo, b: LossInfo): Partial<LossInfo> {
  if (a.predictions === b.predictions)
    return a.predictions === undefined ? {} : { predictions: a.predictions };
  const apart = a.predictions !== undefined && b.predictions !== undefined;
  return apart && a.labels !== b.labels
    ? { labels: a.labels, predictions: undefined }
    : { predictions: undefined };
}

/**
 * A torch BCE plus a torch cross-entropy (a GAN discriminator's real/fake term beside its class term, an objectness
 * term beside the classes) are two losses on two targets: their targets do not add into one. The one on the labels
 * tells the convention.
 */
function separateKinds(a: LossInfo, b: LossInfo): LossInfo | null {
  if (a.binary === b.binary) return null;
  const [multi, binary] = a.binary ? [b, a] : [a, b];
  if (labelFreeRow(multi) && binary.src !== 'none' && otherPredictions(multi, binary))
    return { ...binary, reworked: true };
  if (a.torch === undefined || b.torch === undefined) return null;
  return { ...(binary.src === 'index' && multi.src !== 'index' ? binary : multi), reworked: true };
}

/**
 * A parameter's row summed with no target of the code's own (`x.sum(-1)`, read as log-probabilities): beside a
 * binary loss over other predictions it is another term (a box loss weighted by a target's row mass), not the
 * uniform part of a smoothed target (`(1 − ε)·bce(x, t) − ε·x.sum(-1)` sums the loss's own predictions).
 */
function labelFreeRow(l: LossInfo): boolean {
  return l.src === 'none' && l.torch === undefined && isConst(l.hot, 0);
}

function otherPredictions(a: LossInfo, b: LossInfo): boolean {
  return a.predictions !== undefined && b.predictions !== undefined && a.predictions !== b.predictions;
}

/**
 * A hard 0/1 target set at other indices than a smoothed one (a detection loss's objectness map beside its class
 * targets): a separate term, no part of the smoothed target's convention.
 */
function auxiliaryHardTerm(hard: LossInfo, smoothed: LossInfo): boolean {
  if (hard.placedAt === undefined || smoothed.placedAt === undefined || hard.placedAt === smoothed.placedAt)
    return false;
  return (
    isConst(hard.off, 0) && !isConst(smoothed.off, 0) && hard.src === 'index' && smoothed.src === 'index'
  );
}

/**
 * A binary loss against a given target tensor (a detector's angle bins built by the caller) beside a smoothed binary
 * target placed at the labels by index assignment (`t[range(n), tcls] = cp`): another head's term, no part of the
 * class targets' convention.
 */
function givenBesidePlaced(given: LossInfo, placed: LossInfo): boolean {
  const smoothed = placed.src === 'index' && placed.placedAt !== undefined && !isConst(placed.off, 0);
  return smoothed && given.src === 'tensor' && given.binary && placed.binary;
}

/** A tensor used as a target-like operand: t = 1·t + 0 (named when it is a parameter). */
/**
 * A target mixing labels with the probabilities of `selfOf`, used against the log-probabilities of `source`: the
 * model's own prediction keeps its weight (bootstrapping); another model's is a soft target (distillation).
 */
export function ownPrediction(m: Mix, source: string | undefined): Mix {
  if (m.selfOf === undefined) return m;
  const { self: _self, selfOf, ...rest } = m;
  return selfOf === source ? m : { ...rest, labels: '*' };
}

export function tensorMix(tensor?: string): Mix {
  return tensor === undefined ? mix(ONE, ZERO, 'tensor') : { ...mix(ONE, ZERO, 'tensor'), tensor };
}

/**
 * Two mixes can be added as one target only when they describe the same tensor: class indices with class
 * indices, or the same named target tensor. `decay·p + (1 − decay)·q` mixes two tensors: no target.
 */
export function sameTarget(a: Mix, b: Mix): boolean {
  if (a.src === 'none' || b.src === 'none') return true;
  if (a.src !== b.src) return false;
  return a.src === 'index' || (a.tensor !== undefined && a.tensor === b.tensor);
}

/**
 * Number coefficients whose normalised target gives the true class no more than any other class: the true class's
 * share hot / (hot + K·off) is ≤ 0 (`Σ x·(1 − onehot(y))`, a sum over the other classes). A mask, not a target.
 */
export function masksTrueClass(m: Mix): boolean {
  if (m.hot.kind !== 'number' || m.off.kind !== 'number') return false;
  const { value: hot } = m.hot;
  const { value: off } = m.off;
  return [7, 11].every((k) => hot / (hot + k * off) <= 0);
}

/** Built from the labels: class indices, or a named target tensor (a parameter). */
export function labelDerived(m: Mix): boolean {
  return m.src === 'index' || (m.src === 'tensor' && m.tensor !== undefined);
}

/** Class indices as a mask of the true class: 0 on the other classes (`onehot(y)`, `v * onehot(y)`). */
export function trueClassMask(m: Mix): boolean {
  return m.src === 'index' && isConst(m.off, 0);
}

/** onehot(y): 1 on the true class, 0 elsewhere. */
export function isOneHot(m: Mix): boolean {
  return trueClassMask(m) && isConst(m.hot, 1);
}

/** The target of a fill of constants (`torch.ones_like(x)`, `full_like(x, v)`): no labels nor prediction in it yet. */
export function constantFill(v: Value): Mix | null {
  return v.kind === 'dist' && v.target.src === 'none' && !v.target.self && !v.target.unfixed
    ? v.target
    : null;
}

/** Scalar − mix, e.g. `1 - target`. */
export function rsubMix(s: Scalar, m: Mix): Mix {
  return { ...m, hot: neg(m.hot), off: sub(s, m.off) };
}

export function mulMix<T extends Mix>(m: T, s: Scalar): T {
  return scaleMix(m, (x) => mul(x, s));
}

export function divMix<T extends Mix>(m: T, s: Scalar): T {
  return scaleMix(m, (x) => div(x, s));
}

/** `a·t + b` written with a parameter t that turns out to be a target tensor. */
export function paramMix(v: Value): Mix | null {
  if (v.kind !== 'param') return null;
  if (v.tensorish || !v.cand) return tensorMix(v.value.kind === 'symbol' ? v.value.name : undefined);
  const off = substitute(v.value, v.cand, ZERO);
  return { ...mix(sub(substitute(v.value, v.cand, ONE), off), off, 'tensor'), tensor: v.cand };
}

/** A built target that is smoothed: from class indices or a target tensor, with non-zero off-target mass. */
export function isSmoothedTarget(v: Value): v is Value & { kind: 'dist' } {
  return (
    v.kind === 'dist' &&
    labelDerived(v.target) &&
    !(v.target.off.kind === 'number' && v.target.off.value === 0)
  );
}

/**
 * The mix of a smoothed target: a built one, or a target parameter rescaled and shifted by numbers (t·(1−ε)+ε/K).
 * `input - target` is not one: its coefficients hold another parameter that may as well be a tensor.
 */
export function smoothedMixOf(v: Value, syms: ReadonlyMap<string, SymInfo>): Mix | null {
  if (isSmoothedTarget(v)) return targetCoefficients(v.target, syms) ? v.target : null;
  const m = v.kind === 'param' && v.cand ? paramMix(v) : null;
  const rescaled = m && !(m.hot.kind === 'number' && m.hot.value === 1) && m.off.kind !== 'number';
  return rescaled && scalarCoefficients(m, syms) ? m : null;
}

/**
 * Coefficients a built target can have: no parameter used as a tensor; a target tensor shifted by another parameter
 * that may be a tensor (`t − u`) is a difference of two tensors, not a smoothed target.
 */
function targetCoefficients(m: Mix, syms: ReadonlyMap<string, SymInfo>): boolean {
  return numberCoefficients(m, syms) && (m.src !== 'tensor' || scalarCoefficients(m, syms));
}

export function scalarCoefficients(m: Mix, syms: ReadonlyMap<string, SymInfo>): boolean {
  const names = symNames(m.off, symNames(m.hot));
  return [...names].every((n) => !syms.get(n)?.tensorCandidate);
}

/** No coefficient is a parameter seen used as a tensor (margin logits `oh·(cos − m) + (1 − oh)·cos`). */
export function numberCoefficients(m: Mix, syms: ReadonlyMap<string, SymInfo>): boolean {
  const names = symNames(m.off, symNames(m.hot));
  return [...names].every((n) => !syms.get(n)?.tensor);
}

export function isTensorish(v: Value): boolean {
  return (
    ['tensor', 'prob', 'logp', 'blog', 'dist', 'prod', 'loss'].includes(v.kind) ||
    (v.kind === 'param' && v.tensorish)
  );
}
