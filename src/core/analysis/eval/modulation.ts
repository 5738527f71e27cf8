import type { Classification } from '../classify';
import { ONE } from './scalar';
import { type Derivation, tensorMix, type Value } from './values';

/**
 * Factors computed from the predictions. A tensor derived from the model's outputs (probabilities, p_t = exp(−CE))
 * is tagged with how it depends on them. A cross-entropy term multiplied by such a factor is re-weighted per
 * sample (focal loss, blur or quality factors): no longer plain CE, whatever its targets.
 */

/** Elementwise functions that are nonlinear in their argument. */
/** Maps increasing on probabilities (`pow` with a positive exponent, as losses use it). */
const INCREASING = new Set(['pow', 'exp', 'log', 'sqrt', 'float_power']);

const NONLINEAR = new Set([
  'exp',
  'pow',
  'float_power',
  'sqrt',
  'rsqrt',
  'square',
  'abs',
  'tanh',
  'reciprocal',
]);
const ARITHMETIC = new Set(['+', '-', '*', '/']);

export const MODULATION_REASON =
  'the per-sample loss is re-weighted by a factor computed from the predictions (focal-style modulation)';

export function predicted(pred: Derivation): Value {
  return { kind: 'tensor', pred };
}

/** How a value depends on the predictions when used as a factor: probabilities and tagged tensors. */
export function derivationOf(v: Value): Derivation | null {
  if (v.kind === 'prob') return 'affine';
  return v.kind === 'tensor' ? (v.pred ?? null) : null;
}

/** `exp`, `pow`, … applied to a value: exp(−CE) and exp(log p) are probabilities; a nonlinear map of them is a factor. */
export function elementwise(name: string, v: Value): Value | null {
  const base = name.endsWith('_') ? name.slice(0, -1) : name;
  // exp(log_softmax(x)) is softmax(x): the model's probabilities (still a prediction factor where it multiplies).
  if (
    base === 'exp' &&
    v.kind === 'logp' &&
    v.coefficient.kind === 'number' &&
    v.coefficient.value === 1 &&
    v.factors.length === 0
  )
    return { kind: 'prob', multi: true, neg: false, source: v.source };
  if (base === 'exp' && (v.kind === 'loss' || v.kind === 'logp')) return predicted('affine');
  if (NONLINEAR.has(base) && v.kind === 'dist' && v.target.src === 'index')
    return { kind: 'tensor', ofTarget: true };
  // pow, exp, log of p_y keep its direction.
  if (INCREASING.has(base) && v.kind === 'tensor' && v.trueProb)
    return { kind: 'tensor', pred: 'nonlinear', trueProb: v.trueProb };
  return NONLINEAR.has(base) && derivationOf(v) ? predicted('nonlinear') : null;
}

/** Arithmetic on a prediction-derived operand that yields an opaque tensor keeps the tag (`1 - p_t`, `p*t + …`). */
export function carryDerivation(o: string, a: Value, b: Value, result: Value): Value {
  const da = derivationOf(a);
  const db = derivationOf(b);
  // A target with the model's probabilities in it (`β·onehot + (1 − β)·p`), scaled by a factor of them or smoothed
  // by an amount computed from them, stays a target.
  const kept =
    result.kind === 'dist' &&
    (result.target.selfOf !== undefined || result.scaledBy !== undefined || !!result.target.unfixed);
  const bootstrapped =
    kept || (result.kind === 'tensor' && (result.trueProb || result.offTarget || result.probRatio));
  const opaque =
    (result.kind === 'tensor' || result.kind === 'dist' || result.kind === 'unknown') && !bootstrapped;
  if (!(da || db) || !opaque) return result;
  if (o === '**' && a.kind === 'tensor' && a.trueProb)
    return { kind: 'tensor', pred: 'nonlinear', trueProb: a.trueProb };
  if (o === '**') return predicted('nonlinear');
  if (!ARITHMETIC.has(o)) return result;
  return predicted(da === 'nonlinear' || db === 'nonlinear' ? 'nonlinear' : 'affine');
}

/**
 * A loss term times a prediction-derived factor. Any such factor re-weights a CE/BCE value; on log-probabilities
 * only a nonlinear one does (an affine one, like teacher probabilities, is a soft target).
 */
export function modulate(term: Value, factor: Value): Value | null {
  const d = derivationOf(factor);
  if (!d) return null;
  if (term.kind === 'loss') return { kind: 'loss', loss: { ...term.loss, modulated: true } };
  if (d !== 'nonlinear') return null;
  if (term.kind === 'logp' || term.kind === 'prod') return { ...term, modulated: true };
  if (term.kind === 'blog')
    return {
      kind: 'prod',
      target: tensorMix(),
      coefficient: ONE,
      factors: [],
      binary: term.neg ? 'q' : 'p',
      modulated: true,
      ...(term.opaque ? { opaque: true as const } : {}),
    };
  return null;
}

/**
 * Modulation re-weights samples; it does not change the targets. The convention stays the targets' own (a focal
 * loss on hard targets is `none`) and the reason says the loss is re-weighted.
 */
export function modulatedClassification(c: Classification): Classification {
  return { ...c, reason: c.reason ? `${MODULATION_REASON}; ${c.reason}` : MODULATION_REASON };
}
