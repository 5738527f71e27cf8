import type { Param } from '../bind';
import type { Classification } from '../classify';
import type { LossInfo } from '../eval';
import { asOperand, formatNumber, moduleCall, showSym, type TorchLossCall, withReduction } from '../eval';
import type { Arg, Expr } from '../syntax';

/** An exact torch call, or none with the closest call and why it differs (policy: see describe.ts). */
export interface Equivalence {
  exact: string | null;
  closest: string | null;
  why: string | null;
}

type Args = (readonly [string, string])[];

const NONE: Equivalence = { exact: null, closest: null, why: null };
const SOFTMAX_FIRST =
  'softmax is applied before cross_entropy, which applies log_softmax itself, so this is the cross-entropy of softmax(softmax(x)), which no torch call computes';
const WEIGHTED_LOG_PROBS =
  "a weight is multiplied into the log-probabilities, so a mean divides by N where torch's weighted mean divides by Σ weight[target]";
const MASKED_MEAN =
  "masked rows are zeroed but still counted in the mean, while torch's ignore_index leaves them out of the denominator";
const RESCALED =
  'the result is multiplied by a factor (e.g. divided by a count the analysis cannot pin down)';
const REWORKED =
  'the result of the torch loss is combined with other tensors (a mask, a weight or an added term)';
const MARGIN =
  "the true class's logit is changed (a margin) before a softmax written by hand: the cross-entropy of margin logits, which torch computes only once they are built";
const CHANGED_INPUT =
  "the logits are changed before the torch call (scaled, shifted, or a margin on the true class): it takes those, not the model's";
const SLICED_INPUT =
  "the inputs are sliced before the torch call (`logits[..., :-1, :]` or `labels[..., 1:]`, a language model's next-token shift): it sees other positions than it is given";
const CHANGED_LOGITS =
  "the log-softmax is taken of logits changed in the code (scaled, or a margin blended in by the labels): the call takes those, not the model's";
const HARDEST =
  'only the largest per-sample losses are kept (top-k hard-example mining), which no torch loss does';
const OPAQUE_LOG =
  'the log is taken of a tensor the analysis cannot identify as σ(x) or as given probabilities, so no BCE call is known to equal it';
const KL_PER_ROW =
  "the code sums the KL over the classes of each row, while KLDivLoss(reduction='none') keeps one value per class";
const UNSEEN_CALL =
  'the loss is computed by a call the analysis cannot see into (only the smoothed target passed to it is known), so its reduction is unknown';
const MEAN_AFTER_NONE =
  "reduction='none' followed by a plain mean divides by every row, while torch's mean leaves out ignored rows and divides by Σ weight[target]";
const KL_SMOOTHED =
  "it is a KL divergence, the cross-entropy minus the targets' entropy: same gradients, a value lower by that constant";
const MODULATED =
  'each sample is re-weighted by a factor computed from the predictions (focal-style), which no torch loss does';
const MASKED_ROWS =
  'some rows (padding) are masked out: torch leaves them out only through ignore_index=<the padding index>';
const COMPUTED_TARGET =
  'the target distribution is computed in the code (a teacher’s softmax, perhaps at a temperature that also scales the logits), not given as `target_probs`';
const AXIS_REDUCED =
  "the binary terms are reduced over one axis first and then otherwise (a sum per row, then a mean), while torch's reduction takes every element alike";
const PER_CLASS =
  "the terms are reduced over the batch only, one value per class, while reduction='none' keeps one value per row";
const LOGGED_INPUT =
  'the log-probabilities kl_div takes are a log taken in the code (`x.log()`), so the call holds for log(x), not for x';
const DROPPED_ROWS =
  "the masked rows are taken out of the result (`l[mask]`), while reduction='none' keeps them, as zeros";
const PADDING = 'torch spreads ε over all K classes, the padding class included, so the targets differ';
const BATCH_K =
  'the class count comes from the batch: torch always smooths towards α/2, this code only when the batch holds a 1';

function verdict(call: string | null, reasons: (string | false)[]): Equivalence {
  const why = reasons.filter((r): r is string => !!r).join('; ');
  if (!call) return NONE;
  return why ? { exact: null, closest: call, why } : { exact: call, closest: null, why: null };
}

/**
 * ε as Python text: at a definition the parameter that holds it (the equivalent holds for every value of it), at a
 * construction the number it was given; `1 - p` for a confidence, `2 * p` for a parameter that is ε/2.
 */
function epsilonText(c: Classification, symbolic: boolean): string {
  const param = c.epsilonParam && asOperand(c.epsilonParam);
  if (param && (symbolic || c.epsilon === null)) {
    if (c.epsilonIsConfidence) return `(1 - ${param})`;
    return c.epsilonScale !== undefined && c.epsilonScale !== 1
      ? `${formatNumber(c.epsilonScale)} * ${param}`
      : param;
  }
  return c.epsilon === null ? 'eps' : formatNumber(c.epsilon);
}

/** ε·K/(K−d) as a number when ε and K are known, else as an expression. */
function rescaled(c: Classification, d: number, symbolic: boolean): string {
  if (c.epsilon === 0 && !symbolic) return '0';
  if (c.epsilon !== null && c.classes && !symbolic)
    return formatNumber((c.epsilon * c.classes) / (c.classes - d));
  return `${epsilonText(c, symbolic)} * K / (K - ${d})`;
}

/** The reduction a hand-written loss applies, as a torch argument (`mean` is torch's default). */
function reductionArg(loss: LossInfo, c: Classification): Args {
  const reduction = loss.reduction === 'sum' && perRowMean(loss, c) ? 'mean' : reductionOf(loss);
  return reduction === 'mean' ? [] : [['reduction', `'${reduction}'`]];
}

/** The loss's reduction, a sum divided by a count of elements being their mean. */
function reductionOf(loss: LossInfo): LossInfo['reduction'] {
  return loss.reduction === 'sum' && loss.perCount ? 'mean' : loss.reduction;
}

/** The call's arguments, with the reduction the code applies afterwards when the call itself reduced nothing. */
function effectiveArgs(call: TorchLossCall, loss: LossInfo): Args {
  if (call.kind === 'kl_div') return klArgs(loss);
  const reducedLater =
    call.args.some(([n, v]) => n === 'reduction' && v === "'none'") && loss.reduction !== 'none';
  return call.args.map(
    ([n, v]) => [n, n === 'reduction' && reducedLater ? `'${reductionOf(loss)}'` : v] as const,
  );
}

/** A definition that only forwards to one torch loss: that call, adjusted for what the code does around it. */
function wrapperEquivalence(
  written: NonNullable<LossInfo['torch']>,
  loss: LossInfo,
  c: Classification,
  symbolic: boolean,
): Equivalence {
  const call = { ...written, args: withReduction(written.args) };
  // A default of 0 switches smoothing off: the call keeps its parameter (`label_smoothing=ls`), not `nn.CrossEntropyLoss()`.
  const offByDefault = c.epsilon === 0 && symbolic && c.epsilonParam !== null;
  const smoothing = c.epsilon === null || offByDefault ? null : formatNumber(c.epsilon);
  const ignored =
    call.kind === 'kl_div' || call.args.some(([n]) => n === 'ignore_index')
      ? null
      : ignoredRows(loss, symbolic);
  const args = [...effectiveArgs(call, loss), ...(ignored ? [ignored] : [])].map(([n, v]) =>
    n === 'label_smoothing' && smoothing !== null ? ([n, smoothing] as const) : ([n, v] as const),
  );
  const logits =
    call.kind === 'nll_loss' && (call.input === 'log_probs' || call.input === 'weighted_log_probs');
  const sigmoid = call.input === 'sigmoid_probs' && call.kind === 'binary_cross_entropy';
  const kind = logits ? 'cross_entropy' : sigmoid ? 'binary_cross_entropy_with_logits' : call.kind;
  const weightedOrIgnoring = call.args.some(([n]) => n === 'weight' || n === 'ignore_index');
  const reductionOf = (list: Args | TorchLossCall['args']) => list.find(([n]) => n === 'reduction')?.[1];
  const reducedLater = reductionOf(args) !== reductionOf(call.args);
  // kl_div takes log-probabilities: a definition that computes them from logits is the call applied to them.
  const applied =
    call.kind === 'kl_div' && call.input === 'log_probs'
      ? '(log_probs, target_probs)'
      : kind === 'cross_entropy' && c.convention === 'soft_target'
        ? '(logits, target_probs)'
        : '';
  return verdict(moduleCall(kind, args) + applied, [
    call.kind === 'cross_entropy' && call.input === 'probs' && SOFTMAX_FIRST,
    (loss.weightSpans.length > 0 || call.input === 'weighted_log_probs') && WEIGHTED_LOG_PROBS,
    loss.maskedRowsInMean && MASKED_MEAN,
    loss.rowMask && !loss.maskedRowsInMean && !ignored && MASKED_ROWS,
    JSON.stringify(loss.hot) !== JSON.stringify(call.hot) && RESCALED,
    loss.reworked === true && REWORKED,
    loss.hardest === true && HARDEST,
    call.changedInput === true && CHANGED_INPUT,
    call.slicedInput === true && SLICED_INPUT,
    call.loggedInput === true && LOGGED_INPUT,
    reducedLater && loss.reduction === 'mean' && weightedOrIgnoring && MEAN_AFTER_NONE,
    call.kind === 'kl_div' && loss.classSummed === true && loss.reduction === 'none' && KL_PER_ROW,
    droppedRows(loss) && DROPPED_ROWS,
  ]);
}

/** A binary loss as written: on logits (BCE-with-logits, or sigmoid applied inside) or on probabilities. */
function binaryCall(loss: LossInfo, c: Classification, target: string): string {
  const call = loss.torch;
  const probs = call?.kind === 'binary_cross_entropy' && call.input !== 'sigmoid_probs';
  const kept = (call?.args ?? []).filter(([n]) => n === 'weight' || n === 'pos_weight');
  const kind = probs ? 'binary_cross_entropy' : 'binary_cross_entropy_with_logits';
  return `${moduleCall(kind, [...kept, ...reductionArg(loss, c)])}(${probs ? 'probs' : 'logits'}, ${target})`;
}

/**
 * The call for a convention with the code's own reduction. A sum divided by a count the analysis cannot tell
 * from a batch size is caught by the mass check in `torchEquivalence` (rescaled: closest only).
 */
function conventionCall(c: Classification, loss: LossInfo, symbolic: boolean): string | null {
  const eps = epsilonText(c, symbolic);
  const ignored = ignoredRows(loss, symbolic);
  const ce = (...args: Args) =>
    moduleCall('cross_entropy', [...args, ...reductionArg(loss, c), ...(ignored ? [ignored] : [])]);
  switch (c.convention) {
    case 'uniform':
      return loss.binary ? null : ce(['label_smoothing', eps]);
    case 'k_minus_1':
      return ce(['label_smoothing', rescaled(c, 1, symbolic)]);
    case 'k_minus_2_padding':
      return ce(['ignore_index', 'padding_idx'], ['label_smoothing', rescaled(c, 2, symbolic)]);
    case 'binary':
    case 'batch_max_plus_1':
      return binaryCall(loss, c, `target * (1 - ${eps}) + ${eps} / 2`);
    case 'prior':
      return c.priorParam && !loss.kl
        ? `${ce()}(logits, (1 - ${eps}) * F.one_hot(target, logits.size(-1)).to(logits.dtype) + ${eps} * ${c.priorParam})`
        : null;
    case 'soft_target':
      if (loss.kl) return `${moduleCall('kl_div', klArgs(loss))}(log_probs, target_probs)`;
      return loss.binary ? binaryCall(loss, c, 'target_probs') : `${ce()}(logits, target_probs)`;
    case 'none':
      if (loss.kl) return moduleCall('kl_div', klArgs(loss));
      return loss.binary ? binaryCall(loss, c, 'target') : ce();
    default:
      return null;
  }
}

/**
 * kl_div's arguments: the call's own when it reduces; when it reduces nothing and the code sums over classes then
 * averages over rows, torch's 'batchmean' ('mean' averages every element).
 */
function klArgs(loss: LossInfo): Args {
  const args = withReduction(loss.torch?.args ?? []);
  const own = args.find(([n]) => n === 'reduction')?.[1];
  if (loss.torch && own !== "'none'") return [...args];
  const batchmean = loss.reduction === 'mean' && (loss.classSummed || !loss.torch);
  const reduction = batchmean ? "'batchmean'" : `'${loss.reduction}'`;
  return [...args.filter(([n]) => n !== 'reduction'), ['reduction', reduction]];
}

/**
 * A sum divided by the batch size is the mean of the rows' losses; a binary loss sums every (row, class) term,
 * so that is not BCE's mean, which divides by every element.
 */
function perRowMean(loss: LossInfo, c: Classification): boolean {
  return c.scale === 'perRow' && !loss.binary;
}

/**
 * ignore_index for rows left out by their labels (`l[y != pad].sum()`): the padding index as a number, or at a
 * definition as the name that holds it (a construction passes its own value, which this does not follow).
 */
function ignoredRows(loss: LossInfo, symbolic: boolean): readonly [string, string] | null {
  const at = loss.ignoreIndex;
  if (!at || !loss.rowMask || loss.maskedRowsInMean || loss.binary || loss.kl) return null;
  if (at.kind === 'number') return ['ignore_index', formatNumber(at.value)];
  return symbolic && at.kind === 'symbol' ? ['ignore_index', asOperand(showSym(at, (n) => n))] : null;
}

/** Rows taken out of a result that is not reduced: fewer values than reduction='none' returns. */
function droppedRows(loss: LossInfo): boolean {
  return loss.reduction === 'none' && loss.rowsDropped === true;
}

/** The torch call computing what a definition computes, exactly, or the closest one and why it differs. */
export function torchEquivalence(
  c: Classification,
  loss: LossInfo,
  weightsGiven: boolean,
  symbolic = false,
): Equivalence {
  // A loss on hard targets that is no cross-entropy (Dice, contrastive) has no torch call to offer.
  if (loss.hardTarget) return { exact: null, closest: null, why: null };
  const ownSmoothing = c.convention === 'uniform' && loss.torch?.args.some(([n]) => n === 'label_smoothing');
  const plainTarget = c.convention === 'none' || c.convention === 'soft_target' || ownSmoothing;
  if (loss.torch && !loss.handwritten && !loss.modulated && plainTarget)
    return wrapperEquivalence(loss.torch, loss, c, symbolic);
  const smoothing = ['uniform', 'k_minus_1', 'k_minus_2_padding'].includes(c.convention);
  return verdict(conventionCall(c, loss, symbolic), [
    (c.scale === 'other' || (c.scale === 'perRow' && loss.binary && loss.reduction === 'sum')) && RESCALED,
    loss.binary && loss.axisReduced !== undefined && loss.axisReduced !== loss.reduction && AXIS_REDUCED,
    loss.rowMask &&
      !loss.maskedRowsInMean &&
      c.convention !== 'k_minus_2_padding' &&
      !ignoredRows(loss, symbolic) &&
      MASKED_ROWS,
    c.convention === 'k_minus_2_padding' && PADDING,
    c.convention === 'batch_max_plus_1' && BATCH_K,
    loss.kl && smoothing && KL_SMOOTHED,
    loss.kl && !loss.torch && loss.reduction === 'none' && KL_PER_ROW,
    loss.batchReduced !== undefined && PER_CLASS,
    loss.maskedRowsInMean && MASKED_MEAN,
    droppedRows(loss) && DROPPED_ROWS,
    loss.weightSpans.length > 0 && weightsGiven && WEIGHTED_LOG_PROBS,
    loss.modulated && MODULATED,
    loss.reworked === true && REWORKED,
    loss.margin === true && MARGIN,
    loss.changedLogits === true && !loss.kl && CHANGED_LOGITS,
    loss.hardest === true && HARDEST,
    loss.opaqueLog === true && OPAQUE_LOG,
    loss.unseenCall === true && UNSEEN_CALL,
    loss.slicedInput === true && SLICED_INPUT,
    c.convention === 'soft_target' && loss.src === 'tensor' && loss.tensor === undefined && COMPUTED_TARGET,
    loss.delegated !== undefined && `each term is computed by \`${loss.delegated}\`, a criterion it is given`,
  ]);
}

/** The closest torch call when there is no exact one, for the hover. */
export function closestOf(e: Equivalence): { call: string; why: string } | undefined {
  return e.closest && e.why ? { call: e.closest, why: e.why } : undefined;
}

/** Whether a construction passes (other than None) a weight that the definition multiplies into log-probabilities. */
export function weightsPassed(optional: string[] | null, args: Map<string, Arg>): boolean {
  const passed = (name: string): boolean => {
    const v = args.get(name)?.value;
    return !!v && !(v.kind === 'const' && v.value === null);
  };
  return optional === null || optional.some(passed);
}

/**
 * The first flag (a parameter defaulting to True, False or a string) that a call passes another literal than its
 * default (`f(x, y, reduce=False)`): the definition's formula, and so its torch call, is the one at the default.
 */
export function changedFlag(params: Param[], args: Map<string, Arg>, text: string): string | null {
  const literal = (e: Expr | null | undefined): string | null =>
    e && ((e.kind === 'const' && e.value !== null) || e.kind === 'str') ? text.slice(e.from, e.to) : null;
  for (const p of params) {
    const given = literal(args.get(p.name)?.value);
    const byDefault = literal(p.defaultExpr);
    if (byDefault !== null && given !== null && given !== byDefault) return `${p.name}=${given}`;
  }
  return null;
}

/** An exact call that holds at the definition's defaults, where a call passes a flag another value. */
export function withFlag(e: Equivalence, flag: string | null): Equivalence {
  if (!e.exact || !flag) return e;
  const why = `the call passes \`${flag}\`, while the formula this stands for is the one at the definition's defaults`;
  return { exact: null, closest: e.exact, why };
}
