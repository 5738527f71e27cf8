import type { Finding } from './findings';

function contains(f: Finding, line: number, column: number): boolean {
  const afterStart = line > f.line || (line === f.line && column >= f.column);
  const beforeEnd = line < f.endLine || (line === f.endLine && column <= f.endColumn);
  return afterStart && beforeEnd;
}

function size(f: Finding): number {
  return (f.endLine - f.line) * 1e6 + (f.endColumn - f.column);
}

/** The innermost finding at a 1-based position (pitfalls win over losses of the same extent). */
export function findingAt(findings: readonly Finding[], line: number, column: number): Finding | null {
  let best: Finding | null = null;
  for (const f of findings) {
    if (!contains(f, line, column)) continue;
    if (!best || size(f) < size(best) || (size(f) === size(best) && f.kind === 'pitfall')) best = f;
  }
  return best;
}
