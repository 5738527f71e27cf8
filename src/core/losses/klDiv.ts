import type { Tensor } from '../tensor';
import { checkSameShape, elementwiseLoss } from './elementwise';
import type { KlDivOptions, LossResult } from './types';

/** torch.nn.functional.kl_div(input = log q, target = p or log p); 'batchmean' divides the sum by the batch size. */
export function klDiv(input: Tensor, target: Tensor, options: KlDivOptions = {}): LossResult {
  checkSameShape(input, target, 'klDiv');
  const x = input.data;
  const t = target.data;
  const logTarget = options.logTarget ?? false;
  return elementwiseLoss(input, options.reduction ?? 'mean', options.grad ?? false, (i, scale, out) => {
    const p = logTarget ? Math.exp(t[i]!) : t[i]!;
    out.loss = logTarget ? p * (t[i]! - x[i]!) : xlogy(p, p) - p * x[i]!;
    out.grad = -p * scale;
  });
}

/** torch.xlogy: 0 when x is 0 (unless y is nan), else x·log(y). */
export function xlogy(x: number, y: number): number {
  if (Number.isNaN(y)) return Number.NaN;
  return x === 0 ? 0 : x * Math.log(y);
}
