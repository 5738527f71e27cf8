/**
 * Results: what the analysis gives the shells, readable without loading the parser: the `Finding` types, the
 * pitfall rule registry (ids, severities), the finding at a position, notebook cell geometry and where an
 * imported module lies (`modulePaths`).
 *
 * The only entry to this stage: other stages and the shells import from here, never from its files.
 */
export { findingAt } from './findingAt';
export * from './findings';
export { importCandidates, moduleOfPath, relativeFiles, relativeModule, splitQualified } from './modulePaths';
export { type CellSource, cellSource, editBetween, inCell } from './notebook';
export * from './rules';
