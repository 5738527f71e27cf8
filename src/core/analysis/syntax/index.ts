/**
 * Syntax: Python text → the lezer tree (error-tolerant, cut into chunks of top-level statements and reparsed
 * incrementally after an edit) → expressions (`Expr`) and statements (`Stmt`) simplified to what the dataflow needs.
 *
 * The only entry to this stage: other stages and the shells import from here, never from its files.
 */
export { drain } from './chunks';
export {
  type Arg,
  children,
  dottedPath,
  type Expr,
  type Span,
  sameTest,
  subExprs,
  testReads,
  toExpr,
} from './expr';
export { LineIndex, type PythonParse, parsePython, parsePythonSteps } from './parse';
export { bodyStatements, type Stmt, toStmt } from './stmt';
