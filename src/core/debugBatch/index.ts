/**
 * Sending values from a paused Python debugger to the playground, the pure part: the Python expressions asked
 * for, reading the debugger's answers exactly, refusals and row limits, and what the panel says about the data.
 */
export { decodeJsonResult, decodePythonString, resultText } from './evaluateResult';
export { type LossCallValues, lossCallValues } from './lossCall';
export {
  type LiveOption,
  liveOptions,
  OPTION_KEYWORDS,
  optionExpression,
  readOption,
  withDefaults,
} from './options';
export {
  checkValue,
  MAX_SENT_ELEMENTS,
  type Outcome,
  type Probe,
  ROLES,
  type Role,
  readProbe,
  rowLimit,
  type Sent,
} from './probe';
export { probeExpression, valuesExpression } from './pythonExpressions';
export {
  type DataSource,
  type FrameLocation,
  rowsNote,
  type SendItem,
  seedFromValues,
  sourceLabel,
} from './source';
export { expectedShape, readValues } from './values';
