/**
 * The states whose "Copy as PyTorch" scripts are run in torch (scripts/gen-playground-torch.py records the results in
 * test/fixtures/playground-scripts.json): every sample shape × loss × input kind × convention × reduction, each with
 * a few ε / temperature / weight / ignore-index variants, so every branch of torchSnippet is written at least once.
 */
import { reduce } from '../../src/core/playground/reducer';
import {
  DEFAULT_STATE,
  INPUT_KINDS,
  type InputKind,
  PLAYGROUND_LOSSES,
  type PlaygroundLoss,
  type PlaygroundState,
  REDUCTIONS,
  type Reduction,
  SMOOTHING_CONVENTIONS,
  type SmoothingConvention,
} from '../../src/core/playground/state';

export interface ScriptSample {
  /** The input as logits, probabilities and log-probabilities, so each input kind gets values it can take. */
  input: Record<InputKind, string>;
  targets: string;
  weights: string;
}

const u = [0.13, 0.72, 0.05, 0.41, 0.9, 0.33, 0.58, 0.26, 0.07, 0.64, 0.81, 0.49];
const rows = (values: number[], width: number): string =>
  `[${Array.from({ length: values.length / width }, (_, r) => `[${values.slice(r * width, (r + 1) * width).join(', ')}]`).join(', ')}]`;
const kinds = (values: number[], width: number): Record<InputKind, string> => ({
  logits: rows(
    values.map((x) => Math.round((4 * x - 2) * 100) / 100),
    width,
  ),
  probabilities: rows(values, width),
  log_probabilities: rows(
    values.map((x) => -Math.round(3 * x * 100) / 100),
    width,
  ),
});
const flat = (k: Record<InputKind, string>): Record<InputKind, string> =>
  Object.fromEntries(Object.entries(k).map(([key, v]) => [key, v.slice(1, -1)])) as Record<InputKind, string>;

export const SCRIPT_SAMPLES: Record<string, ScriptSample> = {
  matrixIndices: { input: kinds(u, 4), targets: '[2, 1, 0]', weights: '[1, 2, 0.5, 1]' },
  matrixIgnored: { input: kinds(u, 4), targets: '[1, 1, 3]', weights: '[0, 2, 1, 1]' },
  zeroWeightTotal: { input: kinds(u.slice(0, 6), 3), targets: '[0, 1]', weights: '[0, 0, 1]' },
  matrixSoft: {
    input: kinds(u.slice(0, 8), 4),
    targets: '[[0.1, 0.6, 0.2, 0.1], [0, 0, 1, 0]]',
    weights: '[1, 1, 2, 1]',
  },
  vectorIndex: { input: flat(kinds(u.slice(0, 5), 5)), targets: '[3]', weights: '[1, 1, 1, 2, 1]' },
  vectorSoft: {
    input: flat(kinds(u.slice(0, 4), 4)),
    targets: '[0.25, 0.25, 0.5, 0]',
    weights: '[1, 2, 1, 1]',
  },
  binaryVector: {
    input: { ...flat(kinds(u.slice(0, 6), 6)), probabilities: '[0, 1, 0.5, 0.2, 0.9, 0.33]' },
    targets: '[1, 0, 1, 1, 0, 0]',
    weights: '[1, 2, 1, 1, 0.5, 1]',
  },
  binaryMatrix: {
    input: kinds(u.slice(0, 6), 3),
    targets: '[[1, 0, 0.3], [0, 1, 0.8]]',
    weights: '[1, 2, 0.5]',
  },
  emptyBatch: {
    input: {
      logits: 'tensor([], size=(0, 4))',
      probabilities: 'tensor([], size=(0, 4))',
      log_probabilities: 'tensor([], size=(0, 4))',
    },
    targets: 'tensor([], dtype=torch.int64)',
    weights: '[1, 2, 1, 1]',
  },
};

export interface ScriptCase {
  sample: string;
  loss: PlaygroundLoss;
  inputKind: InputKind;
  convention: SmoothingConvention;
  reduction: Reduction;
  epsilon: number;
  temperature: number;
  weighted: boolean;
  ignoreIndex: number;
}

const VARIANTS = [
  { epsilon: 0, temperature: 1 },
  { epsilon: 0.3, temperature: 2 },
  { epsilon: 1, temperature: 1 },
];

export function scriptCases(): ScriptCase[] {
  const cases: ScriptCase[] = [];
  const seen = new Set<string>();
  let k = 0;
  for (const sample of Object.keys(SCRIPT_SAMPLES))
    for (const loss of PLAYGROUND_LOSSES)
      for (const inputKind of INPUT_KINDS)
        for (const convention of SMOOTHING_CONVENTIONS)
          for (const reduction of REDUCTIONS)
            for (const variant of VARIANTS) {
              k++;
              const c: ScriptCase = {
                sample,
                loss,
                inputKind,
                convention,
                reduction,
                ...variant,
                weighted: k % 3 === 0,
                ignoreIndex: k % 4 === 0 ? 1 : -100,
              };
              const state = stateOf(c);
              const key = JSON.stringify([sample, state]);
              if (state.convention !== convention || state.reduction !== reduction || seen.has(key)) continue;
              seen.add(key);
              cases.push(c);
            }
  return cases;
}

export function stateOf(c: ScriptCase): PlaygroundState {
  const sample = SCRIPT_SAMPLES[c.sample]!;
  const patch: Partial<PlaygroundState> = {
    loss: c.loss,
    inputKind: c.inputKind,
    convention: c.convention,
    reduction: c.reduction,
    epsilon: c.epsilon,
    temperature: c.temperature,
    ignoreIndex: c.ignoreIndex,
    logitsText: sample.input[c.inputKind],
    targetsText: sample.targets,
    weightText: c.weighted ? sample.weights : '',
  };
  return reduce(DEFAULT_STATE, { type: 'patch', patch });
}
