import { checkIndexTargets, classLayout, rowStart } from '../losses/classLayout';
import { logSumExp } from '../losses/logSoftmax';
import type { Tensor } from '../tensor';
import { NO_IGNORED_INDEX } from './options';

/** Equal-width bin (lo, hi] of top-class confidence; confidence and accuracy are NaN when count is 0. */
export interface ReliabilityBin {
  readonly lo: number;
  readonly hi: number;
  readonly count: number;
  readonly confidence: number;
  readonly accuracy: number;
}

/**
 * Over the rows whose top-class confidence is finite: a NaN or infinite logit gives a NaN confidence, which belongs
 * in no bin; such rows are only counted, in `unbinned`.
 */
export interface Calibration {
  /** Σ_bins (count/N)·|accuracy - confidence|, N the binned rows (NaN when there are none). */
  readonly ece: number;
  readonly bins: readonly ReliabilityBin[];
  readonly meanConfidence: number;
  /** Mean softmax entropy in nats. */
  readonly meanEntropy: number;
  readonly accuracy: number;
  /** Rows left out of every bin and statistic because their confidence is not a finite number. */
  readonly unbinned: number;
}

/** One row's top-class confidence, whether that class is the label, and the softmax entropy in nats. */
export interface RowStats {
  confidence: number;
  correct: boolean;
  entropy: number;
}

function rowStats(x: Float64Array, start: number, classes: number, stride: number, label: number): RowStats {
  const lse = logSumExp(x, start, classes, stride);
  let best = 0;
  let entropy = 0;
  for (let c = 0, j = start; c < classes; c++, j += stride) {
    if (x[j]! > x[start + best * stride]!) best = c;
    const p = Math.exp(x[j]! - lse);
    if (p > 0) entropy += p * (lse - x[j]!);
  }
  return { confidence: Math.exp(x[start + best * stride]! - lse), correct: best === label, entropy };
}

/** Expected calibration error, reliability bins, confidence and entropy of softmax(logits) against labels. */
export function calibration(logits: Tensor, labels: Tensor, bins = 10): Calibration {
  const layout = classLayout(logits.shape);
  checkIndexTargets(labels, layout, NO_IGNORED_INDEX);
  const all = Array.from({ length: layout.rows }, (_, r) =>
    rowStats(logits.data, rowStart(layout, r), layout.classes, layout.inner, labels.data[r]!),
  );
  return calibrationOfRows(all, bins);
}

/**
 * The calibration summary of rows whose statistics are already known (the playground gets them from its pass); a
 * row whose confidence is not a finite number is in no bin and no statistic, only counted as unbinned.
 */
export function calibrationOfRows(all: readonly RowStats[], bins: number): Calibration {
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`bins must be a positive integer, got ${bins}`);
  const stats = all.filter((s) => Number.isFinite(s.confidence));
  const reliability = binRows(stats, bins);
  return {
    ece: stats.length > 0 ? expectedCalibrationError(reliability, stats.length) : Number.NaN,
    bins: reliability,
    meanConfidence: mean(stats.map((s) => s.confidence)),
    meanEntropy: mean(stats.map((s) => s.entropy)),
    accuracy: mean(stats.map((s) => (s.correct ? 1 : 0))),
    unbinned: all.length - stats.length,
  };
}

function binRows(stats: readonly RowStats[], bins: number): ReliabilityBin[] {
  const members: RowStats[][] = Array.from({ length: bins }, () => []);
  for (const s of stats) members[binIndex(s.confidence, bins)]!.push(s);
  return members.map((m, i) => ({
    lo: i / bins,
    hi: (i + 1) / bins,
    count: m.length,
    confidence: mean(m.map((s) => s.confidence)),
    accuracy: mean(m.map((s) => (s.correct ? 1 : 0))),
  }));
}

/** Bin i holds confidences in (i/bins, (i+1)/bins]; `confidence` is finite. */
function binIndex(confidence: number, bins: number): number {
  return Math.min(bins - 1, Math.max(0, Math.ceil(confidence * bins) - 1));
}

function expectedCalibrationError(reliability: readonly ReliabilityBin[], rows: number): number {
  let ece = 0;
  for (const b of reliability) if (b.count > 0) ece += (b.count / rows) * Math.abs(b.accuracy - b.confidence);
  return ece;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}
