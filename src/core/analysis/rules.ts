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

export const RULES = [
  SOFTMAX_INTO_CROSS_ENTROPY,
  LOG_SOFTMAX_INTO_CROSS_ENTROPY,
  BCE_ON_LOGITS,
  BATCH_MAX_CLASS_COUNT,
  LABEL_SMOOTHING_OUT_OF_RANGE,
  DEPRECATED_SIZE_AVERAGE_REDUCE,
  DEPRECATED_VARIABLE,
  SOFTMAX_WITHOUT_DIM,
  WEIGHT_IN_LOG_PROBS,
  K_MINUS_1_DOCUMENTED_AS_UNIFORM,
  KL_DIV_MEAN_REDUCTION,
] as const;

export type RuleId = (typeof RULES)[number];
