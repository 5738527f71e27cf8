import type { Ctx, Frame } from '../bind';
import { dottedPath, type Expr, type Stmt, sameTest, testReads } from '../syntax';
import { runIf, staticTruth } from './branches';

/**
 * `if T: A … if T: B` in one body, T undecided and nothing between writing what T reads: one path takes both
 * branches, the other neither (NADST's `if self.padding_idx != -1:` filling ε/(K−2), then zeroing the pad column
 * under the same test). Run as `if T: A …B else: …`, the later tests decided, so no path mixes a side of the first
 * test with the other side of the second. True when it ran the rest of the body.
 */
export function runCorrelatedIf(stmts: Stmt[], at: number, f: Frame, ctx: Ctx): boolean {
  const st = stmts[at];
  if (st?.kind !== 'block' || !st.test || st.loop) return false;
  const test = st.test;
  const rest = stmts.slice(at + 1);
  const last = rest.map((s) => repeats(s, test)).lastIndexOf(true);
  if (last < 0 || staticTruth(test, f, ctx) !== null) return false;
  const reads = new Set(testReads(test));
  if (reads.size === 0 || [st, ...rest.slice(0, last + 1)].some((s) => writesAny(s, reads))) return false;
  const [whenTrue = [], whenFalse = []] = st.bodies;
  runIf(
    test,
    [
      [...whenTrue, ...decided(rest, test, 0)],
      [...whenFalse, ...decided(rest, test, 1)],
    ],
    f,
    ctx,
  );
  return true;
}

function repeats(s: Stmt, test: Expr): boolean {
  return s.kind === 'block' && !s.loop && s.test !== null && sameTest(s.test, test);
}

/** The statements with each repeat of the test replaced by the branch it takes (0: true, 1: false). */
function decided(stmts: Stmt[], test: Expr, side: 0 | 1): Stmt[] {
  return stmts.flatMap((s) => (s.kind === 'block' && repeats(s, test) ? (s.bodies[side] ?? []) : [s]));
}

/** Whether a statement (or one nested in it) assigns a name or attribute the test reads. */
function writesAny(s: Stmt, reads: Set<string>): boolean {
  const written = (e: Expr): boolean => {
    if (e.kind === 'tuple') return e.items.some(written);
    const path = dottedPath(e);
    return path !== null && [...reads].some((r) => r === path || r.startsWith(`${path}.`));
  };
  if (s.kind === 'assign') return s.targets.some(written);
  if (s.kind === 'update') return written(s.target);
  if (s.kind !== 'block') return false;
  if (s.loop && written(s.loop.target)) return true;
  return s.bodies.some((body) => body.some((inner) => writesAny(inner, reads)));
}
