/** The four ways the seeds (and the code people copy from them) spread smoothing mass. */
export type SmoothingConvention = 'uniform' | 'k_minus_1' | 'binary' | 'batch_max_plus_1';

/** Categorical conventions smooth (N, K) class distributions; binary ones smooth element-wise targets in [0, 1]. */
export type ConventionFamily = 'categorical' | 'binary';

export interface ConventionInfo {
  readonly id: SmoothingConvention;
  readonly label: string;
  readonly family: ConventionFamily;
  /** The name the seeds use for the smoothing amount. */
  readonly parameter: 'ε' | 'α';
  /** Smoothed target in plain text. */
  readonly target: string;
  /** The loss it trains, in plain text. */
  readonly loss: string;
  /** Where it appears, for hovers. */
  readonly appearsIn: readonly string[];
  /** A one-line torch call computing the same loss, when one exists. */
  readonly torchEquivalent: string | null;
  readonly note: string;
}

export const SMOOTHING_CONVENTIONS: readonly SmoothingConvention[] = [
  'uniform',
  'k_minus_1',
  'binary',
  'batch_max_plus_1',
];

export const CONVENTIONS: Readonly<Record<SmoothingConvention, ConventionInfo>> = {
  uniform: {
    id: 'uniform',
    label: 'uniform ε/K',
    family: 'categorical',
    parameter: 'ε',
    target: '(1-ε)·onehot(y) + ε/K',
    loss: '(1-ε)·nll(y) + (ε/K)·Σ_c -log p_c',
    appearsIn: ['seed 000', 'seed 002 (fastai)', 'seed 004 (Wangleiofficial, NVIDIA)', 'nn.CrossEntropyLoss'],
    torchEquivalent: 'F.cross_entropy(logits, target, label_smoothing=ε)',
    note: 'With class weights, the ε/K term is weighted per class and the mean divides by Σ w[y_i].',
  },
  k_minus_1: {
    id: 'k_minus_1',
    label: 'K−1',
    family: 'categorical',
    parameter: 'ε',
    target: 'target class 1-ε, every other class ε/(K-1)',
    loss: '(1-ε)·nll(y) + (ε/(K-1))·Σ_{c≠y} -log p_c',
    appearsIn: ['seed 001', 'seed 004 (Devin Yang, Shital Shah)'],
    torchEquivalent: 'F.cross_entropy(logits, target, label_smoothing=ε·K/(K-1))',
    note: 'Equals uniform smoothing with ε·K/(K-1); with class weights the mean divides by N, not Σ w[y_i].',
  },
  binary: {
    id: 'binary',
    label: 'binary α/2',
    family: 'binary',
    parameter: 'α',
    target: 't·(1-α) + α/2',
    loss: 'BCE(p, t·(1-α) + α/2)',
    appearsIn: ['seed 002 (binary example)', 'BCEWithLogitsLoss recipes'],
    torchEquivalent: 'F.binary_cross_entropy_with_logits(logits, target * (1 - α) + α / 2)',
    note: 'Uniform smoothing over the two outcomes {t, 1-t}.',
  },
  batch_max_plus_1: {
    id: 'batch_max_plus_1',
    label: 'batch max+1',
    family: 'binary',
    parameter: 'α',
    target: 't·(1-α) + α/(max(t)+1)',
    loss: 'BCE(p, t·(1-α) + α/(max(t)+1))',
    appearsIn: ['seed 003 (BCELossWithLabelSmoothing)'],
    torchEquivalent: null,
    note: 'Depends on the batch: equals α/2 only when the batch holds a 1; an all-zero batch smooths towards α/1.',
  },
};

export function isSmoothingConvention(value: unknown): value is SmoothingConvention {
  return typeof value === 'string' && (SMOOTHING_CONVENTIONS as readonly string[]).includes(value);
}

export function familyOf(convention: SmoothingConvention): ConventionFamily {
  return CONVENTIONS[convention].family;
}

/**
 * The d in "off-target mass ε/d": K for uniform, K−1 for K−1, 2 for binary, max(t)+1 for batch max+1
 * (pass that as `classes`). Every convention gives the non-target entries ε/d.
 */
export function spreadDivisor(convention: SmoothingConvention, classes: number): number {
  switch (convention) {
    case 'uniform':
    case 'batch_max_plus_1':
      return classes;
    case 'k_minus_1':
      if (classes < 2) throw new RangeError('the K−1 convention needs at least 2 classes');
      return classes - 1;
    case 'binary':
      return 2;
  }
}

/** Target-class and other-class probabilities at `classes` classes: the target class keeps what the others leave. */
export function targetValues(
  convention: SmoothingConvention,
  classes: number,
  epsilon: number,
): { on: number; off: number } {
  const off = epsilon / spreadDivisor(convention, classes);
  return { on: 1 - (classes - 1) * off, off };
}
