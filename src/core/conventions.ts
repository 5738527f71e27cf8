import type { PlaygroundConvention } from './playground/conventions';

/**
 * The conventions the analysis reports. One record each in `CONVENTION_REGISTRY`: adding a convention is a record
 * there, and a compile error wherever a table over conventions (descriptions, forms, equivalents) lacks it.
 */
export type Convention =
  | 'uniform'
  | 'k_minus_1'
  | 'k_minus_2_padding'
  | 'binary'
  | 'batch_max_plus_1'
  | 'prior'
  | 'soft_target'
  | 'other'
  | 'none';

export interface ConventionRecord {
  readonly id: Convention;
  /** How hovers and the CLI name it. */
  readonly name: string;
  /** What it does to the target, in plain text; null when there is nothing to add. */
  readonly target: string | null;
  /** The torch call it is, said after the target when the loss is a softmax cross-entropy (not a BCE per class). */
  readonly crossEntropy: string | null;
  /** The symbol its amount goes by. */
  readonly parameter: 'ε' | 'α';
  /** Reporting it claims the code smooths its targets: never on code without smoothing. */
  readonly claimsSmoothing: boolean;
  /** A function that only builds targets is reported when they follow it. */
  readonly reportTargetBuilders: boolean;
  /** The smallest class count a smoothed-target table for it can show. */
  readonly minClasses: number;
  /** The playground's convention computing it exactly (plots, verify), or null. */
  readonly playground: PlaygroundConvention | null;
  /** Said of every definition in it. */
  readonly note: string | null;
}

const smoothing = (
  r: Omit<ConventionRecord, 'claimsSmoothing' | 'reportTargetBuilders' | 'crossEntropy'> & {
    crossEntropy?: string;
  },
): ConventionRecord => ({
  ...r,
  crossEntropy: r.crossEntropy ?? null,
  claimsSmoothing: true,
  reportTargetBuilders: true,
});

const noSmoothing = (
  r: Omit<
    ConventionRecord,
    'claimsSmoothing' | 'reportTargetBuilders' | 'parameter' | 'minClasses' | 'note' | 'crossEntropy'
  >,
): ConventionRecord => ({
  ...r,
  crossEntropy: null,
  parameter: 'ε',
  claimsSmoothing: false,
  reportTargetBuilders: false,
  minClasses: 2,
  note: null,
});

export const CONVENTION_REGISTRY: { readonly [C in Convention]: ConventionRecord } = {
  uniform: smoothing({
    id: 'uniform',
    name: 'uniform label smoothing',
    target: 'target (1−ε)·onehot + ε/K over all K classes',
    crossEntropy: 'as nn.CrossEntropyLoss(label_smoothing=ε)',
    parameter: 'ε',
    minClasses: 2,
    playground: 'uniform',
    note: null,
  }),
  k_minus_1: smoothing({
    id: 'k_minus_1',
    name: 'K−1 label smoothing',
    target: 'true class 1−ε, every other class ε/(K−1)',
    parameter: 'ε',
    minClasses: 2,
    playground: 'k_minus_1',
    note: 'equals uniform smoothing with ε·K/(K−1)',
  }),
  k_minus_2_padding: smoothing({
    id: 'k_minus_2_padding',
    name: 'padding-aware label smoothing',
    target: 'true class 1−ε, ε/(K−2) on the other non-padding classes, padding class 0',
    parameter: 'ε',
    minClasses: 3,
    playground: null,
    note: null,
  }),
  binary: smoothing({
    id: 'binary',
    name: 'binary label smoothing',
    target: 'targets t·(1−α) + α/2',
    parameter: 'α',
    minClasses: 2,
    playground: 'binary',
    note: null,
  }),
  batch_max_plus_1: smoothing({
    id: 'batch_max_plus_1',
    name: 'batch-dependent label smoothing',
    target:
      'targets t·(1−α) + α/(max(t)+1); the class count comes from the batch, so it equals α/2 only when the batch holds a 1',
    parameter: 'α',
    minClasses: 2,
    playground: 'batch_max_plus_1',
    note: null,
  }),
  prior: smoothing({
    id: 'prior',
    name: 'label smoothing toward a prior',
    target: 'target (1−ε)·onehot + ε·π for a class distribution π (uniform π is label_smoothing=ε)',
    parameter: 'ε',
    minClasses: 2,
    playground: 'prior',
    note: 'torch: F.cross_entropy(logits, (1 − ε)·F.one_hot(y, K) + ε·π), probability targets',
  }),
  other: {
    ...smoothing({
      id: 'other',
      name: 'a smoothed target that matches no standard convention',
      target: null,
      parameter: 'ε',
      minClasses: 2,
      playground: null,
      note: null,
    }),
    reportTargetBuilders: false,
  },
  soft_target: noSmoothing({
    id: 'soft_target',
    name: 'probability (soft) targets',
    target: 'no smoothing of its own',
    playground: null,
  }),
  none: noSmoothing({ id: 'none', name: 'no label smoothing', target: null, playground: null }),
};

export const CONVENTIONS_REPORTED = Object.keys(CONVENTION_REGISTRY) as Convention[];
