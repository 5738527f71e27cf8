/**
 * Evaluate: each definition run abstractly, path by path; values (`Value`) carry their provenance (label-derived
 * targets, log-probabilities of logits, masks, numbers as `Scalar` expressions) rather than their names.
 *
 * The only entry to this stage: other stages and the shells import from here, never from its files.
 */
export { mixMass, mixOf } from './arith';
export { chainedHelpers } from './helperChain';
export { evalExpr, runFunction } from './interp';
export { libraryDefinition, type TrainingSetting, trainingSetting } from './library';
export { MODULATION_REASON, modulatedClassification } from './modulation';
export { type HardTargetKind, hardTargetKind } from './provenance';
export {
  add,
  asOperand,
  evalSym,
  formatNumber,
  mul,
  num,
  ONE,
  type Scalar,
  showSym,
  sub,
  sym,
  symNames,
  ZERO,
} from './scalar';
export {
  headOf,
  inheritedMethod,
  inheritedTorchLoss,
  instanceLoss,
  pickReturn,
  workspaceDefinition,
} from './semantics';
export { reduce } from './tensorOps';
export { bindArgs, resolveTorchApi, type TorchApi } from './torchApi';
export { moduleCall, type TorchLossCall, withReduction } from './torchLossCall';
export {
  type Injection,
  isSmoothedTarget,
  type LossInfo,
  labelDerived,
  lossOf,
  type Mix,
  masksTrueClass,
  mix,
  numberCoefficients,
  paramMix,
  scalarCoefficients,
  scalarOf,
  UNKNOWN,
  type Value,
} from './values';
