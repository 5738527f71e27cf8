/**
 * Stage 6, pitfalls: the checks behind every registered rule (softmax into cross-entropy, BCE on logits, batch class
 * counts, deprecated arguments, weights in log-probabilities, …). Other stages import it only through this file.
 */
export * from './bceOnLogits';
export * from './callPitfalls';
export * from './definitionPitfalls';
export * from './moduleOutput';
export * from './pitfall';
export * from './resolve';
export * from './scan';
export * from './softmaxIntoCe';
export * from './source';
