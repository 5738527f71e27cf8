/**
 * A loss call's options in the playground: what the analysis fixed, torch's defaults for what the code leaves
 * out, and the expressions to ask the paused program for the rest (`label_smoothing=args.ls`).
 */
import type { Finding } from '../analysis';
import type { PlaygroundSeed } from '../playground/seed';
import { REDUCTIONS, TORCH_IGNORE_INDEX } from '../playground/state';
import type { LossCallValues } from './lossCall';
import type { Outcome } from './probe';

/** Loss options the program can be asked for, by their torch keyword (also the modules' attribute names). */
export const OPTION_KEYWORDS = {
  epsilon: 'label_smoothing',
  ignoreIndex: 'ignore_index',
  reduction: 'reduction',
} as const;
export type LiveOption = keyof typeof OPTION_KEYWORDS;

/** The seed with torch's default where the code passes no `ignore_index`, so no earlier value lingers. */
export function withDefaults(finding: Finding, seed: PlaygroundSeed): PlaygroundSeed {
  return seed.ignoreIndex === undefined && !finding.details?.hasIgnoreIndex
    ? { ...seed, ignoreIndex: TORCH_IGNORE_INDEX }
    : seed;
}

/** The options the code sets to something the analysis could not evaluate, with where the program holds them. */
export function liveOptions(
  finding: Finding,
  seed: PlaygroundSeed,
  call: LossCallValues,
): Partial<Record<LiveOption, string>> {
  const unknown: Record<LiveOption, boolean> = {
    epsilon: seed.epsilon === undefined && finding.epsilonParam !== null,
    ignoreIndex: seed.ignoreIndex === undefined && finding.details?.hasIgnoreIndex === true,
    reduction: seed.reduction === undefined,
  };
  const out: Partial<Record<LiveOption, string>> = {};
  for (const option of Object.keys(unknown) as LiveOption[]) {
    const where = call.options[option];
    if (unknown[option] && where) out[option] = where;
  }
  return out;
}

/** The Python expression whose result is the option's value as JSON. */
export function optionExpression(expression: string): string {
  return `__import__('json').dumps((${expression}\n))`;
}

/** The option's value for the seed, or why the program's value cannot be used. */
export function readOption(option: LiveOption, value: unknown): Outcome<Partial<PlaygroundSeed>> {
  const what = `${OPTION_KEYWORDS[option]} = ${JSON.stringify(value)}`;
  if (option === 'epsilon' && typeof value === 'number' && value >= 0 && value <= 1)
    return { ok: true, value: { epsilon: value } };
  if (option === 'ignoreIndex' && Number.isInteger(value))
    return { ok: true, value: { ignoreIndex: value as number } };
  if (option === 'reduction' && (REDUCTIONS as readonly unknown[]).includes(value))
    return { ok: true, value: { reduction: value as PlaygroundSeed['reduction'] } };
  return { ok: false, reason: `${what} is not a value the playground takes` };
}
