/** The playground's computation, state in, plot-ready results out; runs in the worker or, for small inputs, inline. */
import type { Calibration } from '../smoothing';
import { familyOf, SMOOTHING_CONVENTIONS, type SmoothingConvention } from '../smoothing/conventions';
import type { Tensor } from '../tensor';
import { type EntropyTerm, entropyTerm, reducedNegEntropy } from './entropy';
import { evaluateLoss, smoothedTargets } from './evaluate';
import { LOSS_INPUT, type LossInputKind, lossInput, predictedProbabilities, toLogits } from './lossInput';
import { buildModel, type EpsilonModel, epsilonGrid, headline, interpolate, modelAt } from './model';
import {
  isOnePassCase,
  lineOf,
  oneHotHeat,
  onePassCalibration,
  onePassModel,
  onePassRow,
  onePassTable,
  type RowPass,
  rowPass,
} from './onePass';
import { type FieldError, type FieldName, type Prepare, type Prepared, prepare } from './prepare';
import { reliabilityOf } from './reliability';
import { isBinaryLoss, type PlaygroundState } from './state';
import { downsample, type HeatGrid, type RowView, rowView, type SampleTable, sampleTable } from './views';

/** One convention's headline value against ε: remainder on the grid (+ KL's entropy part); dense points to draw. */
export interface SweepCurve {
  convention: SmoothingConvention;
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
  heat: { at0: HeatGrid; at1: HeatGrid };
  row: RowView;
  table: SampleTable;
  calibration: Calibration | null;
  exact: ExactValues;
}

export type ComputeOutcome = PlaygroundResult | { ok: false; errors: FieldError[] };

let cache: { key: unknown[]; value: Prepare } | undefined;

/** Parsing megabytes of text is the slow part; an ε or option change reuses the last parse. */
function preparedFor(state: PlaygroundState): Prepare {
  const { logitsText, targetsText, weightText, synthetic, loss } = state;
  const key = [logitsText, targetsText, weightText, JSON.stringify(synthetic), isBinaryLoss(loss)];
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
  if (/weight/i.test(message)) return 'weights';
  if (/target|class|index/i.test(message)) return 'targets';
  return 'options';
}

/** Core errors (shape mismatches, out-of-range classes) become messages on the field they concern. */
function guarded<T>(run: () => T): T | { ok: false; errors: FieldError[] } {
  try {
    return run();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ field: fieldOf(message), line: 1, column: 1, message }] };
  }
}

function options(state: PlaygroundState) {
  const { loss, convention, reduction, ignoreIndex } = state;
  return { loss, convention, reduction, ignoreIndex };
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
  const reduced = evaluateLoss(p, input, { ...options(state), epsilon: state.epsilon, grad: false });
  return { epsilon: state.epsilon, value: headline(reduced.output) };
}

export function computePlayground(state: PlaygroundState): ComputeOutcome {
  const ready = preparedFor(state);
  if (!ready.ok) return ready;
  return guarded(() => fullResult(ready.prepared, state));
}

function fullResult(p: Prepared, state: PlaygroundState): PlaygroundResult {
  const asPasted = state.inputKind === 'logits' && state.temperature === 1;
  const logits = () => (asPasted ? p.input : toLogits(p.input, state.inputKind, false, state.temperature));
  const pass = isOnePassCase(p, state) ? rowPass(logits().data, p, state.ignoreIndex) : undefined;
  return pass ? onePassResult(pass, p, state) : generalResult(p, state);
}

/** KL's closed-form entropy part under each convention (nothing for the other losses). */
const klEntropy =
  (p: Prepared, state: PlaygroundState) =>
  (convention: SmoothingConvention): EntropyTerm | undefined =>
    state.loss === 'kl_div' ? entropyTerm(p, convention, state.reduction, state.ignoreIndex) : undefined;

/** Every plot from one pass over the logits (see onePass.ts); the headline from the same per-row lines. */
function onePassResult(pass: RowPass, p: Prepared, state: PlaygroundState): PlaygroundResult {
  const entropyOf = klEntropy(p, state);
  const model = onePassModel(pass, p, state, entropyOf(state.convention));
  const sweep = sweepCurves(
    state,
    model,
    (convention, grid) => lineOf(pass, p, state, convention, grid).values,
    entropyOf,
  );
  return {
    ok: true,
    rows: p.rows,
    cols: p.cols,
    family: p.family,
    targetKind: p.targetKind,
    lossInput: LOSS_INPUT[state.loss],
    model,
    sweep,
    heat: { at0: oneHotHeat(pass, state.convention, 0), at1: oneHotHeat(pass, state.convention, 1) },
    row: onePassRow(pass, p, state),
    table: onePassTable(pass),
    calibration: onePassCalibration(pass, state.bins),
    exact: { epsilon: state.epsilon, value: modelAt(model, state.epsilon).value },
  };
}

/** The general path for every case, the one-pass one included (the tests hold the two side by side). */
export function computeGeneral(state: PlaygroundState): ComputeOutcome {
  const ready = preparedFor(state);
  if (!ready.ok) return ready;
  return guarded(() => generalResult(ready.prepared, state));
}

function generalResult(p: Prepared, state: PlaygroundState): PlaygroundResult {
  const input = lossInputFor(p, state);
  const model = buildModel(p, input, options(state), state.row);
  const curveEntropy = klEntropy(p, state);
  const probs = predictedProbabilities(p.input, state.inputKind, p.family === 'binary', state.temperature);
  const [at0, at1] = [0, 1].map((e) => smoothedTargets(p, e, state.convention, state.ignoreIndex)) as [
    Tensor,
    Tensor,
  ];
  return {
    ok: true,
    rows: p.rows,
    cols: p.cols,
    family: p.family,
    targetKind: p.targetKind,
    lossInput: LOSS_INPUT[state.loss],
    model,
    sweep: sweepCurves(
      state,
      model,
      (convention, grid) => {
        const entropy = curveEntropy(convention);
        return grid.map(
          (epsilon) =>
            headline(evaluateLoss(p, input, { ...options(state), convention, epsilon, grad: false }).output) -
            (entropy ? reducedNegEntropy(entropy, epsilon) : 0),
        );
      },
      curveEntropy,
    ),
    heat: { at0: downsample(at0.data, p.rows, p.cols), at1: downsample(at1.data, p.rows, p.cols) },
    row: rowView(p, probs, at0, at1, state.row),
    table: sampleTable(p, probs),
    calibration: reliabilityOf(p, state),
    exact: exactAt(p, state),
  };
}

/** Where a curve with KL's closed-form entropy part is drawn (it bends near 0, so sampled densely there). */
const CURVE_EPSILONS = Array.from({ length: 41 }, (_, i) => (i / 40) ** 2);

/** The headline value against ε for every convention of the chosen loss's family. */
function sweepCurves(
  state: PlaygroundState,
  model: EpsilonModel,
  remainders: (convention: SmoothingConvention, grid: number[]) => number[],
  entropyOf: (convention: SmoothingConvention) => EntropyTerm | undefined,
): SweepCurve[] {
  const family = familyOf(state.convention);
  return SMOOTHING_CONVENTIONS.filter((c) => familyOf(c) === family).map((convention) => {
    const entropy = entropyOf(convention);
    const grid = epsilonGrid(state.loss, entropy);
    const curve: SweepCurve = {
      convention,
      grid,
      remainder: convention === state.convention ? model.values : remainders(convention, grid),
      epsilons: entropy ? CURVE_EPSILONS : grid,
      values: [],
    };
    if (entropy) curve.entropy = entropy;
    curve.values = curve.epsilons.map((e) => curveAt(curve, e));
    return curve;
  });
}

export type ExactOutcome = { ok: true; exact: ExactValues } | { ok: false; errors: FieldError[] };

/** The worker's (and the inline path's) single entry point. */
export function compute(params: {
  state: PlaygroundState;
  scope: 'full' | 'exact';
}): ComputeOutcome | ExactOutcome {
  return params.scope === 'full' ? computePlayground(params.state) : computeExact(params.state);
}
