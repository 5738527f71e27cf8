// Helpers shared by the integration suites: the sample workspace, the extension, polling.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'loss-lens.loss-lens';

export interface ContributedCommand {
  command: string;
  title: string;
  category?: string;
}

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  return ext;
}

export function contributedCommands(): ContributedCommand[] {
  const contributes = extension().packageJSON.contributes as { commands?: ContributedCommand[] } | undefined;
  return contributes?.commands ?? [];
}

export function sampleUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the sample workspace is not open');
  return vscode.Uri.joinPath(folder.uri, relativePath);
}

export async function openSample(relativePath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(sampleUri(relativePath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Position of the `occurrence`-th (1-based) match of `needle`, moved `offset` characters into it. */
export function positionOf(
  doc: vscode.TextDocument,
  needle: string,
  offset = 1,
  occurrence = 1,
): vscode.Position {
  let at = -1;
  for (let i = 0; i < occurrence; i++) {
    at = doc.getText().indexOf(needle, at + 1);
    assert.ok(at >= 0, `"${needle}" (occurrence ${occurrence}) not found in ${doc.uri.path}`);
  }
  return doc.positionAt(at + offset);
}

export function lineOf(doc: vscode.TextDocument, needle: string): number {
  return positionOf(doc, needle, 0).line;
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Activates the extension first, so no suite races its activation (hovers registered late, etc.). */
export async function activateExtension(): Promise<void> {
  await extension().activate();
}
