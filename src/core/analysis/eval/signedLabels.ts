import { evalSym, num, ONE, ZERO } from './scalar';
import { lossOf, type Mix, mix, type Value } from './values';

/**
 * Hard labels written as signs or read through their log, which no target mix describes:
 * - ±1 labels times the logits (`2·eye(n) − 1`, SigLIP), then `logsigmoid` or `softplus`: the logistic loss of each
 *   pair, BCE-with-logits against the 0/1 labels the signs encode (a sign is never a smoothed target);
 * - the model's probabilities times the log of a one-hot the labels built (clamped away from 0: reverse
 *   cross-entropy, Σ_j p_j·log q_j), an increasing function of p_y.
 */

/** Every value of the labels' mix is −1 or +1. */
function isSigns(m: Mix): boolean {
  if (m.src !== 'index') return false;
  const at = (s: Mix['hot']) => evalSym(s, () => Number.NaN);
  return [at(m.hot) + at(m.off), at(m.off)].every((v) => Math.abs(Math.abs(v) - 1) < 1e-12);
}

/** The logits as computed or given: a parameter or a tensor the analysis does not follow. */
function isLogits(v: Value): boolean {
  return (
    v.kind === 'param' || (v.kind === 'tensor' && Object.keys(v).every((k) => k === 'kind' || k === 'viewOf'))
  );
}

/** `signs * logits`. */
export function signedLogits(labels: Value, logits: Value): Value | null {
  return labels.kind === 'dist' && isSigns(labels.target) && isLogits(logits)
    ? { kind: 'tensor', signed: true }
    : null;
}

/** `logsigmoid(s·x)` (a log-likelihood) and `softplus(s·x)` (a loss) of signed logits. */
export function signedLogistic(name: string, v: Value): Value | null {
  if (v.kind !== 'tensor' || !v.signed || (name !== 'logsigmoid' && name !== 'softplus')) return null;
  return lossOf(mix(name === 'softplus' ? ONE : num(-1), ZERO, 'index'), { binary: true });
}

/**
 * `log(q)` of a target built from class indices with more weight on the true class: remembered so that
 * probabilities times it read as reverse cross-entropy.
 */
export function logOfLabels(m: Mix): Value {
  const hot = evalSym(m.hot, () => Number.NaN);
  const reverse = m.src === 'index' && hot > 0 ? { reverse: m.labels ? { labels: m.labels } : {} } : {};
  return { kind: 'tensor', logTarget: true, logOf: m, ...reverse };
}

/** Σ_j p_j·log q_j = log q_off + (log q_hot − log q_off)·p_y: increasing in the true-class probability. */
export function reverseCrossEntropy(p: Value, logq: Value): Value | null {
  if (p.kind !== 'prob' || !p.multi || p.neg || logq.kind !== 'tensor' || !logq.reverse) return null;
  const { labels } = logq.reverse;
  return { kind: 'tensor', pred: 'affine', trueProb: { ...(labels ? { labels } : {}), falling: false } };
}
