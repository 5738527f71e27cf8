import type { Value } from './values';

/**
 * A helper's result in its caller's terms. A parameter given an argument the analysis cannot read (a model's
 * output) keeps the helper's own reading of it, named by the parameter; out of the helper that name means nothing,
 * and two calls' parameters of one name (the `net_output` of a teacher's decoder and of a student's) would read as
 * one source: the student's own prediction, where it is a teacher's. Probabilities and log-probabilities named by
 * such a parameter take the name of the caller's argument instead (`renamed`: parameter → the argument's text).
 */
export function inCallerTerms(v: Value, renamed: ReadonlyMap<string, string>): Value {
  if (renamed.size === 0) return v;
  if ((v.kind === 'prob' || v.kind === 'logp') && v.source !== undefined && renamed.has(v.source))
    return { ...v, source: renamed.get(v.source) };
  if (v.kind === 'tuple') return { ...v, items: v.items.map((i) => inCallerTerms(i, renamed)) };
  return v;
}
