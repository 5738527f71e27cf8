/**
 * Incremental: the analysis session (every cache, keyed on what each node reads), whole-file and at-a-position
 * analysis, notebook cells after their preludes, and the workspace's own imports followed.
 *
 * The only entry to this stage: other stages and the shells import from here, never from its files.
 */
export { analyzeAt, analyzeParsed, analyzePython, defaultSession } from './analyze';
export { type CachedDefinition, shift } from './cache';
export { AnalysisSession, type CacheStats, type SessionOptions, type WorkspaceModules } from './session';
export { unlessTooDeep } from './stackGuard';
export type { Memo } from './textIds';
export {
  importedModules,
  importSource,
  type ModuleFiles,
  type ModuleFilesSync,
  type ResolvedImports,
  resolveImports,
} from './workspaceImports';
