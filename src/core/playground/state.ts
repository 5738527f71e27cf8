/** The playground's persisted state: everything the user typed or chose, JSON-serialisable and versioned. */
import { SMOOTHING_CONVENTIONS, type SmoothingConvention } from '../smoothing/conventions';
import {
  isPlaygroundConvention,
  type PlaygroundConvention,
  PRIOR_SOURCES,
  type PriorSource,
  playgroundFamily,
} from './conventions';
import {
  type Guard,
  inRange,
  isInteger,
  isRecord,
  maxLength,
  nullable,
  objectOf,
  oneOf,
  ownValue,
} from './guards';

export const PLAYGROUND_LOSSES = [
  'cross_entropy',
  'nll_loss',
  'binary_cross_entropy',
  'binary_cross_entropy_with_logits',
  'kl_div',
] as const;
export type PlaygroundLoss = (typeof PLAYGROUND_LOSSES)[number];

export const INPUT_KINDS = ['logits', 'probabilities', 'log_probabilities'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export const REDUCTIONS = ['mean', 'sum', 'none', 'batchmean'] as const;
export type Reduction = (typeof REDUCTIONS)[number];

export { SMOOTHING_CONVENTIONS, type SmoothingConvention };

/** Longest text kept per field (characters); well above what MAX_ELEMENTS numbers need. */
export const MAX_TEXT_LENGTH = 32_000_000;
export const MAX_SYNTHETIC_ROWS = 8192;
export const MAX_SYNTHETIC_COLS = 2048;

/** Deterministic random logits/targets generated in the worker instead of pasted text (stress tests). */
export interface SyntheticData {
  rows: number;
  cols: number;
  seed: number;
}

export interface PlaygroundState {
  /**
   * 2 added the prior's fields (a version 1 state restores with their defaults); 3 may save a long text in a file of
   * the host's, its field left empty (storedTexts.ts).
   */
  version: 3;
  loss: PlaygroundLoss;
  inputKind: InputKind;
  convention: PlaygroundConvention;
  /** The prior convention's π: from the targets' class frequencies, or `priorText` as a distribution or counts. */
  priorSource: PriorSource;
  priorText: string;
  epsilon: number;
  reduction: Reduction;
  ignoreIndex: number;
  temperature: number;
  logitsText: string;
  targetsText: string;
  weightText: string;
  synthetic: SyntheticData | null;
  /** Sample shown in the "probabilities vs target" plot (0-based). */
  row: number;
  /** Reliability-diagram bins. */
  bins: number;
}

/** The state's texts: megabytes each when pasted. */
export const INPUT_TEXT_KEYS = ['logitsText', 'targetsText', 'weightText', 'priorText'] as const;
export type InputTextKey = (typeof INPUT_TEXT_KEYS)[number];

export const TORCH_IGNORE_INDEX = -100;

export const DEFAULT_STATE: PlaygroundState = {
  version: 3,
  loss: 'cross_entropy',
  inputKind: 'logits',
  convention: 'uniform',
  priorSource: 'frequencies',
  priorText: '',
  epsilon: 0.5,
  reduction: 'mean',
  ignoreIndex: TORCH_IGNORE_INDEX,
  temperature: 1,
  logitsText: '[[0, 0.2, 0.7, 0.1, 0],\n [0, 0.9, 0.2, 0.2, 1],\n [1, 0.2, 0.7, 0.9, 1]]',
  targetsText: '[2, 1, 0]',
  weightText: '',
  synthetic: null,
  row: 0,
  bins: 10,
};

const isSynthetic = objectOf<SyntheticData>({
  rows: (v): v is number => isInteger(v) && inRange(1, MAX_SYNTHETIC_ROWS)(v),
  cols: (v): v is number => isInteger(v) && inRange(2, MAX_SYNTHETIC_COLS)(v),
  seed: isInteger,
});

const isText = maxLength(MAX_TEXT_LENGTH);

const FIELD_GUARDS: { [K in keyof PlaygroundState]-?: Guard<PlaygroundState[K]> } = {
  version: (v): v is 3 => v === 3,
  loss: oneOf(PLAYGROUND_LOSSES),
  inputKind: oneOf(INPUT_KINDS),
  convention: isPlaygroundConvention,
  priorSource: oneOf(PRIOR_SOURCES),
  priorText: isText,
  epsilon: inRange(0, 1),
  reduction: oneOf(REDUCTIONS),
  ignoreIndex: isInteger,
  temperature: inRange(1e-3, 1e3),
  logitsText: isText,
  targetsText: isText,
  weightText: isText,
  synthetic: nullable(isSynthetic),
  row: (v): v is number => isInteger(v) && (v as number) >= 0,
  bins: (v): v is number => isInteger(v) && inRange(2, 50)(v),
};

/** Strict check used by the protocol: every field present and valid, nothing extra. */
export const isPlaygroundState: Guard<PlaygroundState> = objectOf<PlaygroundState>(FIELD_GUARDS);

/**
 * The fields of a saved state that are still good, whatever its version (older, newer, none), damage or extra keys;
 * its version number is not one of them. Every version shipped so far has this shape or a subset of it (version 1
 * lacks the prior's fields), so a field is kept when it passes its check today.
 */
function savedFields(saved: unknown): Partial<PlaygroundState> {
  const out: Record<string, unknown> = {};
  if (!isRecord(saved)) return out;
  for (const key of Object.keys(FIELD_GUARDS) as (keyof PlaygroundState)[]) {
    const value = ownValue(saved, key);
    if (key !== 'version' && FIELD_GUARDS[key](value)) out[key] = value;
  }
  return out as Partial<PlaygroundState>;
}

/** Lenient restore (any version, partial or damaged saved state): each good field kept, the rest from `defaults`. */
export function restoreState(saved: unknown, defaults: PlaygroundState = DEFAULT_STATE): PlaygroundState {
  return normaliseState({ ...defaults, ...savedFields(saved), version: 3 });
}

/** A saved state (getState, workspaceState) migrated to the current one; null when it holds nothing of the user's. */
export function restorable(saved: unknown): PlaygroundState | null {
  return Object.keys(savedFields(saved)).length > 0 ? restoreState(saved) : null;
}

/** Cross-field rules: 'batchmean' exists only for KL; binary losses take the binary conventions, the rest K-class ones. */
export function normaliseState(state: PlaygroundState): PlaygroundState {
  const reduction = state.reduction === 'batchmean' && state.loss !== 'kl_div' ? 'mean' : state.reduction;
  const wantBinary = isBinaryLoss(state.loss);
  const convention =
    (playgroundFamily(state.convention) === 'binary') === wantBinary
      ? state.convention
      : wantBinary
        ? 'binary'
        : 'uniform';
  return reduction === state.reduction && convention === state.convention
    ? state
    : { ...state, reduction, convention };
}

export function isBinaryLoss(loss: PlaygroundLoss): boolean {
  return loss === 'binary_cross_entropy' || loss === 'binary_cross_entropy_with_logits';
}
