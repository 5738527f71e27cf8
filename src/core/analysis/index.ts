export { analyzeAt, analyzeParsed, analyzePython, defaultSession } from './analyze';
export { findingAt } from './findingAt';
export * from './findings';
export type { ImportSource } from './module';
export { importCandidates, moduleOfPath, relativeFiles, relativeModule } from './modulePaths';
export { type CellSource, cellSource, inCell } from './notebook';
export { type PythonParse, parsePython } from './parse';
export * from './rules';
export { AnalysisSession, type CacheStats, type SessionOptions, type WorkspaceModules } from './session';
export {
  importedModules,
  importSource,
  type ModuleFiles,
  type ModuleFilesSync,
  type ResolvedImports,
  resolveImports,
} from './workspaceImports';
