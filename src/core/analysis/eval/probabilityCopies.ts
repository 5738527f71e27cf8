import { isConst, ONE } from './scalar';
import { scalarOf, sourceOf, TENSOR, type Value } from './values';

/**
 * Probabilities carried through the ops that copy them (word-level distillation's top-k teacher): fairseq's
 * `model.get_normalized_probs(out, log_probs=…)` is the (log-)softmax of `out`; the top k of probabilities are
 * probabilities (with their indices); and probabilities scattered back into a fill (`zeros.scatter(1, idx, top)`)
 * are a sparse copy of that distribution, not values placed at the labels: a soft target of the same source.
 */
export function probabilityCopy(
  obj: Value,
  name: string,
  args: Value[],
  kw: Map<string, Value>,
): Value | null {
  if (name === 'get_normalized_probs') return normalizedProbs(args[0], args[1] ?? kw.get('log_probs'));
  if (obj.kind === 'prob' && (name === 'topk' || name === 'sort'))
    return { kind: 'tuple', items: [obj, TENSOR] };
  const placed = args[2] ?? kw.get('src');
  if (name.startsWith('scatter') && !name.startsWith('scatter_add') && placed?.kind === 'prob') return placed;
  return null;
}

function normalizedProbs(output: Value | undefined, logProbs: Value | undefined): Value | null {
  const flag = logProbs ? scalarOf(logProbs) : null;
  if (!output || flag?.kind !== 'number') return null;
  const source = sourceOf(output);
  return isConst(flag, 0)
    ? { kind: 'prob', multi: true, neg: false, source }
    : { kind: 'logp', coefficient: ONE, factors: [], source };
}
