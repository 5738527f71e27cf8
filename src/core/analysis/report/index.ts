/**
 * Stage 5, report: what a finding says: descriptions, torch equivalents (exact or closest, and why), definition
 * and call-site findings. Other stages import it only through this file.
 */
export * from './calls';
export * from './definitionFindings';
export * from './describe';
export * from './torchCallFinding';
export * from './torchEquivalent';
