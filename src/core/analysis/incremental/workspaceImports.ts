import { buildModule, type ImportSource } from '../bind';
import { splitQualified } from '../results';
import { type PythonParse, parsePython } from '../syntax';

/**
 * Following the workspace's own imports (`from .utils import label_smoothed_nll_loss`): which modules a file
 * imports, and reading them (and what they import in turn) through a shell's `ModuleFiles`: the CLI's reads the
 * disk, the extension's `vscode.workspace.fs`. Where a module lies is `modulePaths.ts`.
 */

/** How a shell finds and reads the workspace's modules. */
export interface ModuleFiles {
  /** The files a module imported by `file` (as written: `.utils`, `pkg.losses`) may be, most likely first. */
  candidates(file: string, module: string): readonly string[];
  /** A file's text; null when it is absent, unreadable, outside the workspace or too large. */
  read(path: string): string | null | Promise<string | null>;
}

/** `ModuleFiles` that read synchronously (the CLI's). */
export interface ModuleFilesSync extends ModuleFiles {
  read(path: string): string | null;
}

/** The imports of a file resolved through `ModuleFiles`, read ahead. */
export interface ResolvedImports {
  source: ImportSource;
  /** Every file read for them, with its text. */
  files: ReadonlyMap<string, string>;
  /** Every path asked for, found or not: a change of any of them may change the result. */
  tried: readonly string[];
  /** Stands for the texts of `files`: equal keys, equal imports (an `AnalysisSession` caches by it). */
  key: string;
}

/** How deep imports of imports are followed, how many files at most are read and paths tried for one file. */
const MAX_DEPTH = 3;
const MAX_FILES = 32;
const MAX_TRIED = 96;

/** Modules that are never the workspace's own: the analysis knows them itself. */
const LIBRARIES = /^(torch|numpy)(\.|$)/;

/**
 * The modules the analysis may ask for when a file's code calls what it imports: each import's dotted path and
 * its package (`from .utils import f` binds `.utils.f`, asked for as `.utils`; `from . import utils` binds
 * `.utils`, a submodule or a name of the package `.`; `from .losses import *` asks for `.losses`).
 * `workspaceOnly` leaves out torch and NumPy, never the workspace's own (a sibling module, `from utils import f`,
 * may be).
 */
export function importedModules(text: string, workspaceOnly: boolean, parse?: PythonParse): string[] {
  const out = new Set<string>();
  for (const full of buildModule((parse ?? parsePython(text)).tree, text).aliases.values()) {
    if (workspaceOnly && LIBRARIES.test(full)) continue;
    const parent = splitQualified(full)?.[0];
    if (!full.endsWith('.*')) out.add(full);
    if (parent) out.add(parent);
  }
  return [...out];
}

/**
 * The import source of `file` for a shell that reads synchronously (the CLI): each module the analysis asks for
 * is its first readable candidate, found when asked.
 */
export function importSource(file: string, files: ModuleFilesSync): ImportSource {
  return (module) => {
    for (const path of files.candidates(file, module)) {
      const text = files.read(path);
      if (text !== null) return { text, imports: importSource(path, files) };
    }
    return null;
  };
}

/**
 * `file`'s imports for a shell that reads asynchronously (the extension, through `vscode.workspace.fs`): read
 * ahead, since the analysis asks synchronously. Each imported module is its first readable candidate; what it
 * imports is followed in turn, at most `MAX_DEPTH` deep, `MAX_FILES` files read and `MAX_TRIED` paths tried.
 * `workspaceOnly` leaves out torch and NumPy; `parse` is `text`'s, when the caller has it.
 */
export async function resolveImports(
  file: string,
  text: string,
  files: ModuleFiles,
  workspaceOnly = false,
  parse?: PythonParse,
): Promise<ResolvedImports> {
  const texts = new Map<string, string | null>();
  const found = new Map<string, Map<string, string>>();
  let queue = [{ file, text }];
  for (let depth = 0; depth < MAX_DEPTH && queue.length > 0; depth++) {
    const next: typeof queue = [];
    for (const from of queue) {
      if (found.has(from.file)) continue;
      const modules = new Map<string, string>();
      found.set(from.file, modules);
      const own = from.file === file ? parse : undefined;
      for (const module of importedModules(from.text, workspaceOnly, own))
        for (const path of files.candidates(from.file, module)) {
          if (!texts.has(path)) {
            if (texts.size >= MAX_TRIED || readCount(texts) >= MAX_FILES) break;
            texts.set(path, await files.read(path));
          }
          const read = texts.get(path);
          if (read == null) continue;
          modules.set(module, path);
          next.push({ file: path, text: read });
          break;
        }
    }
    queue = next;
  }
  const sourceOf =
    (at: string): ImportSource =>
    (module) => {
      const path = found.get(at)?.get(module);
      const read = path && texts.get(path);
      return path && read != null ? { text: read, imports: sourceOf(path) } : null;
    };
  const read = new Map<string, string>();
  for (const [path, t] of texts) if (t != null) read.set(path, t);
  const key = [...read].map(([path, t]) => `${path}\u0000${t}`).join('\u0001');
  return { source: sourceOf(file), files: read, tried: [...texts.keys()], key };
}

function readCount(texts: ReadonlyMap<string, string | null>): number {
  let n = 0;
  for (const t of texts.values()) if (t != null) n++;
  return n;
}
