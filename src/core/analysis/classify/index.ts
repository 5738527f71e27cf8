/**
 * Classify: targets before claims: a definition's returned value matched against the forms of each convention
 * (convention, ε, K, scale), or the reason its target is no fixed form.
 *
 * The only entry to this stage: other stages and the shells import from here, never from its files.
 */
export type { Classification } from './classify';
export { analyzeDefinition, type DefinitionResult, ownLossMethods, type Setting } from './definitions';
export { mixesGivenTargets } from './givenMixture';
export { positionalBinaryTarget, twoColumnTarget } from './targetPair';
export {
  INSIDE_LOG,
  keptTableReason,
  MODEL,
  ONE_SIDED,
  PLACED_OVER_PREDICTION,
  RELAXED,
  variesReason,
} from './unfixedTargets';
