import { evalSym, type Sym, sub, symNames } from './sym';
import { type AV, type LossInfo, lossOf, mix, scalarOf } from './values';

const PROBES = [0.137, 0.291, 0.413];

/**
 * `return pos, neg`: two scalars that always sum to 1 and depend on a parameter are the positive and negative
 * targets of a binary (sigmoid) loss, i.e. targets t·(pos − neg) + neg for t ∈ {0, 1}.
 */
export function binaryTargetPair(v: AV): LossInfo | null {
  if (v.k !== 'tuple' || v.items.length !== 2) return null;
  const [pos, neg] = v.items.map(scalarOf);
  if (!pos || !neg || symNames(neg).size === 0) return null;
  const at = (s: Sym, x: number): number => evalSym(s, () => x);
  const complementary = PROBES.every((x) => Math.abs(at(pos, x) + at(neg, x) - 1) < 1e-9);
  const smoothing = PROBES.some((x) => Math.abs(at(neg, x)) > 1e-9);
  if (!complementary || !smoothing) return null;
  const l = lossOf(mix(sub(pos, neg), neg, 'tensor'), { binary: true });
  return l.k === 'loss' ? l.l : null;
}
