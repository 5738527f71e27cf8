export { analyzeAt, analyzeParsed, analyzePython, defaultSession } from './analyze';
export type { ImportSource } from './bind';
export * from './findings';
export * from './findings';
export { findingAt } from './findings';
export { AnalysisSession, type CacheStats, type SessionOptions } from './incremental';
export { type PythonParse, parsePython } from './syntax';
