/**
 * Stage 3, evaluate: runs a definition abstractly over values that carry their provenance (targets built from the
 * labels, log-probabilities and their source, masks, parameters that may be tensors), along every path. Other
 * stages import it only through this file.
 */
export * from './arith';
export * from './branches';
export * from './interp';
export * from './modulation';
export * from './semantics';
export * from './sym';
export * from './targetPair';
export * from './tensorOps';
export * from './torchLossCall';
export * from './values';
