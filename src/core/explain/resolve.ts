import type { Finding } from '../analysis/results';
import { MAX_SEED_CLASSES } from '../playground/seed';
import type { FileClasses } from './source';
import { DEFAULT_TABLE_CLASSES } from './targets';

/** The ε and K an explanation uses, and whether the code fixed them or a default filled in. */
export interface Resolved {
  readonly epsilon: number;
  readonly epsilonFromCode: boolean;
  /**
   * The ε the tables and notes use: the code's when it lies in (0, 1], else the default (a one-hot at ε = 0 shows
   * nothing, and torch rejects ε outside [0, 1]).
   */
  readonly shownEpsilon: number;
  readonly classes: number;
  readonly classesFromCode: boolean;
  /** The file's class-count constant, when the finding fixes no K and the file does. */
  readonly classesFromFile?: FileClasses;
}

/** K−2 with padding needs a target, a padding class and one more; every other convention needs two classes. */
function minClasses(finding: Finding): number {
  return finding.convention === 'k_minus_2_padding' ? 3 : 2;
}

export function resolve(finding: Finding, defaultEpsilon: number, file?: FileClasses): Resolved {
  const epsilon = finding.epsilon ?? finding.details?.labelSmoothing ?? defaultEpsilon;
  const classes = finding.details?.classes;
  const classesFromCode =
    classes !== undefined && Number.isInteger(classes) && classes >= minClasses(finding);
  const fromFile = !classesFromCode && file && file.value >= minClasses(finding) ? file : undefined;
  return {
    epsilon,
    epsilonFromCode: (finding.epsilon ?? finding.details?.labelSmoothing) !== undefined,
    shownEpsilon: epsilon > 0 && epsilon <= 1 ? epsilon : defaultEpsilon,
    classes: classesFromCode ? classes : (fromFile?.value ?? DEFAULT_TABLE_CLASSES),
    classesFromCode,
    ...(fromFile ? { classesFromFile: fromFile } : {}),
  };
}

/**
 * The K of example tensors (the playground's seed, Verify with Python): they hold a number per class, so a K from
 * the code above `MAX_SEED_CLASSES` (a default of 10^9 fits in one line of Python) is capped there.
 */
export function exampleClasses(r: Resolved): { classes: number; capped: boolean } {
  const capped = r.classes > MAX_SEED_CLASSES;
  return { classes: capped ? MAX_SEED_CLASSES : r.classes, capped };
}

/** "K = 1000 (…)" saying why an example uses fewer classes than the code; null when it uses the code's K. */
export function exampleClassesNote(r: Resolved): string | null {
  const { classes, capped } = exampleClasses(r);
  return capped
    ? `K = ${classes} (the code's K = ${r.classes} is too many classes for example tensors)`
    : null;
}

/** The finding with K capped for example tensors (a K of 10^9 would be 3·10^9 logits), and the note saying so. */
export function exampleFinding(
  finding: Finding,
  defaultEpsilon: number,
): { finding: Finding; note: string | null } {
  const r = resolve(finding, defaultEpsilon);
  const note = r.classesFromCode ? exampleClassesNote(r) : null;
  if (!note) return { finding, note };
  return {
    finding: { ...finding, details: { ...finding.details, classes: exampleClasses(r).classes } },
    note,
  };
}
