import type { Finding } from './findings';

/** Stable pitfall rule ids (diagnostic codes). */
export const SOFTMAX_INTO_CROSS_ENTROPY = 'softmax-into-cross-entropy';
export const LOG_SOFTMAX_INTO_CROSS_ENTROPY = 'log-softmax-into-cross-entropy';
export const BCE_ON_LOGITS = 'bce-on-logits';
export const BATCH_MAX_CLASS_COUNT = 'batch-max-class-count';
export const LABEL_SMOOTHING_OUT_OF_RANGE = 'label-smoothing-out-of-range';
export const DEPRECATED_SIZE_AVERAGE_REDUCE = 'deprecated-size-average-reduce';
export const DEPRECATED_VARIABLE = 'deprecated-variable';
export const SOFTMAX_WITHOUT_DIM = 'softmax-without-dim';
export const WEIGHT_IN_LOG_PROBS = 'weight-in-log-probs';
export const K_MINUS_1_DOCUMENTED_AS_UNIFORM = 'k-minus-1-documented-as-uniform';
export const KL_DIV_MEAN_REDUCTION = 'kl-div-mean-reduction';

/** Worst first; the editor's diagnostic severities. */
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * `correctness`: the code runs but computes something else than it seems to; `invalid-argument`: torch rejects it;
 * `deprecated`: an API PyTorch replaced; `documentation`: the prose contradicts the code.
 */
export type RuleCategory = 'correctness' | 'invalid-argument' | 'deprecated' | 'documentation';

interface RuleSpec {
  severity: Severity;
  category: RuleCategory;
  title: string;
  /** Why it matters and what to do instead; each finding's message says it for that spot. */
  docs: string;
}

/**
 * The registry: every rule a pitfall finding can carry, with the severity the editor and the CLI share. Keyed by
 * id, so tsc rejects a rule registered twice; `pitfall()` takes a `RuleId`, so it rejects one not registered.
 */
const SPECS = {
  [SOFTMAX_INTO_CROSS_ENTROPY]: {
    severity: 'warning',
    category: 'correctness',
    title: 'Softmax output fed to cross_entropy',
    docs: 'cross_entropy / CrossEntropyLoss apply log_softmax to their input. Softmax probabilities are normalised twice: the loss is wrong and its gradients are squashed. Pass the raw logits.',
  },
  [LOG_SOFTMAX_INTO_CROSS_ENTROPY]: {
    severity: 'warning',
    category: 'correctness',
    title: 'log_softmax output fed to cross_entropy',
    docs: 'cross_entropy applies log_softmax itself; log_softmax is idempotent, so the loss is right only by accident, and the code reads as if cross_entropy took log-probabilities. Pass the logits, or use nll_loss on log-probabilities.',
  },
  [BCE_ON_LOGITS]: {
    severity: 'warning',
    category: 'correctness',
    title: 'BCELoss on raw logits',
    docs: 'BCELoss expects probabilities in [0, 1]; on logits (a Linear layer or matmul output without sigmoid) the loss is wrong, or torch raises when a value leaves [0, 1]. BCEWithLogitsLoss applies the sigmoid itself, stably.',
  },
  [BATCH_MAX_CLASS_COUNT]: {
    severity: 'warning',
    category: 'correctness',
    title: 'Class count from the batch maximum',
    docs: 'target.max() + 1 is the number of classes only when the batch holds the highest class; otherwise K shrinks, and with it the one-hot width and the smoothing mass per class. Use the known class count.',
  },
  [LABEL_SMOOTHING_OUT_OF_RANGE]: {
    severity: 'error',
    category: 'invalid-argument',
    title: 'Label smoothing outside [0, 1]',
    docs: "A smoothing ε outside [0, 1] gives no target distribution: torch's label_smoothing raises an error, and a hand-written loss gets negative target weights.",
  },
  [DEPRECATED_SIZE_AVERAGE_REDUCE]: {
    severity: 'information',
    category: 'deprecated',
    title: 'Deprecated size_average / reduce',
    docs: "size_average and reduce are deprecated in favour of reduction ('none', 'mean' or 'sum'); torch still maps them to a reduction, with a warning.",
  },
  [DEPRECATED_VARIABLE]: {
    severity: 'information',
    category: 'deprecated',
    title: 'Deprecated torch.autograd.Variable',
    docs: 'Since PyTorch 0.4 tensors carry autograd themselves: Variable(x) is x, and the wrapper can be dropped.',
  },
  [SOFTMAX_WITHOUT_DIM]: {
    severity: 'warning',
    category: 'correctness',
    title: 'softmax / log_softmax without dim',
    docs: 'Without dim, torch picks one implicitly (deprecated): 0 for 0-, 1- and 3-D inputs, else 1, which is not the class axis of class-last 3-D logits. Pass dim, usually dim=-1.',
  },
  [WEIGHT_IN_LOG_PROBS]: {
    severity: 'warning',
    category: 'correctness',
    title: 'Class weights multiplied into log-probabilities',
    docs: "Weighting the log-probabilities and averaging over N is not torch's weighted cross-entropy, which divides by Σ w[y_i] and weights the smoothing term per class. Pass weight= to nn.CrossEntropyLoss / F.nll_loss.",
  },
  [K_MINUS_1_DOCUMENTED_AS_UNIFORM]: {
    severity: 'information',
    category: 'documentation',
    title: 'K−1 smoothing documented as uniform',
    docs: 'The docstring or comments describe uniform ε/K smoothing, but the code gives each wrong class ε/(K−1): that is uniform smoothing with ε·K/(K−1).',
  },
  [KL_DIV_MEAN_REDUCTION]: {
    severity: 'warning',
    category: 'correctness',
    title: "kl_div with reduction='mean'",
    docs: "reduction='mean' (the default) averages kl_div over every element: the KL divergence divided by the number of classes. reduction='batchmean' gives the KL divergence.",
  },
} satisfies Record<string, RuleSpec>;

export type RuleId = keyof typeof SPECS;

export interface PitfallRule extends RuleSpec {
  id: RuleId;
}

const BY_ID = new Map(Object.entries(SPECS).map(([id, spec]) => [id, { id: id as RuleId, ...spec }]));

export const RULES: readonly PitfallRule[] = [...BY_ID.values()];

/** The rule of a pitfall finding; null for loss findings. */
export function ruleOf(finding: Pick<Finding, 'kind' | 'rule'>): PitfallRule | null {
  return (finding.kind === 'pitfall' && finding.rule && BY_ID.get(finding.rule)) || null;
}

/** `severity` is `threshold` or worse. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}
