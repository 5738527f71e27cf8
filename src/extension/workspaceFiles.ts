import * as vscode from 'vscode';
import { importCandidates } from '../core/analysis/modulePaths';
import type { ModuleFiles } from '../core/analysis/workspaceImports';

/** Larger modules are not read (a generated or vendored file, not a helper worth following). */
export const MAX_MODULE_BYTES = 512 * 1024;

/**
 * The workspace's Python modules, read for the imports the analysis follows, through `vscode.workspace.fs` (on the
 * desktop and on the web): only files inside a workspace folder, at most `MAX_MODULE_BYTES`. An open document is
 * read as it is in the editor; other files are read once per version on disk (modification time and size), and
 * a change seen by the file watcher is announced (`onDidChange`). Paths are URIs.
 */
export class WorkspaceFiles implements ModuleFiles, vscode.Disposable {
  /** Texts read from disk, with the version (modification time and size) they were read at. */
  private readonly texts = new Map<string, { version: string; text: string }>();
  private readonly changed = new vscode.EventEmitter<string>();
  /** A module that may read differently now (by URI): what imports it is due for another analysis. */
  readonly onDidChange = this.changed.event;
  private readonly listeners: vscode.Disposable[];

  /** Watching from the start: a watcher made on the first read could miss a change made just after it. */
  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.py');
    const forget = (uri: vscode.Uri) => {
      this.texts.delete(uri.toString());
      this.changed.fire(uri.toString());
    };
    this.listeners = [
      watcher,
      watcher.onDidChange(forget),
      watcher.onDidCreate(forget),
      watcher.onDidDelete(forget),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.changed.fire(e.document.uri.toString());
      }),
      vscode.workspace.onDidOpenTextDocument((d) => this.changed.fire(d.uri.toString())),
      vscode.workspace.onDidCloseTextDocument((d) => forget(d.uri)),
      this.changed,
    ];
  }

  candidates(file: string, module: string): string[] {
    return importCandidates(file, module);
  }

  read(path: string): Promise<string | null> {
    const uri = vscode.Uri.parse(path);
    if (!vscode.workspace.getWorkspaceFolder(uri)) return Promise.resolve(null);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      const text = open.getText();
      return Promise.resolve(text.length <= MAX_MODULE_BYTES ? text : null);
    }
    return this.readVersion(uri);
  }

  private async readVersion(uri: vscode.Uri): Promise<string | null> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (!(stat.type & vscode.FileType.File) || stat.size > MAX_MODULE_BYTES) return null;
      const version = `${stat.mtime}:${stat.size}`;
      const known = this.texts.get(uri.toString());
      if (known?.version === version) return known.text;
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      this.texts.set(uri.toString(), { version, text });
      return text;
    } catch {
      return null;
    }
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
    this.texts.clear();
  }
}
