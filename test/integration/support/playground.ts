import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extension, waitFor } from './workspace';

/** What the playground reports about itself (src/core/protocol.ts `GetSnapshot`). */
export interface Snapshot {
  state: { logitsText: string; targetsText: string; epsilon: number; convention: string };
  lossText: string;
  lossValue: number | null;
  errors: string[];
}

export const SEED_000 = {
  logitsText: '[[0, 0.2, 0.7, 0.1, 0],\n [0, 0.9, 0.2, 0.2, 1],\n [1, 0.2, 0.7, 0.9, 1]]',
  targetsText: '[2, 1, 0]',
  epsilon: 0.5,
};

export function playgroundTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .filter(
      (t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('lossLens.playground'),
    );
}

type SnapshotFn = () => Promise<Snapshot>;

/** The test hook to ask the panel for a snapshot: an exported function, or a (hidden) lossLens command. */
async function snapshotHook(): Promise<SnapshotFn> {
  const exported = extension().exports as Record<string, unknown> | undefined;
  for (const name of ['playgroundSnapshot', 'snapshot']) {
    const fn = exported?.[name];
    if (typeof fn === 'function') return () => Promise.resolve(fn.call(exported) as Snapshot);
  }
  const command = (await vscode.commands.getCommands(true)).find((c) => /^lossLens\..*snapshot/i.test(c));
  assert.ok(command, 'the extension exposes no playground snapshot (export or lossLens.*snapshot command)');
  return () => Promise.resolve(vscode.commands.executeCommand<Snapshot>(command));
}

/** Polls the panel until its snapshot satisfies `ready` (the webview loads and computes asynchronously). */
export async function snapshotWhen(
  ready: (s: Snapshot) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<Snapshot> {
  const snapshot = await snapshotHook();
  let last: Snapshot | undefined;
  try {
    return await waitFor(
      what,
      async () => {
        last = await snapshot().catch(() => undefined);
        return last && ready(last) ? last : undefined;
      },
      timeoutMs,
    );
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : e}; last snapshot: ${JSON.stringify(last)}`);
  }
}
