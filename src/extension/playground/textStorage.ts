/**
 * The playground's long texts, kept by the host in files named by their SHA-256 so the webview state need not hold
 * them (core/playground/storedTexts.ts). Files, not workspaceState: VS Code loads a workspace's whole Memento into
 * memory when the window opens and writes it to its SQLite database, where 22 MB values would weigh on every start;
 * a file is read only when a panel restores it. The folder is the workspace's storage (`storageUri`), or the global
 * one in a window without a workspace.
 */
import * as vscode from 'vscode';
import type { TextRef } from '../../core/playground/storedTexts';
import {
  joinPart,
  type LoadTextResult,
  type StoredTextPart,
  type StoreTextParams,
  type StoreTextResult,
  type TextPart,
  textParts,
} from '../../core/protocol';

/** What TextStorage uses of its folder. */
export interface TextFolder {
  write(name: string, data: Uint8Array): PromiseLike<void>;
  read(name: string): PromiseLike<Uint8Array>;
  /** Each file's name and last modification (ms since the epoch). */
  list(): PromiseLike<{ name: string; mtime: number }[]>;
  remove(name: string): PromiseLike<void>;
}

/** `dir` through `vscode.workspace.fs` (created on the first write). */
export function folderAt(dir: vscode.Uri): TextFolder {
  const { fs } = vscode.workspace;
  const at = (name: string) => vscode.Uri.joinPath(dir, name);
  return {
    write: async (name, data) => {
      await fs.createDirectory(dir);
      await fs.writeFile(at(name), data);
    },
    read: (name) => fs.readFile(at(name)),
    list: async () => {
      const entries = await fs.readDirectory(dir);
      const files = entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
      return Promise.all(files.map(async (name) => ({ name, mtime: (await fs.stat(at(name))).mtime })));
    },
    remove: (name) => fs.delete(at(name)),
  };
}

export interface TextStorageOptions {
  sha256: (text: string) => Promise<string>;
  now: () => number;
  /**
   * How long a file no state names is kept: 0 in a workspace's own folder; longer in the global one, which the
   * playgrounds of other windows without a workspace share.
   */
  keepUnnamedMs: number;
  log: (message: string) => void;
}

const fileName = (hash: string) => `${hash}.txt`;
const problemOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class TextStorage {
  /** The next text to store, as received so far. */
  private received = '';

  constructor(
    private readonly folder: TextFolder,
    private readonly options: TextStorageOptions,
  ) {}

  /** A part of the next text to store. */
  receive(part: TextPart): void {
    this.received = joinPart(this.received, part);
  }

  /** Stores the text received in parts; never rejects (a failure leaves the text in the webview's state). */
  async store({ length, keep }: StoreTextParams): Promise<StoreTextResult> {
    const text = this.received;
    this.received = '';
    if (text.length !== length) return this.failed(`received ${text.length} of ${length} characters`);
    let ref: TextRef;
    try {
      ref = { hash: await this.options.sha256(text), length };
      await this.folder.write(fileName(ref.hash), new TextEncoder().encode(text));
    } catch (e) {
      return this.failed(problemOf(e));
    }
    await this.prune(new Set([...keep, ref.hash].map(fileName)));
    return { ref, problem: '' };
  }

  /** Sends a stored text back in parts (before the reply); never rejects. */
  async load(ref: TextRef, send: (part: StoredTextPart) => void): Promise<LoadTextResult> {
    let text: string;
    try {
      text = new TextDecoder().decode(await this.folder.read(fileName(ref.hash)));
    } catch (e) {
      return { loaded: false, problem: `the stored text is gone: ${problemOf(e)}` };
    }
    if (text.length !== ref.length)
      return { loaded: false, problem: `the stored text has ${text.length} characters, not ${ref.length}` };
    for (const part of textParts(text)) send({ hash: ref.hash, ...part });
    return { loaded: true, problem: '' };
  }

  private failed(problem: string): StoreTextResult {
    this.options.log(`playground: a long text stays in the panel's state, not stored: ${problem}`);
    return { ref: null, problem };
  }

  /** Deletes the files no saved state names (once old enough); a failure only leaves a file behind. */
  private async prune(named: Set<string>): Promise<void> {
    try {
      const cutoff = this.options.now() - this.options.keepUnnamedMs;
      for (const { name, mtime } of await this.folder.list())
        if (!named.has(name) && mtime <= cutoff) await this.folder.remove(name);
    } catch (e) {
      this.options.log(`playground: could not delete old stored texts: ${problemOf(e)}`);
    }
  }
}
