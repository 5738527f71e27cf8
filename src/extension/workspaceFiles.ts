import * as vscode from 'vscode';
import type { ModuleFiles } from '../core/analysis/incremental';
import { importCandidates } from '../core/analysis/results';

/** Larger modules are not read (a generated or vendored file, not a helper worth following). */
export const MAX_MODULE_BYTES = 512 * 1024;

/** The versions a path is read at, besides a file's modification time and size. */
const OUTSIDE = 'outside the workspace';
const ABSENT = 'absent';
const editorVersion = (d: vscode.TextDocument) => `editor ${d.version}`;

/**
 * The workspace's Python modules, read for the imports the analysis follows, through `vscode.workspace.fs` (on the
 * desktop and on the web): only files inside a workspace folder, at most `MAX_MODULE_BYTES`. A document with
 * unsaved edits is read as it is in the editor; other files are read once per version on disk (modification time
 * and size). A change seen by the file watcher is announced (`onDidChange`); `changedSince` checks without it.
 * Paths are URIs.
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

  async read(path: string): Promise<string | null> {
    return (await this.readAt(path)).text;
  }

  /**
   * The files as a reader that notes the version of each path it reads (`versions`): `changedSince` tells, without
   * waiting for the file watcher, whether what was read then still holds.
   */
  recording(): ModuleFiles & { versions: Map<string, string> } {
    const versions = new Map<string, string>();
    return {
      versions,
      candidates: (file, module) => this.candidates(file, module),
      read: async (path) => {
        const { text, version } = await this.readAt(path);
        versions.set(path, version);
        return text;
      },
    };
  }

  /** Whether any path now reads differently from the version it was read at. */
  async changedSince(versions: ReadonlyMap<string, string>): Promise<boolean> {
    const now = await Promise.all([...versions.keys()].map((path) => this.versionOf(vscode.Uri.parse(path))));
    return [...versions.values()].some((version, i) => now[i] !== version);
  }

  /**
   * A file with unsaved edits is read as it is in the editor; any other as it is on disk, even when open: its
   * document follows a change on disk only once VS Code reloads it.
   */
  private async readAt(path: string): Promise<{ text: string | null; version: string }> {
    const uri = vscode.Uri.parse(path);
    const version = await this.versionOf(uri);
    return { text: await this.textAt(uri, version), version };
  }

  /** Outside the workspace, unsaved edits, or the version on disk (`ABSENT` when there is nothing to read). */
  private async versionOf(uri: vscode.Uri): Promise<string> {
    if (!vscode.workspace.getWorkspaceFolder(uri)) return OUTSIDE;
    const edited = this.editedDocument(uri);
    return edited ? editorVersion(edited) : this.diskVersion(uri);
  }

  private async textAt(uri: vscode.Uri, version: string): Promise<string | null> {
    if (version === OUTSIDE) return null;
    const edited = this.editedDocument(uri);
    if (!edited) return this.diskText(uri, version);
    const text = edited.getText();
    return text.length <= MAX_MODULE_BYTES ? text : null;
  }

  private editedDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.isDirty && d.uri.toString() === uri.toString());
  }

  /** Modification time and size of a readable file; `ABSENT` for anything else. */
  private async diskVersion(uri: vscode.Uri): Promise<string> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (!(stat.type & vscode.FileType.File) || stat.size > MAX_MODULE_BYTES) return ABSENT;
      return `${stat.mtime}:${stat.size}`;
    } catch {
      return ABSENT;
    }
  }

  /** The file's text at `version`, read once per version. */
  private async diskText(uri: vscode.Uri, version: string): Promise<string | null> {
    if (version === ABSENT) return null;
    const known = this.texts.get(uri.toString());
    if (known?.version === version) return known.text;
    try {
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
