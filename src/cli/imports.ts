import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type ImportSource,
  importCandidates,
  importSource,
  type ModuleFilesSync,
  moduleOfPath,
  relativeModule,
} from '../core/analysis';
import { readSource, readSourceHead } from './sourceFile';

/**
 * Where the CLI finds the workspace's own modules a file imports: among the files it was given (placed by their
 * path, or by the `# source: owner/repo/path@commit` line a copied file starts with) and next to the file on disk.
 */
export class ModuleIndex implements ModuleFilesSync {
  private indexed: Map<string, string> | null = null;

  constructor(private readonly files: readonly string[]) {}

  /** Built on the first import to resolve: a file that imports nothing of its own costs no directory scan. */
  private get byModule(): Map<string, string> {
    if (this.indexed) return this.indexed;
    this.indexed = new Map();
    for (const file of [...this.files, ...siblings(this.files)]) {
      const module = moduleOfPath(repositoryPath(file) ?? file);
      if (module && !this.indexed.has(module)) this.indexed.set(module, file);
    }
    return this.indexed;
  }

  /** The import source for `file`: relative imports resolved against its package, absolute ones by suffix. */
  sourceFor(file: string): ImportSource {
    return importSource(file, this);
  }

  /** Among the given files (and their siblings) by module name, else beside `file` on disk (`importCandidates`). */
  candidates(file: string, module: string): string[] {
    const own = moduleOfPath(repositoryPath(file) ?? file) ?? '';
    const target = module.startsWith('.') ? relativeModule(own, module) : module;
    const indexed = target && this.find(target);
    return indexed ? [indexed] : importCandidates(file, module);
  }

  /** An imported module's text; one that cannot be read (or is no regular file) is as good as not found. */
  read(file: string): string | null {
    try {
      return readSource(file);
    } catch {
      return null;
    }
  }

  private find(module: string): string | null {
    const exact = this.byModule.get(module);
    if (exact) return exact;
    for (const [name, file] of this.byModule) if (name.endsWith(`.${module}`)) return file;
    return null;
  }
}

const MAX_SIBLINGS = 5000;

/** The other Python files in the given files' folders (the modules they may import), a bounded number. */
function siblings(files: readonly string[]): string[] {
  const out: string[] = [];
  for (const dir of new Set(files.map((f) => dirname(f)))) {
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names)
      if (name.endsWith('.py') && out.length < MAX_SIBLINGS) out.push(join(dir, name));
  }
  return out;
}

/** The path inside its repository a copied file names on its first line, if it does (reads 512 bytes). */
function repositoryPath(file: string): string | null {
  let first: string;
  try {
    first = readSourceHead(file, 512).split('\n', 1)[0];
  } catch {
    return null;
  }
  const m = /^#\s*source:\s*[^/\s]+\/[^/\s]+\/(\S+?\.py)(?:@\S*)?\s*$/.exec(first);
  return m ? m[1] : null;
}
