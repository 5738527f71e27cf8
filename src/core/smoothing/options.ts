import type { Tensor } from '../tensor';
import type { ConventionFamily, SmoothingConvention } from './conventions';

export type Reduction = 'mean' | 'sum' | 'none';
export type ScalarReduction = Exclude<Reduction, 'none'>;

/** What a binary convention's input holds: BCE takes probabilities, BCE-with-logits takes logits. */
export type BinaryInput = 'logits' | 'probabilities';

/** Options shared by every entry point; each ignores what its family does not use. */
export interface LossInputOptions {
  /** Categorical: one weight per class (torch `weight`). Binary: broadcast to the input (torch BCE `weight`). */
  weight?: Tensor;
  /** Categorical only; torch's default -100. Ignored rows add 0 (uniform: and leave the mean's denominator). */
  ignoreIndex?: number;
  /** Binary on logits only: broadcast over the last dimension (torch `pos_weight`). */
  posWeight?: Tensor;
  /** Binary only; default 'logits'. */
  input?: BinaryInput;
}

export interface SmoothedLossOptions extends LossInputOptions {
  epsilon: number;
  convention: SmoothingConvention;
  /** Default 'mean'. */
  reduction?: Reduction;
}

export { DEFAULT_IGNORE_INDEX } from '../losses/classLayout';
/** For index checks where no row may be ignored: NaN equals no target. */
export const NO_IGNORED_INDEX = Number.NaN;

export function checkInputKind(family: ConventionFamily, options: LossInputOptions): void {
  if (family === 'categorical' && options.input === 'probabilities') {
    throw new RangeError('categorical conventions take logits, not probabilities');
  }
}
