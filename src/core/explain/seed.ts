import type { Finding } from '../analysis/results';
import { CONVENTION_REGISTRY } from '../conventions';
import { PLAYGROUND_LOSSES, REDUCTIONS } from '../playground/state';
import type { PlaygroundSeed } from '../protocol';
import { exampleClasses, type Resolved } from './resolve';

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((v) => v === value);
}

/**
 * What "Open in playground" passes: the loss, convention, ε, K (the code's or the file's, capped for the example,
 * see `exampleClasses`) and options the code fixes (what it leaves open stays undefined).
 */
export function seedFromFinding(finding: Finding, r: Resolved): PlaygroundSeed {
  const d = finding.details ?? {};
  return {
    loss: oneOf(PLAYGROUND_LOSSES, d.lossKind),
    convention: finding.convention
      ? (CONVENTION_REGISTRY[finding.convention].playground ?? undefined)
      : undefined,
    epsilon: r.epsilonFromCode && r.epsilon >= 0 && r.epsilon <= 1 ? r.epsilon : undefined,
    classes: r.classesFromCode || r.classesFromFile ? exampleClasses(r).classes : undefined,
    reduction: oneOf(REDUCTIONS, d.reduction),
    ignoreIndex: d.ignoreIndex,
  };
}
