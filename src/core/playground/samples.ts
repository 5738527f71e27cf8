/** Example inputs a first-time user can load with one click: the seeds' examples, plus a stress test. */
import { DEFAULT_STATE, type PlaygroundState } from './state';

export type SampleId = 'seed000' | 'seed001' | 'seed002Gap' | 'seed003Ce' | 'seed003Bce' | 'stress';

export interface Sample {
  id: SampleId;
  label: string;
  /** What the seed printed, so the user can compare. */
  expect: string;
  patch: Partial<PlaygroundState>;
}

const NO_DATA = { weightText: '', synthetic: null, row: 0, temperature: 1, ignoreIndex: -100 } as const;

/** The seeds' usual set-up: mean cross-entropy on pasted logits. */
function crossEntropyOn(
  convention: 'uniform' | 'k_minus_1',
  epsilon: number,
  logitsText: string,
  targetsText: string,
): Partial<PlaygroundState> {
  const loss = 'cross_entropy';
  return {
    ...NO_DATA,
    loss,
    inputKind: 'logits',
    convention,
    epsilon,
    reduction: 'mean',
    logitsText,
    targetsText,
  };
}

export const SAMPLES: readonly Sample[] = [
  {
    id: 'seed000',
    label: 'Seed 000: 3×5 logits, uniform ε = 0.5',
    expect: 'tensor(1.4670)',
    patch: crossEntropyOn('uniform', 0.5, DEFAULT_STATE.logitsText, DEFAULT_STATE.targetsText),
  },
  {
    id: 'seed001',
    label: 'Seed 001: 3×5 logits, K−1 ε = 0.05',
    expect: 'per row [0.8229, 3.1199, 1.1403], sum 5.0831, mean 1.6944',
    patch: crossEntropyOn(
      'k_minus_1',
      0.05,
      'tensor([[-0.6981,  0.9529, -0.0807, -0.5213, -0.0753],\n' +
        '        [ 0.8347, -1.4822, -0.0525, -0.7690,  0.4886],\n' +
        '        [-1.1051,  0.3915,  0.5995,  1.0561,  0.7371]], requires_grad=True)',
      'tensor([1, 1, 3])',
    ),
  },
  {
    id: 'seed002Gap',
    label: 'Seed 002: K = 3 at the optimal logit gap, ε = 0.1',
    expect: 'gap 3.3322, probabilities [0.9333, 0.0333, 0.0333]',
    patch: crossEntropyOn('uniform', 0.1, '[[3.3322, 0, 0],\n [10, 0, 0]]', '[0, 0]'),
  },
  {
    id: 'seed003Ce',
    label: 'Seed 003: 9×4 logits, plain cross-entropy',
    expect: '1.4141',
    patch: crossEntropyOn(
      'uniform',
      0,
      'tensor([[0.4290, 0.7201, 0.9481, 0.4797],\n        [0.5414, 0.9906, 0.4086, 0.2183],\n' +
        '        [0.1834, 0.2852, 0.7813, 0.1048],\n        [0.6550, 0.8375, 0.1823, 0.5239],\n' +
        '        [0.2432, 0.9644, 0.5034, 0.0320],\n        [0.8316, 0.3807, 0.3539, 0.2114],\n' +
        '        [0.9839, 0.6632, 0.7001, 0.0155],\n        [0.3840, 0.7968, 0.4917, 0.4324],\n' +
        '        [0.5174, 0.6913, 0.1628, 0.5692]])',
      'tensor([1, 0, 1, 2, 3, 1, 0, 1, 1])',
    ),
  },
  {
    id: 'seed003Bce',
    label: 'Seed 003: BCE on probabilities, batch max+1 α = 0.1',
    expect: 'α = 0 → 1.8352, 0.1 → 1.7640 … 1.0 → 1.1231',
    patch: {
      ...NO_DATA,
      loss: 'binary_cross_entropy',
      inputKind: 'probabilities',
      convention: 'batch_max_plus_1',
      epsilon: 0.1,
      reduction: 'mean',
      logitsText: 'tensor([0.4290, 0.7201, 0.9481, 0.4797, 0.5414, 0.9906])',
      targetsText: 'tensor([1., 0., 0., 0., 1., 0.])',
    },
  },
  {
    id: 'stress',
    label: 'Stress test: random 4096×1000 logits',
    expect: 'computed in a worker; the ε slider stays smooth',
    patch: { ...crossEntropyOn('uniform', 0.1, '', ''), synthetic: { rows: 4096, cols: 1000, seed: 1 } },
  },
];

export function findSample(id: string): Sample | undefined {
  return SAMPLES.find((s) => s.id === id);
}

/** True when the logits field still holds an example, so replacing it loses nothing the user typed. */
export function isSampleText(text: string): boolean {
  return text.trim() === '' || SAMPLES.some((s) => s.patch.logitsText === text);
}
