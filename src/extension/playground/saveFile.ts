import * as vscode from 'vscode';
import type { SaveFileParams, SaveFileResult } from '../../core/protocol';

const FILTERS: Record<SaveFileParams['kind'], Record<string, string[]>> = {
  csv: { CSV: ['csv'] },
  png: { 'PNG image': ['png'] },
  py: { Python: ['py'] },
};

const PNG_PREFIX = 'data:image/png;base64,';

function bytesOf({ kind, content }: SaveFileParams): Uint8Array {
  if (kind !== 'png') return new TextEncoder().encode(content);
  if (!content.startsWith(PNG_PREFIX)) throw new Error('expected a PNG data URL');
  return Uint8Array.from(atob(content.slice(PNG_PREFIX.length)), (c) => c.charCodeAt(0));
}

/** Asks where to save (next to the workspace) and writes through the workspace file system. */
export async function saveFile(params: SaveFileParams): Promise<SaveFileResult> {
  const bytes = bytesOf(params);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, params.suggestedName) : undefined,
    filters: FILTERS[params.kind],
    saveLabel: 'Export',
  });
  if (!target) return { saved: false };
  await vscode.workspace.fs.writeFile(target, bytes);
  return { saved: true };
}
