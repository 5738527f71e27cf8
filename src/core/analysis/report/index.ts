/**
 * Report: findings for definitions, call sites and training settings: messages, the torch equivalent (or the
 * closest call and what differs), other modes.
 *
 * The only entry to this stage: other stages and the shells import from here, never from its files.
 */
export { type CallExpr, callFindings, constantNumber, type ResultOf } from './calls';
export { analyzeFresh } from './definitionFindings';
export type { RawEdit, RawFinding } from './raw';
export { trainingSettingFindings } from './trainingSettings';
export { resolvedByConstructions } from './wrappedCriterion';
