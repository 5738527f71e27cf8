import type { Tensor } from '../tensor';

export type TensorFormat = 'torch' | 'numpy' | 'json' | 'python' | 'csv' | 'tsv' | 'whitespace';

/**
 * The most values `parseTensor` accepts (2^24, 128 MiB of float64). Longer input is refused as soon as the
 * value past the limit is read, so an absurd paste never allocates more than the limit.
 */
export const MAX_ELEMENTS = 16_777_216;

/** The deepest list nesting accepted, i.e. the highest tensor rank. */
export const MAX_DEPTH = 32;

export interface ParseOptions {
  /** A lower limit than `MAX_ELEMENTS` (larger values are clamped to it). */
  maxElements?: number;
}

/** 1-based; columns count UTF-16 code units, as editors do. */
export interface ParseError {
  line: number;
  column: number;
  message: string;
}

export interface ParseSuccess {
  ok: true;
  tensor: Tensor;
  /** Best guess at what was pasted: plain JSON-compatible lists report 'json', numpy's `print` output 'numpy'. */
  format: TensorFormat;
  /** As written in the repr, e.g. 'torch.float64' or 'float32'. */
  dtype?: string;
  /** True when a torch repr shows `requires_grad=True` or a `grad_fn`. */
  requiresGrad?: boolean;
  /** Names from a table's header row (the row is not part of the tensor). */
  columns?: string[];
  /** The table's first column held row labels under an unnamed header cell (pandas `to_csv()`): left out. */
  indexColumn?: true;
}

export type ParseResult = ParseSuccess | { ok: false; error: ParseError };
