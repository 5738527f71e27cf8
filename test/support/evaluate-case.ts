// Maps one torch fixture case (see ../shared/fixtures/README.md) onto the core's public API.
import {
  binaryCrossEntropy,
  binaryCrossEntropyWithLogits,
  crossEntropy,
  klDiv,
  type LossResult,
  logSoftmax,
  logSoftmaxBackward,
  nllLoss,
  type Reduction,
} from '../../src/core/losses';
import { type Tensor, tensor } from '../../src/core/tensor';

/** A number as the fixtures write it: non-finite values are the strings "nan", "inf", "-inf". */
export type FixtureNumber = number | 'nan' | 'inf' | '-inf';

export interface FixtureTensor {
  shape: number[];
  data: FixtureNumber[];
  dtype?: string;
}

export type FixtureFn =
  | 'cross_entropy'
  | 'nll_loss'
  | 'binary_cross_entropy'
  | 'binary_cross_entropy_with_logits'
  | 'kl_div'
  | 'log_softmax';

export interface FixtureOptions {
  reduction?: Reduction;
  labelSmoothing?: number;
  smoothing?: 'k_minus_1';
  weight?: FixtureTensor | null;
  ignoreIndex?: number;
  posWeight?: FixtureTensor | null;
  logTarget?: boolean;
  dim?: number;
}

export interface FixtureCase {
  id: string;
  fn: FixtureFn;
  input: FixtureTensor;
  target: FixtureTensor;
  options: FixtureOptions;
  expected: { output: FixtureTensor; gradInput?: FixtureTensor; gradOf?: 'sum' };
  note?: string;
}

export interface EvaluatedTensor {
  shape: number[];
  data: ArrayLike<number>;
}

export function evaluateCase(c: FixtureCase): { output: EvaluatedTensor; gradInput?: EvaluatedTensor } {
  const input = toTensor(c.input);
  const target = toTensor(c.target);
  const result =
    c.fn === 'log_softmax' ? logSoftmaxWithGrad(input, c.options.dim ?? -1) : runLoss(c, input, target);
  const output = { shape: [...result.output.shape], data: result.output.data };
  if (!result.gradInput) return { output };
  return { output, gradInput: { shape: [...result.gradInput.shape], data: result.gradInput.data } };
}

export function decodeNumber(v: FixtureNumber): number {
  if (v === 'nan') return Number.NaN;
  if (v === 'inf') return Number.POSITIVE_INFINITY;
  if (v === '-inf') return Number.NEGATIVE_INFINITY;
  return v;
}

function toTensor(t: FixtureTensor): Tensor {
  return tensor(t.shape, t.data.map(decodeNumber));
}

function optionalTensor(t: FixtureTensor | null | undefined): Tensor | undefined {
  return t ? toTensor(t) : undefined;
}

/** Output and the gradient of its sum, as the fixtures record for log_softmax. */
function logSoftmaxWithGrad(input: Tensor, dim: number): LossResult {
  const output = logSoftmax(input, dim);
  const ones = tensor(output.shape, new Float64Array(output.data.length).fill(1));
  return { output, gradInput: logSoftmaxBackward(output, ones, dim) };
}

function runLoss(c: FixtureCase, input: Tensor, target: Tensor): LossResult {
  const o = c.options;
  const common = { reduction: o.reduction ?? 'mean', grad: true } as const;
  const weight = optionalTensor(o.weight);
  const byIndex = c.target.dtype === 'int64';
  switch (c.fn) {
    case 'cross_entropy':
      return crossEntropy(input, target, {
        ...common,
        weight,
        ignoreIndex: o.ignoreIndex,
        labelSmoothing: o.labelSmoothing,
        smoothingConvention: o.smoothing ?? 'uniform',
        targetKind: byIndex ? 'index' : undefined,
      });
    case 'nll_loss':
      return nllLoss(input, target, { ...common, weight, ignoreIndex: o.ignoreIndex });
    case 'binary_cross_entropy':
      return binaryCrossEntropy(input, target, { ...common, weight, labelSmoothing: o.labelSmoothing });
    case 'binary_cross_entropy_with_logits': {
      const posWeight = optionalTensor(o.posWeight);
      return binaryCrossEntropyWithLogits(input, target, {
        ...common,
        weight,
        posWeight,
        labelSmoothing: o.labelSmoothing,
      });
    }
    case 'kl_div':
      return klDiv(input, target, { ...common, logTarget: o.logTarget });
    default:
      throw new RangeError(`unknown fixture fn ${String(c.fn)}`);
  }
}
