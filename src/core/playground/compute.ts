/** The playground's computation, state in, plot-ready results out; runs in the worker or, for small inputs, inline. */
import type { Calibration } from '../smoothing';
import type { Tensor } from '../tensor';
import { PLAYGROUND_CONVENTIONS, type PlaygroundConvention, playgroundFamily } from './conventions';
import { type EntropyTerm, entropyTerm, reducedNegEntropy } from './entropy';
import { evaluateLoss, smoothedTargets } from './evaluate';
import { LOSS_INPUT, type LossInputKind, lossInput, predictedProbabilities, toLogits } from './lossInput';
import { buildModel, type EpsilonModel, epsilonGrid, headline, interpolate, modelAt } from './model';
import {
  isOnePassCase,
  lineOf,
  type OnePassState,
  oneHotExtremes,
  oneHotHeat,
  onePassCalibration,
  onePassModel,
  onePassRow,
  onePassTable,
  type RowPass,
  rowPass,
} from './onePass';
import { forEachPart, type PartsOutcome, type ResultPart } from './parts';
import {
  type FieldError,
  type FieldName,
  type FieldNote,
  FieldRefusal,
  type Prepare,
  type Prepared,
  prepare,
} from './prepare';
import { resolvePrior } from './prior';
import { reliabilityOf } from './reliability';
import { isBinaryLoss, type PlaygroundState } from './state';
import { type TorchWeighted, torchWeightedKMinus1 } from './torchDiffers';
import { torchSnippet } from './torchSnippet';
import {
  downsample,
  type ExtremeLines,
  extremeLines,
  type HeatGrid,
  type RowView,
  rowView,
  type SampleTable,
  sampleTable,
} from './views';

/** One convention's headline value against ε: remainder on the grid (+ KL's entropy part); dense points to draw. */
export interface SweepCurve {
  convention: PlaygroundConvention;
  grid: number[];
  remainder: number[];
  entropy?: EntropyTerm;
  epsilons: number[];
  values: number[];
}

/** A curve's exact value at ε (the drawn points are only for the line). */
export function curveAt(curve: SweepCurve, epsilon: number): number {
  const part = curve.entropy ? reducedNegEntropy(curve.entropy, epsilon) : 0;
  return interpolate(curve.grid, curve.remainder, epsilon) + part;
}

/** The torch-exact headline at one ε (the model's interpolation serves the slider's fast path). */
export interface ExactValues {
  epsilon: number;
  value: number;
  /** torch's own number where its call of the same name computes something else (K−1 with class weights). */
  torch?: TorchWeighted;
}

export interface PlaygroundResult {
  ok: true;
  rows: number;
  cols: number;
  family: Prepared['family'];
  targetKind: Prepared['targetKind'];
  lossInput: LossInputKind;
  model: EpsilonModel;
  sweep: SweepCurve[];
  /** Smoothed targets at ε = 0 and ε = 1 (affine in ε in between). */
  heat: { at0: HeatGrid; at1: HeatGrid; extremes: ExtremeLines };
  row: RowView;
  table: SampleTable;
  calibration: Calibration | null;
  /** How the texts were read, where it is not plain data (a header row, a pandas index column). */
  notes: FieldNote[];
  exact: ExactValues;
  /** The prior convention's π as used, else null. */
  prior: number[] | null;
}

export type ComputeOutcome = PlaygroundResult | { ok: false; errors: FieldError[] };

let cache: { key: unknown[]; value: Prepare } | undefined;

/** Parsing megabytes of text is the slow part; an ε or option change reuses the last parse. */
function preparedFor(state: PlaygroundState): Prepare {
  const { logitsText, targetsText, weightText, synthetic, loss, ignoreIndex } = state;
  const key = [
    logitsText,
    targetsText,
    weightText,
    JSON.stringify(synthetic),
    isBinaryLoss(loss),
    ignoreIndex,
  ];
  if (!cache || cache.key.some((k, i) => k !== key[i])) cache = { key, value: prepare(state) };
  return cache.value;
}

let inputCache: { key: unknown[]; value: Tensor } | undefined;

/** The loss's input (a log-softmax for KL on logits) is a pass of its own: reused until the input or its kind changes. */
function lossInputFor(p: Prepared, state: PlaygroundState): Tensor {
  const key = [p, state.inputKind, LOSS_INPUT[state.loss], isBinaryLoss(state.loss), state.temperature];
  if (!inputCache || inputCache.key.some((k, i) => k !== key[i]))
    inputCache = { key, value: lossInput(p.input, state.inputKind, state.loss, state.temperature) };
  return inputCache.value;
}

function fieldOf(message: string): FieldName {
  if (/prior|class counts?\b/i.test(message)) return 'prior';
  if (/weight/i.test(message)) return 'weights';
  if (/target|class|index/i.test(message)) return 'targets';
  return 'options';
}

/**
 * Refusals become messages on the field they concern: the playground's own at their position, the core's
 * (RangeError: shapes, weights) on the field their message names. Anything else is a bug, said as one.
 */
function refusal(e: unknown): { ok: false; errors: FieldError[] } {
  if (e instanceof FieldRefusal) return { ok: false, errors: [e.error] };
  const message = e instanceof RangeError ? e.message : `internal error, please report it: ${String(e)}`;
  return { ok: false, errors: [{ field: fieldOf(message), line: 1, column: 1, message }] };
}

function guarded<T>(run: () => T): T | { ok: false; errors: FieldError[] } {
  try {
    return run();
  } catch (e) {
    return refusal(e);
  }
}

function options(p: Prepared, state: PlaygroundState) {
  const { loss, convention, reduction, ignoreIndex } = state;
  return { loss, convention, reduction, ignoreIndex, prior: resolvePrior(p, state) };
}

export function computeExact(
  state: PlaygroundState,
): { ok: true; exact: ExactValues } | { ok: false; errors: FieldError[] } {
  const ready = preparedFor(state);
  if (!ready.ok) return ready;
  return guarded(() => ({ ok: true as const, exact: exactAt(ready.prepared, state) }));
}

function exactAt(p: Prepared, state: PlaygroundState): ExactValues {
  const input = lossInputFor(p, state);
  const reduced = evaluateLoss(p, input, { ...options(p, state), epsilon: state.epsilon, grad: false });
  return withTorch({ epsilon: state.epsilon, value: headline(reduced.output) }, p, () => input, state);
}

/**
 * torch's own number beside ours where its call of the same name differs (see torchDiffers.ts). The loss input is
 * asked for only then: for KL on logits it is a log-softmax pass of its own, which the one-pass plots do without.
 */
function withTorch(
  exact: ExactValues,
  p: Prepared,
  input: () => Tensor,
  state: PlaygroundState,
): ExactValues {
  const torch = torchWeightedKMinus1(p, input, state);
  return torch ? { ...exact, torch } : exact;
}

/** Every part of the result at once (the worker streams them: see computeParts). */
export function computePlayground(state: PlaygroundState): ComputeOutcome {
  return collected(computeParts({ state, scope: 'full' }));
}

/** The parts of a computation, each as soon as it is ready: the loss value first, then each plot's data. */
export function computeParts(params: {
  state: PlaygroundState;
  scope: 'full' | 'exact';
}): Generator<ResultPart, PartsOutcome> {
  return partsOf(params.state, params.scope === 'full' ? resultParts : exactParts);
}

type Parts = (p: Prepared, state: PlaygroundState) => Generator<ResultPart, void>;

/** The parts on the prepared input, or the refusal that stops them (before the first part or after some). */
function* partsOf(state: PlaygroundState, parts: Parts): Generator<ResultPart, PartsOutcome> {
  const ready = preparedFor(state);
  if (!ready.ok) return ready;
  try {
    yield* parts(ready.prepared, state);
    return { ok: true };
  } catch (e) {
    return refusal(e);
  }
}

function* resultParts(p: Prepared, state: PlaygroundState): Generator<ResultPart, void> {
  if (isOnePassCase(p, state)) {
    const logits = toLogits(p.input, state.inputKind, false, state.temperature);
    const pass = rowPass(logits.data, p, state.ignoreIndex);
    if (pass) return yield* onePassParts(pass, p, state);
  }
  yield* generalParts(p, state);
}

function* exactParts(p: Prepared, state: PlaygroundState): Generator<ResultPart, void> {
  yield lossPart(p, state, exactAt(p, state));
}

/** The loss value with the data's size and kind, the notes on how the texts were read and the prior's π. */
function lossPart(p: Prepared, state: PlaygroundState, exact: ExactValues): ResultPart {
  const { rows, cols, family, targetKind, notes } = p;
  const pi = options(p, state).prior;
  const [lossInput, prior] = [LOSS_INPUT[state.loss], pi ? Array.from(pi) : null];
  return { name: 'loss', value: { rows, cols, family, targetKind, lossInput, notes, exact, prior } };
}

/** A whole result from its parts, or the refusal that ended them. */
function collected(parts: Generator<ResultPart, PartsOutcome>): ComputeOutcome {
  const result: Record<string, unknown> = {};
  const outcome = forEachPart(parts, (part) =>
    Object.assign(result, part.name === 'loss' ? part.value : { [part.name]: part.value }),
  );
  return outcome.ok ? ({ ok: true, ...result } as PlaygroundResult) : outcome;
}

/** KL's closed-form entropy part under each convention (nothing for the other losses). */
const klEntropy =
  (p: Prepared, state: PlaygroundState) =>
  (convention: PlaygroundConvention): EntropyTerm | undefined =>
    state.loss === 'kl_div' ? entropyTerm(p, convention, state.reduction, state.ignoreIndex) : undefined;

/** Every plot from one pass over the logits (see onePass.ts); the headline from the same per-row lines. */
function* onePassParts(pass: RowPass, p: Prepared, state: OnePassState): Generator<ResultPart, void> {
  const convention = state.convention;
  const entropyOf = klEntropy(p, state);
  const model = onePassModel(pass, p, state, entropyOf(convention));
  const remainders = (c: PlaygroundConvention, grid: number[]) => {
    if (c !== 'uniform' && c !== 'k_minus_1') throw new RangeError(`${c} is not drawn from one pass`);
    return lineOf(pass, p, state, c, grid).values;
  };
  const exact = { epsilon: state.epsilon, value: modelAt(model, state.epsilon).value };
  yield lossPart(
    p,
    state,
    withTorch(exact, p, () => lossInputFor(p, state), state),
  );
  yield { name: 'model', value: model };
  yield { name: 'sweep', value: sweepCurves(state, model, remainders, entropyOf) };
  const heat = {
    at0: oneHotHeat(pass, convention, 0),
    at1: oneHotHeat(pass, convention, 1),
    extremes: oneHotExtremes(pass, convention),
  };
  yield { name: 'heat', value: heat };
  yield { name: 'row', value: onePassRow(pass, p, state) };
  yield { name: 'table', value: onePassTable(pass) };
  yield { name: 'calibration', value: onePassCalibration(pass, state.bins) };
}

/** The general path for every case, the one-pass one included (the tests hold the two side by side). */
export function computeGeneral(state: PlaygroundState): ComputeOutcome {
  return collected(partsOf(state, generalParts));
}

function* generalParts(p: Prepared, state: PlaygroundState): Generator<ResultPart, void> {
  yield lossPart(p, state, exactAt(p, state));
  const input = lossInputFor(p, state);
  const shared = options(p, state);
  const model = buildModel(p, input, shared, state.row);
  yield { name: 'model', value: model };
  const entropyOf = klEntropy(p, state);
  const { loss, reduction, ignoreIndex, prior } = shared;
  const remainders = (convention: PlaygroundConvention, grid: number[]) => {
    const entropy = entropyOf(convention);
    const base = { loss, reduction, ignoreIndex, prior, convention, grad: false };
    return grid.map(
      (epsilon) =>
        headline(evaluateLoss(p, input, { ...base, epsilon }).output) -
        (entropy ? reducedNegEntropy(entropy, epsilon) : 0),
    );
  };
  yield { name: 'sweep', value: sweepCurves(state, model, remainders, entropyOf) };
  const [at0, at1] = [0, 1].map((e) => smoothedTargets(p, e, state.convention, state.ignoreIndex, prior)) as [
    Tensor,
    Tensor,
  ];
  const heat = {
    at0: downsample(at0.data, p.rows, p.cols),
    at1: downsample(at1.data, p.rows, p.cols),
    extremes: extremeLines(at0.data, at1.data),
  };
  yield { name: 'heat', value: heat };
  const probs = predictedProbabilities(p.input, state.inputKind, p.family === 'binary', state.temperature);
  yield { name: 'row', value: rowView(p, probs, at0, at1, state.row) };
  yield { name: 'table', value: sampleTable(p, probs) };
  yield { name: 'calibration', value: reliabilityOf(p, state) };
}

/** Where a curve with KL's closed-form entropy part is drawn (it bends near 0, so sampled densely there). */
const CURVE_EPSILONS = Array.from({ length: 41 }, (_, i) => (i / 40) ** 2);

/** The conventions plotted: the chosen loss's family; the prior only when chosen (it needs its π). */
function sweptConventions(chosen: PlaygroundConvention): PlaygroundConvention[] {
  const family = playgroundFamily(chosen);
  return PLAYGROUND_CONVENTIONS.filter(
    (c) => playgroundFamily(c) === family && (c !== 'prior' || chosen === 'prior'),
  );
}

/**
 * The headline value against ε for every convention of the chosen loss's family. The other conventions are only
 * for comparison: one that refuses this data (batch max+1 of an empty batch) is left out rather than refusing all.
 */
function sweepCurves(
  state: PlaygroundState,
  model: EpsilonModel,
  remainders: (convention: PlaygroundConvention, grid: number[]) => number[],
  entropyOf: (convention: PlaygroundConvention) => EntropyTerm | undefined,
): SweepCurve[] {
  return sweptConventions(state.convention).flatMap((convention) => {
    const entropy = entropyOf(convention);
    const grid = epsilonGrid(state.loss, entropy);
    let remainder: number[];
    try {
      remainder = convention === state.convention ? model.values : remainders(convention, grid);
    } catch (e) {
      if (e instanceof RangeError) return [];
      throw e;
    }
    const curve: SweepCurve = {
      convention,
      grid,
      remainder,
      epsilons: entropy ? CURVE_EPSILONS : grid,
      values: [],
    };
    if (entropy) curve.entropy = entropy;
    curve.values = curve.epsilons.map((e) => curveAt(curve, e));
    return [curve];
  });
}

/** "Copy as PyTorch": the script of a state the playground computes, never of one it refuses. */
export function torchScript(
  state: PlaygroundState,
): { ok: true; script: string } | { ok: false; errors: FieldError[] } {
  if (state.synthetic) {
    const message = 'Copy as PyTorch needs pasted inputs, not generated ones';
    return { ok: false, errors: [{ field: 'options', line: 1, column: 1, message }] };
  }
  const exact = computeExact(state);
  const ready = preparedFor(state);
  if (!exact.ok) return exact;
  if (!ready.ok) return ready;
  return { ok: true, script: torchSnippet(ready.prepared, state) };
}

export type ExactOutcome = { ok: true; exact: ExactValues } | { ok: false; errors: FieldError[] };
