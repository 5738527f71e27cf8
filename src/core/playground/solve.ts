/**
 * "Solve for ε" in the playground: every ε in [0, 1] at which each plotted convention's headline rounds to a
 * printed loss. Affine curves are inverted exactly; KL's curve (not affine) is scanned and its crossings bisected.
 */
import { type EpsilonSolution, type PrintedValue, solution, solveLine } from '../smoothing/printed';
import { curveAt, type PlaygroundResult, type SweepCurve } from './compute';
import { conventionLabel, type PlaygroundConvention } from './conventions';

export interface ConventionSolutions {
  convention: PlaygroundConvention;
  /** Disjoint, ascending; empty when no ε in [0, 1] prints the value. */
  intervals: EpsilonSolution[];
  /** False for a scanned (non-affine) curve: its interval ends are bisected to 2⁻⁴⁰ of a scan step. */
  exact: boolean;
}

const SCAN_STEPS = 2000;
const BISECTIONS = 40;

const isAffine = (curve: SweepCurve) => !curve.entropy && curve.grid.length === 2;

export function solvePrinted(result: PlaygroundResult, printed: PrintedValue): ConventionSolutions[] {
  return result.sweep.map((curve) => {
    if (!isAffine(curve))
      return { convention: curve.convention, intervals: scan(curve, printed), exact: false };
    const [at0, at1] = curve.remainder as [number, number];
    const solved = solveLine({ intercept: at0, slope: at1 - at0 }, printed);
    return { convention: curve.convention, intervals: solved ? [solved] : [], exact: true };
  });
}

function scan(curve: SweepCurve, printed: PrintedValue): EpsilonSolution[] {
  const inside = (e: number) => Math.abs(curveAt(curve, e) - printed.value) <= printed.halfWidth;
  const edge = (out: number, in_: number) => {
    let [a, b] = [out, in_];
    for (let i = 0; i < BISECTIONS; i++) {
      const m = (a + b) / 2;
      if (inside(m)) b = m;
      else a = m;
    }
    return b;
  };
  const out: EpsilonSolution[] = [];
  let start: number | null = null;
  for (let i = 0; i <= SCAN_STEPS; i++) {
    const e = i / SCAN_STEPS;
    const prev = (i - 1) / SCAN_STEPS;
    if (inside(e) && start === null) start = i === 0 ? 0 : edge(prev, e);
    if (!inside(e) && start !== null) {
      const found = solution(start, edge(e, prev));
      if (found) out.push(found);
      start = null;
    }
  }
  if (start !== null) {
    const found = solution(start, 1);
    if (found) out.push(found);
  }
  return out;
}

const shown = (x: number) => String(Number(x.toPrecision(6)));

/** One line per convention, as the playground shows them. */
export function describeSolutions(solutions: readonly ConventionSolutions[], printed: string): string[] {
  return solutions.map(({ convention, intervals, exact }) => {
    const name = conventionLabel(convention);
    if (intervals.length === 0) return `${name}: no ε in [0, 1] prints ${printed}`;
    const spans = intervals.map((s) =>
      s.lo === s.hi ? `ε = ${shown(s.lo)}` : `ε ∈ [${shown(s.lo)}, ${shown(s.hi)}] (simplest ${s.simplest})`,
    );
    return `${name}: ${spans.join(' or ')}${exact ? '' : ' (KL is not affine in ε: scanned)'}`;
  });
}
