/**
 * KL against smoothed class indices without the dense (N, C) target: klDiv(input, smoothedTargets(...)) with the
 * same per-element arithmetic, summed in the same order, so the numbers are the dense path's to the last bit.
 */
import type { LossResult, Reduction } from '../losses';
import { xlogy } from '../losses/klDiv';
import { reductionScale } from '../losses/reduce';
import { scalar, tensor } from '../tensor';

export interface OneHotKl {
  /** The loss input (log-probabilities) as an (rows, cols) matrix, flat. */
  input: Float64Array;
  rows: number;
  cols: number;
  /** Class index per row; `ignoreIndex` rows have an all-zero target. */
  target: Float64Array;
  ignoreIndex: number;
  on: number;
  off: number;
  /** The shape torch sees (the pasted one): reductions and outputs follow it. */
  shape: readonly number[];
  reduction: Reduction;
  grad: boolean;
}

export function klDivOneHot(k: OneHotKl): LossResult {
  const { input: x, rows, cols, target, ignoreIndex, on, off } = k;
  const scale = reductionScale(k.shape, k.reduction);
  const none = k.reduction === 'none' ? new Float64Array(x.length) : undefined;
  const gradient = k.grad ? new Float64Array(x.length) : undefined;
  const onLogOn = xlogy(on, on);
  const offLogOff = xlogy(off, off);
  let total = 0;
  for (let r = 0; r < rows; r++) {
    const y = target[r]!;
    const kept = y !== ignoreIndex;
    const q = kept ? off : 0;
    const qLogQ = kept ? offLogOff : 0;
    const start = r * cols;
    const at = kept ? start + y : -1;
    if (!none && !gradient) {
      total = addRow(total, x, start, start + cols, at, on, onLogOn, q, qLogQ);
      continue;
    }
    for (let i = start; i < start + cols; i++) {
      const p = i === at ? on : q;
      const loss = (i === at ? onLogOn : qLogQ) - p * x[i]!;
      total += loss;
      if (none) none[i] = loss;
      if (gradient) gradient[i] = -p * scale;
    }
  }
  const output = none ? tensor(k.shape, none) : scalar(total * scale);
  return gradient ? { output, gradInput: { shape: [...k.shape], data: gradient } } : { output };
}

/**
 * `total` plus the row's terms in order (the slider-rest case: the value alone). A function of its own, called per
 * row, is optimised after a few rows; the same loop inline waited for on-stack replacement, 2–3× slower meanwhile.
 */
function addRow(
  total: number,
  x: Float64Array,
  start: number,
  end: number,
  at: number,
  on: number,
  onLogOn: number,
  q: number,
  qLogQ: number,
): number {
  let sum = total;
  for (let i = start; i < end; i++) sum += i === at ? onLogOn - on * x[i]! : qLogQ - q * x[i]!;
  return sum;
}
