/**
 * What the analysis remembers: the `AnalysisSession` and its caches, the keys of what each definition reads, and
 * the per-parse file analysis. Other stages import it only through this file.
 */
export * from './cache';
export * from './dependencies';
export * from './fileAnalysis';
export * from './incremental';
export * from './session';
export * from './textIds';
