import { type SmoothingConvention, spreadDivisor } from './conventions';

/**
 * The ε under `to` that gives the same smoothed targets as `epsilon` under `from` at `classes` classes
 * (every convention gives non-target entries ε/d, so ε scales by d_to/d_from). K−1 with ε ≡ uniform with
 * ε·K/(K−1). Binary conventions smooth over 2 outcomes; for batch max+1 pass max(t)+1 as `classes`.
 */
export function convertEpsilon(
  epsilon: number,
  from: SmoothingConvention,
  to: SmoothingConvention,
  classes: number,
): number {
  return (epsilon * spreadDivisor(to, classes)) / spreadDivisor(from, classes);
}
