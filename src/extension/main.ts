import type * as vscode from 'vscode';
import { registerCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { createCtx } from './ctx';
import { registerDiagnostics } from './diagnostics';
import { registerHovers } from './hovers';
import { registerInlayHints } from './inlayHints';
import { registerLargeFileNotice } from './largeFiles';
import { platform } from './platform';
import { registerPlayground } from './playground';
import { registerPrintedHover } from './printedHover';

export function activate(context: vscode.ExtensionContext): void {
  const ctx = createCtx(context);
  registerHovers(ctx);
  registerPrintedHover(ctx);
  registerInlayHints(ctx);
  registerDiagnostics(ctx);
  registerLargeFileNotice(ctx);
  registerCodeActions(ctx);
  registerCommands(ctx);
  registerPlayground(ctx);
  const host = platform.canSpawn
    ? 'Node extension host'
    : 'web worker extension host (Verify with Python off)';
  ctx.log.info(`Loss Lens ${context.extension.packageJSON.version} active in the ${host}`);
}

export function deactivate(): void {
  // Everything is disposed through `context.subscriptions`.
}
