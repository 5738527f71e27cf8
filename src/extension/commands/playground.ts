import * as vscode from 'vscode';
import { resolve, seedFromFinding } from '../../core/explain';
import { isPlaygroundSeed } from '../../core/playground/seed';
import type { PlaygroundSeed } from '../../core/protocol';
import { openPlayground } from '../playground';
import { findingsAtCursor } from './cursor';
import type { CommandCtx } from './types';

async function seedAtCursor(ctx: CommandCtx): Promise<PlaygroundSeed | undefined> {
  const at = await findingsAtCursor(ctx, true);
  return at && seedFromFinding(at.primary, resolve(at.primary, ctx.config.defaultEpsilon));
}

/** Opens the playground seeded by a command link's argument, else by the loss at the cursor; returns the seed. */
export async function openPlaygroundWith(
  ctx: CommandCtx,
  args: unknown,
): Promise<PlaygroundSeed | undefined> {
  const seed = isPlaygroundSeed(args) ? args : await seedAtCursor(ctx);
  await openPlayground(ctx, seed);
  return seed;
}

/** Sends the selected text to the playground as logits; returns the seed sent. */
export async function sendSelectionToPlayground(ctx: CommandCtx): Promise<PlaygroundSeed | undefined> {
  const editor = vscode.window.activeTextEditor;
  const text = editor?.document.getText(editor.selection).trim();
  if (!text) {
    void vscode.window.showInformationMessage(
      'Loss Lens: select tensor text (logits) to send to the playground.',
    );
    return undefined;
  }
  const seed: PlaygroundSeed = { logitsText: text };
  if (!isPlaygroundSeed(seed)) {
    void vscode.window.showWarningMessage('Loss Lens: the selection is too long for the playground.');
    return undefined;
  }
  await openPlayground(ctx, seed);
  return seed;
}
