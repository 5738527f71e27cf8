/** A Python with torch for tests that check against the real thing; null (and the tests skip) where there is none. */
import { spawnSync } from 'node:child_process';

const CANDIDATES = [process.env.LOSS_LENS_TORCH_PYTHON, '/usr/bin/python3', 'python3'].filter(
  (p): p is string => !!p,
);

/** The first candidate that imports every module in `modules` (e.g. ['torch', 'debugpy']), else null. */
export function pythonWith(modules: readonly string[]): string | null {
  for (const python of CANDIDATES) {
    const probe = spawnSync(python, ['-c', `import ${modules.join(', ')}`], { timeout: 60_000 });
    if (probe.status === 0) return python;
  }
  return null;
}
