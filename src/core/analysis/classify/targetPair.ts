import {
  evalSym,
  type LossInfo,
  labelDerived,
  lossOf,
  type Mix,
  mix,
  mixOf,
  num,
  type Scalar,
  scalarOf,
  sub,
  symNames,
  type Value,
} from '../eval';

const PROBES = [0.137, 0.291, 0.413];

/**
 * `return pos, neg`: two scalars that always sum to 1 and depend on a parameter are the positive and negative
 * targets of a binary (sigmoid) loss, i.e. targets t·(pos − neg) + neg for t ∈ {0, 1}.
 */
export function binaryTargetPair(v: Value): LossInfo | null {
  if (v.kind !== 'tuple' || v.items.length !== 2) return null;
  const [pos, neg] = v.items.map(scalarOf);
  if (!pos || !neg || !smoothedPair(pos, neg)) return null;
  const l = lossOf(mix(sub(pos, neg), neg, 'tensor'), { binary: true });
  return l.kind === 'loss' ? l.loss : null;
}

/** Positive and negative target values that sum to 1, set by a parameter, the negative one not always 0. */
function smoothedPair(pos: Scalar, neg: Scalar): boolean {
  if (symNames(neg).size === 0) return false;
  const at = (s: Scalar, x: number): number => evalSym(s, () => x);
  const complementary = PROBES.every((x) => Math.abs(at(pos, x) + at(neg, x) - 1) < 1e-9);
  return complementary && PROBES.some((x) => Math.abs(at(neg, x)) > 1e-9);
}

/** Stands for labels given by position: the rows of the first block are the positives. */
const BY_POSITION = '#position';

/**
 * `torch.cat([ones(n, 1) * (1 − ε), ones(m, 1) * ε])` along the batch: labels given by position (a domain
 * discriminator's source rows, then its target rows) whose values sum to 1 and are set by a parameter: binary labels
 * t smoothed to t·(pos − neg) + neg (environment label smoothing). Hard 1 / 0 blocks are left as they were.
 */
export function positionalBinaryTarget(items: Value[]): Value | null {
  if (items.length !== 2) return null;
  const [pos, neg] = items.map(fillValue);
  if (!pos || !neg || !smoothedPair(pos, neg)) return null;
  return { kind: 'dist', target: { ...mix(sub(pos, neg), neg, 'tensor'), tensor: BY_POSITION } };
}

/** The number a constant fill holds everywhere (`torch.ones(n, 1) * v`). */
function fillValue(v: Value): Scalar | null {
  const m = v.kind === 'dist' ? v.target : null;
  if (!m || m.src !== 'none' || m.self || m.unfixed) return null;
  return PROBES.every((x) => evalSym(m.hot, () => x) === 0) ? m.off : null;
}

/**
 * `torch.cat([1 - t, t], 1)` (or `stack`, either order) of a target t built from binary labels: the same target
 * as a distribution over two classes, the label's column holding t. Null unless one column is 1 minus the other.
 */
export function twoColumnTarget(items: Value[]): Value | null {
  if (items.length !== 2) return null;
  const [a, b] = items.map(mixOf);
  if (!a || !b || !labelDerived(a) || !labelDerived(b) || !complementary(a, b)) return null;
  const positive = evalSym(a.hot, probe(0)) > 0 ? a : b;
  return { kind: 'dist', target: { ...positive, classes: num(2) } };
}

function complementary(a: Mix, b: Mix): boolean {
  return PROBES.every((_, i) => {
    const at = (s: Scalar) => evalSym(s, probe(i));
    return Math.abs(at(a.hot) + at(b.hot)) < 1e-9 && Math.abs(at(a.off) + at(b.off) - 1) < 1e-9;
  });
}

/** Distinct values for distinct names, so that unrelated symbols never cancel by accident. */
function probe(i: number): (name: string) => number {
  return (name) => PROBES[i] + [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 997, 7) / 1000;
}
