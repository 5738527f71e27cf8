export type { ImportSource } from './bind';
export {
  AnalysisSession,
  analyzeAt,
  analyzeParsed,
  analyzePython,
  type CacheStats,
  defaultSession,
  importedModules,
  importSource,
  type ModuleFiles,
  type ModuleFilesSync,
  type ResolvedImports,
  resolveImports,
  type SessionOptions,
  type WorkspaceModules,
} from './incremental';
export * from './results';
export * from './results';
export {
  type CellSource,
  cellSource,
  findingAt,
  importCandidates,
  inCell,
  moduleOfPath,
  relativeFiles,
  relativeModule,
} from './results';
export { type PythonParse, parsePython } from './syntax';
