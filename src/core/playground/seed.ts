/** What a hover or command passes when it opens the playground with context from the code. */
import { isPlaygroundConvention, type PlaygroundConvention } from './conventions';
import { type Guard, inRange, isInteger, objectOf, oneOf, optional } from './guards';
import { isSampleText } from './samples';
import {
  INPUT_KINDS,
  type InputKind,
  MAX_TEXT_LENGTH,
  normaliseState,
  PLAYGROUND_LOSSES,
  type PlaygroundLoss,
  type PlaygroundState,
  REDUCTIONS,
  type Reduction,
} from './state';

export interface PlaygroundSeed {
  loss?: PlaygroundLoss;
  convention?: PlaygroundConvention;
  epsilon?: number;
  /** K from the code; used to build example logits when no tensor text comes with the seed. */
  classes?: number;
  logitsText?: string;
  targetsText?: string;
  weightText?: string;
  inputKind?: InputKind;
  reduction?: Reduction;
  ignoreIndex?: number;
}

/** The playground's example logits hold every class: K above this would be megabytes of text. */
export const MAX_SEED_CLASSES = 1000;
const text = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT_LENGTH;

export const isPlaygroundSeed: Guard<PlaygroundSeed> = objectOf<PlaygroundSeed>({
  loss: optional(oneOf(PLAYGROUND_LOSSES)),
  convention: optional(isPlaygroundConvention),
  epsilon: optional(inRange(0, 1)),
  classes: optional((v): v is number => isInteger(v) && inRange(2, MAX_SEED_CLASSES)(v)),
  logitsText: optional(text),
  targetsText: optional(text),
  weightText: optional(text),
  inputKind: optional(oneOf(INPUT_KINDS)),
  reduction: optional(oneOf(REDUCTIONS)),
  ignoreIndex: optional(isInteger),
});

/** A small deterministic K-class example: 3 rows, the target logit raised, targets 0, 1, 2 (mod K). */
export function exampleForClasses(classes: number): { logitsText: string; targetsText: string } {
  const rows = [0, 1, 2].map((r) =>
    Array.from({ length: classes }, (_, c) => (c === r % classes ? 2 : ((r + 1) * (c + 1)) % 7) / 10),
  );
  return {
    logitsText: `[${rows.map((row) => `[${row.join(', ')}]`).join(',\n ')}]`,
    targetsText: `[${[0, 1, 2].map((r) => r % classes).join(', ')}]`,
  };
}

/** Seed over state. Text the user typed is only replaced by text that comes with the seed. */
export function applySeed(state: PlaygroundState, seed: PlaygroundSeed): PlaygroundState {
  const { classes, ...fields } = seed;
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  const next: PlaygroundState = { ...state, ...defined };
  const example =
    classes !== undefined && seed.logitsText === undefined && isSampleText(state.logitsText)
      ? { ...exampleForClasses(classes), synthetic: null, weightText: '', row: 0 }
      : {};
  const withData = seed.logitsText !== undefined ? { synthetic: null } : {};
  return normaliseState({ ...next, ...example, ...withData });
}

const INPUT_NAMES = [
  ['logitsText', 'input tensor'],
  ['targetsText', 'targets'],
  ['weightText', 'class weights'],
] as const;

/** The inputs a seed replaced, by the names the form shows them under (none: nothing to undo). */
export function replacedInputs(before: PlaygroundState, after: PlaygroundState): string[] {
  return INPUT_NAMES.filter(([key]) => before[key] !== after[key] && before[key].trim() !== '').map(
    ([, name]) => name,
  );
}
