import * as vscode from 'vscode';
import { type CommandName, commandId } from '../commandIds';
import type { Ctx } from '../ctx';
import { DebugSends } from '../debugBatch';
import { MarkdownViews } from '../markdownViews';
import { platform } from '../platform';
import { compareAtCursor } from './compareConventions';
import { explainAtCursor } from './explainLoss';
import { insertTorchEquivalent } from './insertTorchEquivalent';
import { openSampleLoss } from './openSample';
import { openPlaygroundWith, sendSelectionToPlayground } from './playground';
import type { CommandCtx, CommandFactory, CommandHandler } from './types';
import { verifyWithPython } from './verifyWithPython';

/** Every command, registered as `lossLens.<name>`; keys must equal `contributes.commands` (tested). */
export const COMMANDS: Readonly<Record<CommandName, CommandFactory>> = {
  openPlayground: (ctx) => (seed) => openPlaygroundWith(ctx, seed),
  explainLoss: (ctx) => () => explainAtCursor(ctx),
  sendSelectionToPlayground: (ctx) => () => sendSelectionToPlayground(ctx),
  compareConventions: (ctx) => (args) => compareAtCursor(ctx, args),
  insertTorchEquivalent: (ctx) => () => insertTorchEquivalent(ctx),
  verifyWithPython: (ctx) => () => verifyWithPython(ctx),
  sendDebugValueToPlayground: (ctx) => (args) => ctx.debugSends.fromCommand(ctx, args),
  refreshPlaygroundFromDebugger: (ctx) => () => ctx.debugSends.refresh(),
  openSampleLoss: (ctx) => () => openSampleLoss(ctx),
};

/** Commands never throw into VS Code's log: failures are logged and shown, and the command returns undefined. */
function guarded(ctx: Ctx, name: string, handler: CommandHandler): CommandHandler {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      ctx.log.error(`command ${name} failed`, error);
      void vscode.window.showErrorMessage(
        `Loss Lens: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
  };
}

/** Context key for `when` clauses: true where the host can start processes (hides Verify in the browser). */
const CAN_SPAWN_CONTEXT = 'lossLens.canSpawn';

export function registerCommands(ctx: Ctx): void {
  void vscode.commands.executeCommand('setContext', CAN_SPAWN_CONTEXT, platform.canSpawn);
  const views = new MarkdownViews();
  const debugSends = new DebugSends(ctx);
  const commandCtx: CommandCtx = { ...ctx, views, debugSends };
  ctx.subscriptions.push(views, debugSends);
  for (const [name, factory] of Object.entries(COMMANDS)) {
    const id = commandId(name as CommandName);
    ctx.subscriptions.push(vscode.commands.registerCommand(id, guarded(ctx, id, factory(commandCtx))));
  }
}
