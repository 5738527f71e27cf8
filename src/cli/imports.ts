import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ImportSource } from '../core/analysis';
import { readSource, readSourceHead } from './sourceFile';

/**
 * Where the CLI finds the workspace's own modules a file imports: among the files it was given (placed by their
 * path, or by the `# source: owner/repo/path@commit` line a copied file starts with) and next to the file on disk.
 */
export class ModuleIndex {
  private indexed: Map<string, string> | null = null;

  constructor(private readonly files: readonly string[]) {}

  /** Built on the first import to resolve: a file that imports nothing of its own costs no directory scan. */
  private get byModule(): Map<string, string> {
    if (this.indexed) return this.indexed;
    this.indexed = new Map();
    for (const file of [...this.files, ...siblings(this.files)]) {
      const module = moduleOf(repositoryPath(file) ?? file);
      if (module && !this.indexed.has(module)) this.indexed.set(module, file);
    }
    return this.indexed;
  }

  /** The import source for `file`: relative imports resolved against its package, absolute ones by suffix. */
  sourceFor(file: string): ImportSource {
    const own = moduleOf(repositoryPath(file) ?? file) ?? '';
    return (module) => {
      const target = module.startsWith('.') ? relativeTo(own, module) : module;
      const found = (target && this.find(target)) ?? onDisk(file, module);
      if (!found) return null;
      const text = readable(found);
      return text === null ? null : { text, imports: this.sourceFor(found) };
    };
  }

  private find(module: string): string | null {
    const exact = this.byModule.get(module);
    if (exact) return exact;
    for (const [name, file] of this.byModule) if (name.endsWith(`.${module}`)) return file;
    return null;
  }
}

/** An imported module's text; one that cannot be read (or is no regular file) is as good as not found. */
function readable(file: string): string | null {
  try {
    return readSource(file);
  } catch {
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

/** `path/to/pkg/mod.py` → `path.to.pkg.mod`; a package's `__init__.py` is the package. */
function moduleOf(path: string): string | null {
  if (!path.endsWith('.py')) return null;
  const parts = path
    .slice(0, -3)
    .split(/[\\/]/)
    .filter((p) => p && p !== '.');
  if (parts.at(-1) === '__init__') parts.pop();
  return parts.join('.');
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

/** How many dots a relative module starts with (`..functional` → 2). */
function leadingDots(module: string): number {
  return module.length - module.replace(/^\.+/, '').length;
}

/** `..functional` from `pkg.nn.modules.loss` → `pkg.nn.functional`. */
function relativeTo(own: string, module: string): string | null {
  const dots = leadingDots(module);
  const pkg = own.split('.').slice(0, -dots);
  if (pkg.length === 0 && own.split('.').length <= dots) return null;
  const rest = module.slice(dots);
  return [...pkg, ...(rest ? [rest] : [])].join('.');
}

/** A relative import next to the file on disk: `.utils` → `utils.py` or `utils/__init__.py` beside it. */
function onDisk(file: string, module: string): string | null {
  if (!module.startsWith('.')) return null;
  const dots = leadingDots(module);
  let dir = dirname(file);
  for (let i = 1; i < dots; i++) dir = dirname(dir);
  const rest = module.slice(dots).split('.').filter(Boolean);
  if (rest.length === 0) return null;
  const base = join(dir, ...rest);
  return [`${base}.py`, join(base, '__init__.py')].find((p) => existsSync(p)) ?? null;
}
