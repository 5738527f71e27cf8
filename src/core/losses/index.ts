export { binaryCrossEntropy } from './binaryCrossEntropy';
export { binaryCrossEntropyWithLogits } from './binaryCrossEntropyWithLogits';
export { crossEntropy } from './crossEntropy';
export { klDiv } from './klDiv';
export { logSoftmax, logSoftmaxBackward, logSumExp, softmax, splitAround } from './logSoftmax';
export { nllLoss } from './nllLoss';
export type {
  BaseLossOptions,
  BinaryLossOptions,
  BinaryWithLogitsOptions,
  ClassSmoothingConvention,
  CrossEntropyOptions,
  KlDivOptions,
  LossOptions,
  LossResult,
  NllLossOptions,
  Reduction,
} from './types';
