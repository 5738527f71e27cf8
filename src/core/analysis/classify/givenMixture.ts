import type { SymInfo } from '../bind';
import type { Mix } from '../eval';
import { add, evalSym, mul, type Scalar, sym, symNames } from '../eval';
import { close, PROBE_VALUES } from './probe';

/**
 * A target mixing two given target tensors with weights that sum to 1 (`lam * y_a + (1 - lam) * y_b`: mixup or
 * CutMix of the labels), no constant share in it: a soft target, not smoothing. Probed on the target as a whole,
 * hot·t + off, since which of the function's tensor-or-number parameters reads as t is arbitrary.
 */
export function mixesGivenTargets(m: Mix, syms: Map<string, SymInfo>): boolean {
  if (m.src !== 'tensor' || m.tensor === undefined) return false;
  const target = add(mul(m.hot, sym(m.tensor)), m.off);
  const names = [...symNames(target)];
  const candidates = names.filter((n) => syms.get(n)?.tensorCandidate);
  return candidates.some((a) => candidates.some((b) => a < b && convexIn(target, a, b, names)));
}

/** The target is affine in a and b, zero at a = b = 0, and the two coefficients sum to 1, whatever the rest is. */
function convexIn(target: Scalar, a: string, b: string, names: string[]): boolean {
  return [0, 1].every((base) => {
    const at = (va: number, vb: number): number =>
      evalSym(target, (n) =>
        n === a ? va : n === b ? vb : PROBE_VALUES[(names.indexOf(n) + base * 3) % PROBE_VALUES.length],
      );
    const zero = at(0, 0);
    const ca = at(1, 0) - zero;
    const cb = at(0, 1) - zero;
    const affine = [0.5, 2].every((v) => close(at(v, 3 - v), v * ca + (3 - v) * cb));
    return close(zero, 0) && affine && close(ca + cb, 1) && !close(ca, 0) && !close(cb, 0);
  });
}
