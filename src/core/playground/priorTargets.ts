/** The prior convention's dense (N, C) target: (1−ε)·onehot(y) + ε·π, or (1−ε)·t + ε·π for soft targets. */
import { priorTargets } from '../smoothing/prior';
import type { Tensor } from '../tensor';
import type { Prepared } from './prepare';

export function priorMatrix(
  p: Prepared,
  epsilon: number,
  prior: Float64Array | null,
  ignoreIndex: number,
): Tensor {
  if (!prior) throw new RangeError('the prior convention needs a prior');
  if (p.targetKind === 'index') return priorTargets(p.target, p.cols, epsilon, prior, ignoreIndex);
  const data = p.target.data.map((t, i) => (1 - epsilon) * t + epsilon * prior[i % p.cols]!);
  return { shape: p.target.shape, data };
}
