/**
 * Smoothing toward a prior: a target (1 − ε)·onehot + ε·π whose off-target part is ε times a tensor the code
 * gives (a prior, class frequencies), linear in that tensor. A class count enters as 1/K or 1/(K − 1), never
 * linearly, so the uniform and K−1 forms never read as a prior; names with a number value are scalars, not π.
 */
import type { SymInfo } from '../bind';
import type { Mix } from '../eval';
import { evalSym } from '../eval';
import { close } from './probe';

export interface PriorSmoothing {
  /** The ε parameter's name. */
  epsilon: string;
  /** The names π is built from. */
  prior: string[];
  /** π is exactly one of them (the torch equivalent can name it). */
  single: boolean;
  /** The loss's total weight, as in `Classification.scale`. */
  scale: 'one' | 'perRow' | 'other';
}

const PROBES = [
  [0.137, 0.413],
  [0.291, 0.079],
];
const BATCH = 7;
const OTHER = 3;

/** The mix as (1 − ε)·s·onehot + ε·s·π for a factor s free of ε (1, or 1/N for a sum over the batch), or null. */
export function priorSmoothing(
  m: Mix,
  names: readonly string[],
  syms: Map<string, SymInfo>,
): PriorSmoothing | null {
  if (m.src !== 'index' || m.colZero || m.renorm || m.self) return null;
  const tensorNames = names.filter((n) => !n.startsWith('#') && syms.get(n)?.value === undefined);
  for (const epsilon of names.filter((n) => !n.startsWith('#'))) {
    const prior = tensorNames.filter((n) => n !== epsilon);
    if (prior.length === 0) continue;
    const at = (e: number, x: number) => (n: string) =>
      n === epsilon ? e : prior.includes(n) ? x : n === '#N' ? BATCH : (syms.get(n)?.value ?? OTHER);
    const factors = PROBES.map(([e, x]) => {
      const s = evalSym(m.hot, at(e!, x!)) / (1 - e!);
      const off = evalSym(m.off, at(e!, x!));
      const linear =
        close(evalSym(m.hot, at(2 * e!, x!)) / (1 - 2 * e!), s) &&
        close(evalSym(m.off, at(e!, 2 * x!)), 2 * off) &&
        close(evalSym(m.off, at(2 * e!, x!)), 2 * off);
      return linear && s !== 0 && off !== 0 && Number.isFinite(s) && Number.isFinite(off) ? s : null;
    });
    const [s] = factors;
    if (s === null || s === undefined || factors.some((f) => f === null || !close(f, s))) continue;
    const single = prior.length === 1 && close(evalSym(m.off, at(0.3, 0.7)), 0.21 * s);
    const scale = close(s, 1) ? 'one' : close(s * BATCH, 1) ? 'perRow' : 'other';
    return { epsilon, prior, single, scale };
  }
  return null;
}
