/**
 * Pitfalls: the rules that flag a mistake in loss code (softmax into CE, BCE on logits, `max()+1` class counts, …),
 * each registered once in `results/rules.ts`, scanned over a module's calls and definitions.
 *
 * The only entry to this stage: other stages and the shells import from here, never from its files.
 */
export { torchCallPitfalls } from './callPitfalls';
export { definitionPitfalls } from './definitionPitfalls';
export { pitfall } from './pitfall';
export { collectNodes, scanPitfalls } from './scan';
