export { analyzeAt, analyzeParsed, analyzePython } from './analyze';
export { findingAt } from './findingAt';
export * from './findings';
export { type PythonParse, parsePython } from './parse';
export * from './rules';
