/**
 * The analysis's vocabulary, light enough for the extension's activation path: the `Finding` type, the pitfall rule
 * registry, raw findings and finding lookup. Other stages import it only through this file.
 */
export * from './findingAt';
export * from './findings';
export * from './raw';
export * from './rules';
