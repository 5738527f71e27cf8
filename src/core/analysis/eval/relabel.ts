import { add, sub } from './scalar';
import { type Mix, scalarOf, tensorMix, type Value } from './values';

/**
 * `t[t == 1] = 1 − s; t[t == 0] = s`: binary labels rewritten in place where a test of them holds. The target keeps
 * what the other side held (1 on the positives, 0 on the negatives until an assignment sets them): here t(1 − 2s) + s.
 * `test` is the index's value (a label test, `whereOne` telling which side it holds on).
 */
export function relabelled(labels: Value, test: Value, value: Value): Value | null {
  const at = test.kind === 'tensor' ? test.labelTest : undefined;
  const v = scalarOf(value);
  if (!at || !v) return null;
  const base =
    relabelledLabels(labels) === at.labels && labels.kind === 'dist'
      ? labels.target
      : fresh(labels, at.labels);
  if (!base) return null;
  const target: Mix = at.whereOne
    ? { ...base, hot: sub(v, base.off) }
    : { ...base, off: v, hot: sub(add(base.hot, base.off), v) };
  return { kind: 'dist', target };
}

/** The labels a target rewritten by `relabelled` still names: tests of it are tests of those labels. */
export function relabelledLabels(v: Value): string | undefined {
  return v.kind === 'dist' && v.target.src === 'tensor' ? v.target.tensor : undefined;
}

/** The labels themselves (a parameter or a view of one) as a target: 1 on the positives, 0 on the negatives. */
function fresh(labels: Value, name: string): Mix | null {
  const own =
    (labels.kind === 'param' && labels.value.kind === 'symbol' && labels.value.name === name) ||
    (labels.kind === 'tensor' && labels.viewOf === name);
  return own ? tensorMix(name) : null;
}
