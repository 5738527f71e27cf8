export { formatTensor } from './format';
export { parseTensor } from './parseTensor';
export {
  MAX_DEPTH,
  MAX_ELEMENTS,
  type ParseError,
  type ParseOptions,
  type ParseResult,
  type ParseSuccess,
  type TensorFormat,
} from './types';
