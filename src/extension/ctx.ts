import * as vscode from 'vscode';
import { AnalysisCache } from './analysisCache';
import { Config } from './config';

/** Everything a feature needs, built once in `activate`; every disposable goes to `subscriptions`. */
export interface Ctx {
  readonly extension: vscode.ExtensionContext;
  readonly subscriptions: vscode.Disposable[];
  readonly config: Config;
  readonly log: vscode.LogOutputChannel;
  /** Findings per document version, shared by hovers, diagnostics, code actions and commands. */
  readonly analysis: AnalysisCache;
}

export function createCtx(extension: vscode.ExtensionContext): Ctx {
  const subscriptions = extension.subscriptions;
  const log = vscode.window.createOutputChannel('Loss Lens', { log: true });
  const config = new Config();
  const analysis = new AnalysisCache(log);
  subscriptions.push(log, config, analysis);
  return { extension, subscriptions, config, log, analysis };
}
