import type { Tensor } from '../tensor';

export type Reduction = 'mean' | 'sum' | 'none' | 'batchmean';
export type PlainReduction = Exclude<Reduction, 'batchmean'>;

/** What every loss returns; `gradInput` (d output / d input, of the sum when unreduced) only when asked for. */
export interface LossResult {
  output: Tensor;
  gradInput?: Tensor;
}

export interface BaseLossOptions {
  /** Defaults to 'mean'; 'batchmean' is accepted by `klDiv` only, as in torch. */
  reduction?: Reduction;
  /** Also compute the analytic gradient with respect to the input. */
  grad?: boolean;
}

export interface NllLossOptions extends BaseLossOptions {
  /** Per-class weight, shape (C). */
  weight?: Tensor | null;
  /** Rows whose target equals this are skipped (default -100). */
  ignoreIndex?: number;
}

export type ClassSmoothingConvention = 'uniform' | 'k_minus_1';

export interface CrossEntropyOptions extends NllLossOptions {
  /** ε in [0, 1]. */
  labelSmoothing?: number;
  /**
   * 'uniform' is torch's label_smoothing ((1-ε)·onehot + ε/K). 'k_minus_1' puts 1-ε on the target and ε/(K-1) on
   * every other class, and is reduced like torch's probability-target path.
   */
  smoothingConvention?: ClassSmoothingConvention;
  /** Inferred when absent: a target with the input's shape holds probabilities, otherwise class indices. */
  targetKind?: 'index' | 'probability';
}

export interface BinaryLossOptions extends BaseLossOptions {
  /** Broadcast against the input. */
  weight?: Tensor | null;
  /** α: targets become t(1-α) + α/2. */
  labelSmoothing?: number;
}

export interface BinaryWithLogitsOptions extends BinaryLossOptions {
  /** Weight of positive examples, broadcast over the last dimension. */
  posWeight?: Tensor | null;
}

export interface KlDivOptions extends BaseLossOptions {
  /** The target holds log-probabilities. */
  logTarget?: boolean;
}

/** Every option any loss accepts, for callers that build one options object for whichever loss is chosen. */
export type LossOptions = CrossEntropyOptions & BinaryWithLogitsOptions & KlDivOptions;
