import { MODEL, PLACED_OVER_PREDICTION, variesReason } from '../classify';
import type { Expr } from '../syntax';
import { derivationOf } from './modulation';
import { ONE, type Scalar, ZERO } from './scalar';
import { type Mix, mix, scalarOf, type Value } from './values';

type Index = (Expr | 'slice')[];

/**
 * The true class given a share computed per sample from the model (`scatter_(1, y, 1 − α·p_y)`, `q[rows, y] = 1 − ε_i`):
 * the smoothing amount varies per sample, whatever fixed form the rest resembles.
 */
export function adaptiveTrueClass(base: Mix): Mix {
  return { ...base, hot: ONE, off: ZERO, src: 'index', unfixed: variesReason(MODEL) };
}

/**
 * `q[:, :] = v` (every slice unbounded): whatever q held is gone, a fill of v. A number is a constant fill; a value
 * computed per sample from predictions (`ε_i / (K − 1)`, ε_i from a teacher's confidence) a fill whose smoothing
 * amount varies per sample.
 */
export function wholeOverwrite(index: Index, bounded: boolean, value: Value): Value | null {
  if (bounded || index.length === 0 || !index.every((i) => i === 'slice')) return null;
  const s = scalarOf(value);
  if (s) return { kind: 'dist', target: mix(ZERO, s, 'none') };
  if (!derivationOf(value)) return null;
  return { kind: 'dist', target: { ...mix(ZERO, ZERO, 'none'), unfixed: variesReason(MODEL) } };
}

/**
 * `q[rows, y] = c` (y the labels) on probabilities (`q = α·p / Σ_{k≠y} p_k`): the true class set to a share, the other classes left
 * in the predictions' proportions (label relaxation, smoothing toward a teacher). A share computed per sample from
 * the predictions (`1 − ε·p_y`) is one too. 0, a negative or a number above 1 there (`p[rows, y] = 0`, −inf: the
 * other classes' maximum) is no share of a target.
 */
export function placedOverPrediction(
  obj: Value,
  index: Index,
  value: Value,
  labels: string | undefined,
): Value | null {
  if (labels === undefined || !derivationOf(obj) || index.length !== 2 || index.includes('slice'))
    return null;
  const s = scalarOf(value);
  if (!(s ? isShare(s) : derivationOf(value))) return null;
  return {
    kind: 'dist',
    target: { ...mix(s ?? ONE, ZERO, 'index'), unfixed: PLACED_OVER_PREDICTION, placedAt: labels },
  };
}

function isShare(s: Scalar): boolean {
  return s.kind !== 'number' || (s.value > 0 && s.value <= 1);
}
