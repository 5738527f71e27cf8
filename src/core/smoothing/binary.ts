import { broadcastTo } from '../losses/broadcast';
import { sameShape } from '../losses/classLayout';
import type { Tensor } from '../tensor';
import type { SmoothingConvention } from './conventions';
import type { ElementLosses, LinePieces } from './line';
import type { LossInputOptions } from './options';
import { binaryDivisor, smoothTargets } from './targets';

/** Per-element -log p and -log(1-p) scaled by the weights, so that loss(q) = q·positive + (1-q)·negative. */
export interface BinaryTerms {
  readonly shape: readonly number[];
  readonly positive: Float64Array;
  readonly negative: Float64Array;
}

/** torch's BCE clamps each log at -100 so that p = 0 or 1 gives a finite loss. */
const LOG_FLOOR = -100;

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

function checkProbability(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`BCE needs probabilities in [0, 1], got ${p}`);
  return p;
}

export function binaryTerms(input: Tensor, target: Tensor, options: LossInputOptions): BinaryTerms {
  const { shape, data } = input;
  if (!sameShape(target.shape, shape)) {
    throw new RangeError(`targets of shape [${target.shape}] do not match the input [${shape}]`);
  }
  if (options.posWeight && options.input === 'probabilities') throw new RangeError('posWeight needs logits');
  const weight = options.weight ? broadcastTo(options.weight, shape, 'weight') : undefined;
  const posWeight = options.posWeight ? broadcastTo(options.posWeight, shape, 'posWeight') : undefined;
  const positive = new Float64Array(data.length);
  const negative = new Float64Array(data.length);
  for (let j = 0; j < data.length; j++) {
    const w = weight?.[j] ?? 1;
    if (options.input === 'probabilities') {
      const p = checkProbability(data[j]!);
      positive[j] = -w * Math.max(Math.log(p), LOG_FLOOR);
      negative[j] = -w * Math.max(Math.log1p(-p), LOG_FLOOR);
    } else {
      positive[j] = w * (posWeight?.[j] ?? 1) * softplus(-data[j]!);
      negative[j] = w * softplus(data[j]!);
    }
  }
  return { shape, positive, negative };
}

/** Direct evaluation: BCE against the smoothed targets. */
export function binaryLosses(
  input: Tensor,
  target: Tensor,
  alpha: number,
  convention: SmoothingConvention,
  options: LossInputOptions,
): ElementLosses {
  const { shape, positive, negative } = binaryTerms(input, target, options);
  const q = smoothTargets(target, 2, alpha, convention).data;
  const values = q.map((qj, j) => qj * positive[j]! + (1 - qj) * negative[j]!);
  return { shape, values, meanDenominator: values.length };
}

/** q = t + α·(1/d - t), so loss = [t·positive + (1-t)·negative] + α·(1/d - t)·(positive - negative). */
export function binaryLine(terms: BinaryTerms, target: Tensor, convention: SmoothingConvention): LinePieces {
  const { shape, positive, negative } = terms;
  const share = 1 / binaryDivisor(target, convention);
  const t = target.data;
  const intercept = t.map((tj, j) => tj * positive[j]! + (1 - tj) * negative[j]!);
  const slope = t.map((tj, j) => (share - tj) * (positive[j]! - negative[j]!));
  return { shape, intercept, slope, meanDenominator: t.length };
}
