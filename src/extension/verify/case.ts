import type { Finding } from '../../core/analysis/results';
import { resolve } from '../../core/explain';
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  klDiv,
  logSoftmax,
  nllLoss,
  softmax,
} from '../../core/losses';
import { isSmoothingConvention, smoothedLoss } from '../../core/smoothing';
import { type Tensor, tensor } from '../../core/tensor';

/** What the Python side computes; each name is one branch of the verify script. */
export const VERIFY_METHODS = [
  'cross_entropy',
  'k_minus_1',
  'nll_loss',
  'binary_cross_entropy',
  'binary_cross_entropy_with_logits',
  'binary',
  'batch_max_plus_1',
  'kl_div',
] as const;
export type VerifyMethod = (typeof VERIFY_METHODS)[number];

/** A tiny example, sent to Python as JSON: input logits, targets (indices, binary or probabilities). */
export interface VerifyCase {
  readonly method: VerifyMethod;
  readonly epsilon: number;
  readonly reduction: 'mean' | 'sum' | 'batchmean';
  readonly input: number[] | number[][];
  readonly target: number[] | number[][];
}

const BINARY_LOGITS = [1.5, -0.7, 0.2, -2];
const BINARY_TARGETS = [1, 0, 1, 0];
const ROWS = 3;

function exampleLogits(classes: number, salt: number): number[][] {
  return Array.from({ length: ROWS }, (_, r) =>
    Array.from({ length: classes }, (_, c) => (((r + salt) * 7 + c * 5) % 11) / 4 - 1),
  );
}

function methodFor(finding: Finding): VerifyMethod | null {
  const c = finding.convention;
  if (c === 'uniform') return 'cross_entropy';
  if (c === 'k_minus_1' || c === 'binary' || c === 'batch_max_plus_1') return c;
  const kind = finding.details?.lossKind;
  return VERIFY_METHODS.find((m) => m === kind) ?? null;
}

function reductionFor(method: VerifyMethod, reduction: string | undefined): VerifyCase['reduction'] {
  if (reduction === 'sum') return 'sum';
  return reduction === 'batchmean' && method === 'kl_div' ? 'batchmean' : 'mean';
}

function targetFor(method: VerifyMethod, classes: number): number[] | number[][] {
  if (method === 'kl_div') return nested(softmax(fromRows(exampleLogits(classes, 1))));
  return Array.from({ length: ROWS }, (_, r) => r % classes);
}

type SmoothingMethod = Extract<VerifyMethod, 'k_minus_1' | 'binary' | 'batch_max_plus_1'>;
const BINARY_METHODS: readonly VerifyMethod[] = [
  'binary_cross_entropy',
  'binary_cross_entropy_with_logits',
  'binary',
  'batch_max_plus_1',
];

/** The example case for the loss a finding describes, or null when there is nothing to run (e.g. softmax). */
export function verifyCaseFor(finding: Finding, defaultEpsilon: number): VerifyCase | null {
  const method = methodFor(finding);
  if (!method) return null;
  const r = resolve(finding, defaultEpsilon);
  const binary = BINARY_METHODS.includes(method);
  const smoothed = finding.convention !== null && isSmoothingConvention(finding.convention);
  return {
    method,
    epsilon: smoothed ? r.epsilon : 0,
    reduction: reductionFor(method, finding.details?.reduction),
    input: binary ? BINARY_LOGITS : exampleLogits(r.classes, 0),
    target: binary ? BINARY_TARGETS : targetFor(method, r.classes),
  };
}

function fromRows(rows: number[] | number[][]): Tensor {
  const flat = rows.flat();
  return tensor(rows.length === flat.length ? [flat.length] : [rows.length, flat.length / rows.length], flat);
}

function nested(t: Tensor): number[][] {
  const cols = t.shape[1]!;
  return Array.from({ length: t.shape[0]! }, (_, r) => Array.from(t.data.subarray(r * cols, (r + 1) * cols)));
}

function sigmoid(t: Tensor): Tensor {
  return tensor(
    t.shape,
    t.data.map((x) => 1 / (1 + Math.exp(-x))),
  );
}

function smoothed(method: SmoothingMethod) {
  return (x: Tensor, t: Tensor, c: VerifyCase): number =>
    smoothedLoss(x, t, {
      epsilon: c.epsilon,
      convention: method,
      reduction: c.reduction === 'sum' ? 'sum' : 'mean',
    });
}

const CORE: Readonly<Record<VerifyMethod, (x: Tensor, t: Tensor, c: VerifyCase) => number>> = {
  cross_entropy: (x, t, c) =>
    crossEntropy(x, t, { labelSmoothing: c.epsilon, reduction: c.reduction }).output.data[0]!,
  nll_loss: (x, t, c) => nllLoss(logSoftmax(x), t, { reduction: c.reduction }).output.data[0]!,
  binary_cross_entropy: (x, t, c) =>
    binaryCrossEntropy(sigmoid(x), t, { reduction: c.reduction }).output.data[0]!,
  binary_cross_entropy_with_logits: (x, t, c) =>
    binaryCrossEntropyWithLogits(x, t, { reduction: c.reduction }).output.data[0]!,
  kl_div: (x, t, c) => klDiv(logSoftmax(x), t, { reduction: c.reduction }).output.data[0]!,
  k_minus_1: smoothed('k_minus_1'),
  binary: smoothed('binary'),
  batch_max_plus_1: smoothed('batch_max_plus_1'),
};

/** Loss Lens's own value for the case, to compare with torch's. */
export function coreValue(c: VerifyCase): number {
  return CORE[c.method](fromRows(c.input), fromRows(c.target), c);
}
