export { type PythonParse, parsePython } from './parse';
export { analyzeParsed, analyzePython } from './analyze';
export { findingAt } from './findingAt';
export * from './findings';
export * from './rules';
