/** What the Python analysis reports; shared by the CLI (`--json`), hovers, diagnostics and tests. */

export type Convention =
  | 'uniform'
  | 'k_minus_1'
  | 'k_minus_2_padding'
  | 'binary'
  | 'batch_max_plus_1'
  | 'soft_target'
  | 'other'
  | 'none';

export type LossKind =
  | 'cross_entropy'
  | 'nll_loss'
  | 'binary_cross_entropy'
  | 'binary_cross_entropy_with_logits'
  | 'kl_div'
  | 'log_softmax'
  | 'softmax'
  | 'custom';

/** 1-based, inclusive start, exclusive end column (as editors show them). */
export interface SourceRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends SourceRange {
  kind: 'loss' | 'pitfall';
  /** Class / function name for hand-written losses, the called name for torch calls, null for pitfalls without one. */
  symbol: string | null;
  convention: Convention | null;
  epsilon: number | null;
  epsilonParam: string | null;
  torchEquivalent: string | null;
  rule: string | null;
  message: string;
}
