/** What the Python analysis reports; shared by the CLI (`--json`), hovers, diagnostics and tests. */

import type { Convention } from '../../conventions';
import type { RuleId } from './rules';

export type { Convention };

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

export interface TextEdit {
  range: SourceRange;
  newText: string;
}

/** A quick fix that is safe to apply without further user input. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** Values resolved from the code, for hovers and the playground; absent when unknown. */
export interface FindingDetails {
  lossKind?: LossKind;
  /** Class count K when the code fixes it (constructor argument or literal). */
  classes?: number;
  weight?: boolean;
  /** `pos_weight` is passed (BCE-with-logits). */
  posWeight?: boolean;
  /** `ignore_index` is passed, even when its value is not a constant. */
  hasIgnoreIndex?: boolean;
  reduction?: string;
  ignoreIndex?: number;
  labelSmoothing?: number;
  dim?: number;
  targetKind?: 'index' | 'probability' | 'binary';
  /** The ε parameter holds the confidence 1 − ε. */
  epsilonIsConfidence?: boolean;
  /** Targets are renormalised, so the effective ε is not the parameter. */
  renormalised?: boolean;
  /** Ignored / padding rows are zeroed but still counted in a mean's denominator. */
  maskedRowsInMean?: boolean;
  /** No torch call computes exactly this: the closest one and what differs (`torchEquivalent` is then null). */
  closestTorch?: { call: string; why: string };
  /** Where a called instance or class was constructed / defined (1-based). */
  definedAt?: { line: number; column: number };
  /** The criteria a loss that delegates to the criterion it is given is shown to wrap, where each is built. */
  wraps?: { criterion: string; line: number; column: number }[];
  /** Settings (another string mode, eval mode) under which the definition follows another convention. */
  modes?: LossMode[];
}

/** A setting of a loss definition and the convention it follows there (null: no loss recognised). */
export interface LossMode {
  /** `mode='classy_vision'`, or `eval mode`. */
  when: string;
  convention: Convention | null;
}

export interface Finding extends SourceRange {
  kind: 'loss' | 'pitfall';
  /** Class / function name for hand-written losses, the called name for torch calls, null for pitfalls without one. */
  symbol: string | null;
  convention: Convention | null;
  epsilon: number | null;
  epsilonParam: string | null;
  torchEquivalent: string | null;
  rule: RuleId | null;
  message: string;
  fix?: Fix;
  details?: FindingDetails;
}

/** Where the criteria a delegating loss is shown to wrap are built (`wraps`), as a sentence; null without any. */
export function wrapsNote(f: Finding): string | null {
  const wraps = f.details?.wraps;
  if (!wraps?.length) return null;
  const lines = new Map<string, number[]>();
  for (const w of wraps) lines.set(w.criterion, [...(lines.get(w.criterion) ?? []), w.line]);
  const built = [...lines].map(
    ([c, at]) => `\`${c}\` as built at line${at.length > 1 ? 's' : ''} ${at.join(', ')}`,
  );
  return `Wraps ${built.join('; ')}.`;
}
