/** The prior convention's π for the prepared input, from the state's prior source; null for other conventions. */
import { parseTensor } from '../parse';
import { checkPrior, priorFromCounts, priorFromLabels } from '../smoothing/prior';
import type { Prepared } from './prepare';
import type { PlaygroundState } from './state';

type PriorFields = Pick<PlaygroundState, 'convention' | 'priorSource' | 'priorText' | 'ignoreIndex'>;

function pasted(text: string, what: string, classes: number): Float64Array {
  if (text.trim() === '') throw new RangeError(`paste the prior's ${what} (${classes} values)`);
  const parsed = parseTensor(text);
  if (!parsed.ok) throw new RangeError(`the prior's ${what}: ${parsed.error.message}`);
  return parsed.tensor.data;
}

/** Column sums of soft targets, or label counts of index targets: the targets' class frequencies. */
function frequencies(p: Prepared, ignoreIndex: number): Float64Array {
  if (p.targetKind === 'index') return priorFromLabels(p.target.data, p.cols, ignoreIndex);
  const sums = new Float64Array(p.cols);
  p.target.data.forEach((t, i) => {
    sums[i % p.cols]! += t;
  });
  return priorFromCounts(sums, p.cols);
}

export function resolvePrior(p: Prepared, state: PriorFields): Float64Array | null {
  if (state.convention !== 'prior') return null;
  if (p.family === 'binary') throw new RangeError('the prior convention is for cross-entropy, NLL and KL');
  switch (state.priorSource) {
    case 'frequencies':
      return frequencies(p, state.ignoreIndex);
    case 'counts':
      return priorFromCounts(pasted(state.priorText, 'class counts', p.cols), p.cols);
    case 'vector': {
      const prior = pasted(state.priorText, 'probabilities', p.cols);
      checkPrior(prior, p.cols);
      return prior;
    }
  }
}
