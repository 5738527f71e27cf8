/**
 * Module names and the files they lie in, as plain path arithmetic (no parser: the extension loads this at
 * activation). Paths are the shell's — disk paths or URIs — with `/` or `\` between folders.
 */

/** `path/to/pkg/mod.py` → `path.to.pkg.mod`; a package's `__init__.py` is the package; null for other files. */
export function moduleOfPath(path: string): string | null {
  if (!path.endsWith('.py')) return null;
  const parts = path
    .slice(0, -3)
    .split(/[\\/]/)
    .filter((p) => p && p !== '.');
  if (parts.at(-1) === '__init__') parts.pop();
  return parts.join('.');
}

/** How many dots a relative module starts with (`..functional` → 2). */
function leadingDots(module: string): number {
  return module.length - module.replace(/^\.+/, '').length;
}

/** `..functional` imported by module `pkg.nn.modules.loss` → `pkg.nn.functional`; null above the top. */
export function relativeModule(own: string, module: string): string | null {
  const dots = leadingDots(module);
  const pkg = own.split('.').slice(0, -dots);
  if (pkg.length === 0 && own.split('.').length <= dots) return null;
  const rest = module.slice(dots);
  return [...pkg, ...(rest ? [rest] : [])].join('.');
}

/**
 * The module a dotted name is looked up in, and the name: `.utils.f` → [`.utils`, `f`], `.f` → [`.`, `f`],
 * `pkg.f` → [`pkg`, `f`]; null for a bare name.
 */
export function splitQualified(full: string): [string, string] | null {
  const dots = '.'.repeat(leadingDots(full));
  const rest = full.slice(dots.length);
  const at = rest.lastIndexOf('.');
  const module = at >= 0 ? dots + rest.slice(0, at) : dots;
  return module ? [module, rest.slice(at + 1)] : null;
}

/**
 * Where a relative import of `file` lies beside it: `.utils` → `dir/utils.py`, `dir/utils/__init__.py`; the
 * package itself (`.`, `..`) → its `__init__.py`.
 */
export function relativeFiles(file: string, module: string): string[] {
  if (!module.startsWith('.')) return [];
  const sep = file.includes('/') || !file.includes('\\') ? '/' : '\\';
  const dirs = file.split(/[\\/]/).slice(0, -1);
  const up = leadingDots(module) - 1;
  if (up > dirs.length) return [];
  const rest = module
    .slice(up + 1)
    .split('.')
    .filter(Boolean);
  const base = [...dirs.slice(0, dirs.length - up), ...rest].join(sep);
  if (rest.length === 0) return [[base, '__init__.py'].join(sep)];
  return [`${base}.py`, [base, '__init__.py'].join(sep)];
}

/**
 * Where a module imported by `file` may lie in the workspace: a relative import in `file`'s package, an absolute
 * one beside `file` (Python puts a script's folder first on its path: `from utils import f` is `dir/utils.py`).
 */
export function importCandidates(file: string, module: string): string[] {
  return relativeFiles(file, module.startsWith('.') ? module : `.${module}`);
}
