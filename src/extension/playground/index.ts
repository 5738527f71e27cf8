import * as vscode from 'vscode';
import type { DataSource, PlaygroundSeed, Snapshot } from '../../core/protocol';
import { type PlaygroundCtx, PlaygroundPanel, SAVED_STATE_KEY } from './panel';

/** Hidden (not in the palette): integration tests read what the panel shows through it. */
export const SNAPSHOT_COMMAND = 'lossLens.playgroundSnapshot';
/** Hidden: integration tests read the state the host keeps for a new panel (long texts stored apart). */
export const SAVED_STATE_COMMAND = 'lossLens.playgroundSavedState';

/** Restores the panel after a reload or restart (activation event `onWebviewPanel:lossLens.playground`). */
export function registerPlayground(ctx: PlaygroundCtx & { subscriptions: vscode.Disposable[] }): void {
  ctx.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(PlaygroundPanel.viewType, {
      deserializeWebviewPanel: async (panel) => PlaygroundPanel.revive(ctx, panel),
    }),
    vscode.commands.registerCommand(SNAPSHOT_COMMAND, () => playgroundTestAccess.snapshot()),
    vscode.commands.registerCommand(SAVED_STATE_COMMAND, () =>
      ctx.extension.workspaceState.get(SAVED_STATE_KEY),
    ),
    { dispose: () => PlaygroundPanel.current?.dispose() },
  );
}

/** Opens (or reveals) the one playground, applies the seed; resolves once the webview is ready. */
export async function openPlayground(ctx: PlaygroundCtx, seed?: PlaygroundSeed): Promise<void> {
  await PlaygroundPanel.createOrShow(ctx, seed);
  // Tensors from elsewhere replace what a debugger sent: its label would no longer be true.
  if (seed?.logitsText !== undefined || seed?.targetsText !== undefined || seed?.weightText !== undefined)
    PlaygroundPanel.current?.showSource(null);
}

/** Opens the playground with data and says where it came from (the panel's source bar). */
export async function openPlaygroundFrom(
  ctx: PlaygroundCtx,
  seed: PlaygroundSeed,
  source: DataSource,
): Promise<void> {
  await PlaygroundPanel.createOrShow(ctx, seed);
  PlaygroundPanel.current?.showSource(source, seed);
}

/** Fires when the user clicks the panel's "Refresh from debugger". */
export const onPlaygroundRefresh: vscode.Event<void> = PlaygroundPanel.refreshRequests.event;

/** For extension-host integration tests only. */
export const playgroundTestAccess = {
  isOpen: (): boolean => PlaygroundPanel.current !== undefined,
  snapshot: (): Promise<Snapshot> | undefined => PlaygroundPanel.current?.snapshot(),
  panel: (): vscode.WebviewPanel | undefined => PlaygroundPanel.current?.panel,
};
