/**
 * Pure explanations for hovers and commands: a `Finding` → Markdown (every user-derived string escaped),
 * convention comparison tables, smoothed-target tables, the playground seed a finding implies.
 */
export { type CompareRequest, compareConventions } from './compare';
export { type Detail, type ExplainOptions, explainFinding, type LinkCommands } from './hover';
export { codeBlock, commandLink, escapeMarkdown, formatNumber, inlineCode } from './markdown';
export { exampleFinding, type Resolved, resolve } from './resolve';
export { seedFromFinding } from './seed';
export { DEFAULT_TABLE_CLASSES, smoothedTargetTable } from './targets';
