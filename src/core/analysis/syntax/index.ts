/**
 * Stage 1, syntax: Python text to a lezer tree (chunked, reparsed incrementally after edits) and that tree simplified
 * to expressions and statements. Other stages import it only through this file.
 */
export * from './chunks';
export * from './expr';
export * from './parse';
export * from './reparse';
export * from './split';
export * from './stmt';
