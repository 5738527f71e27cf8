/**
 * KL's one non-affine piece. KL(q‖p) per row is Σ q·log q − Σ q·log p: the second sum is affine in ε, the first
 * (minus the smoothed target's entropy) is the same closed form for every kept row of class-index targets:
 * on·log on + (K−1)·off·log off. Taking it out leaves an affine remainder the two-point model handles exactly.
 */
import { type SmoothingConvention, targetValues } from '../smoothing/conventions';
import type { PlaygroundConvention } from './conventions';
import type { Prepared } from './prepare';
import type { Reduction } from './state';

export interface EntropyTerm {
  classes: number;
  convention: SmoothingConvention;
  /** 1 for rows that count, 0 for ignored rows (their target is all zero). */
  kept: Uint8Array;
  /** How the reduction scales the summed term: 1 (sum, none), 1/N (batchmean), 1/(N·K) (mean). */
  scale: number;
}

const xLogX = (x: number): number => (x > 0 ? x * Math.log(x) : 0);

/** Σ_c q_c·log q_c of one smoothed one-hot row at ε. */
export function rowNegEntropy(term: EntropyTerm, epsilon: number): number {
  const { on, off } = targetValues(term.convention, term.classes, epsilon);
  return xLogX(on) + (term.classes - 1) * xLogX(off);
}

export function entropyTerm(
  p: Prepared,
  convention: PlaygroundConvention,
  reduction: Reduction,
  ignoreIndex: number,
): EntropyTerm | undefined {
  // A prior target's entropy depends on the row's class: sampled on the fine grid like soft targets.
  if (p.targetKind !== 'index' || convention === 'prior') return undefined;
  const scale = { sum: 1, none: 1, batchmean: 1 / p.pastedShape[0]!, mean: 1 / (p.rows * p.cols) }[reduction];
  const kept = Uint8Array.from(p.target.data, (y) => (y === ignoreIndex ? 0 : 1));
  return { classes: p.cols, convention, kept, scale };
}

/** The term's share of the headline (reduced) value at ε. */
export function reducedNegEntropy(term: EntropyTerm, epsilon: number): number {
  let rows = 0;
  for (const k of term.kept) rows += k;
  return rowNegEntropy(term, epsilon) * rows * term.scale;
}
