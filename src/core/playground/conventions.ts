/**
 * The playground's conventions: the four fixed ones of `smoothing/` and smoothing toward a prior π, whose target
 * (1−ε)·onehot + ε·π needs the prior as data (`prior.ts` resolves it from the state).
 */
import {
  CONVENTIONS,
  type ConventionFamily,
  familyOf,
  SMOOTHING_CONVENTIONS,
  type SmoothingConvention,
} from '../smoothing/conventions';

export type PlaygroundConvention = SmoothingConvention | 'prior';

export const PLAYGROUND_CONVENTIONS: readonly PlaygroundConvention[] = [...SMOOTHING_CONVENTIONS, 'prior'];

export function isPlaygroundConvention(value: unknown): value is PlaygroundConvention {
  return typeof value === 'string' && (PLAYGROUND_CONVENTIONS as readonly string[]).includes(value);
}

export function playgroundFamily(convention: PlaygroundConvention): ConventionFamily {
  return convention === 'prior' ? 'categorical' : familyOf(convention);
}

export const PRIOR_LABEL = 'prior π';

export function conventionLabel(convention: PlaygroundConvention): string {
  return convention === 'prior' ? PRIOR_LABEL : CONVENTIONS[convention].label;
}

/** Where the prior comes from: the targets' class frequencies, a pasted distribution, or pasted class counts. */
export const PRIOR_SOURCES = ['frequencies', 'vector', 'counts'] as const;
export type PriorSource = (typeof PRIOR_SOURCES)[number];
