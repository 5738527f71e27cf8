/**
 * The parser and the analysis engine (`incrementalAnalysis.ts`), most of the extension's code: loaded on first use,
 * never at activation. The desktop build makes it a file of its own (`dist/analysis.js`, see scripts/build.mjs);
 * the web extension host cannot load files, so the web build keeps it in its one bundle, still initialised lazily.
 */
export type Engine = typeof import('./incrementalAnalysis');

let engine: Engine | undefined;

export function loadEngine(): Engine {
  engine ??= require('./incrementalAnalysis') as Engine;
  return engine;
}
