/** Every change to the playground state goes through `reduce`, in the webview and in tests. */
import { findSample, type SampleId } from './samples';
import { applySeed, type PlaygroundSeed } from './seed';
import { normaliseState, type PlaygroundState, restoreState } from './state';

export type PlaygroundAction =
  | { type: 'patch'; patch: Partial<PlaygroundState> }
  | { type: 'seed'; seed: PlaygroundSeed }
  | { type: 'sample'; id: SampleId }
  | { type: 'restore'; state: unknown };

export function reduce(state: PlaygroundState, action: PlaygroundAction): PlaygroundState {
  switch (action.type) {
    case 'patch':
      return restoreState({ ...state, ...action.patch }, state);
    case 'seed':
      return applySeed(state, action.seed);
    case 'sample': {
      const sample = findSample(action.id);
      return sample ? normaliseState({ ...state, ...sample.patch }) : state;
    }
    case 'restore':
      return restoreState(action.state);
  }
}

/** What a state change costs: nothing, an O(N) ε update from the precomputed sweep, or a full recompute. */
export type RecomputeKind = 'none' | 'epsilon' | 'full';

export function recomputeKind(before: PlaygroundState, after: PlaygroundState): RecomputeKind {
  const changed = (Object.keys(after) as (keyof PlaygroundState)[]).filter(
    (k) => !sameValue(before[k], after[k]),
  );
  if (changed.length === 0) return 'none';
  return changed.every((k) => k === 'epsilon') ? 'epsilon' : 'full';
}

/** Strings compared by identity (texts can be megabytes); the small synthetic spec by value. */
function sameValue(a: unknown, b: unknown): boolean {
  return (
    a === b || (typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b))
  );
}
