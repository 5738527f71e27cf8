// A 101-value ε sweep against one direct evaluation on 4096 × 1000 float64 logits (goal: ≤ 1.1× as long).
import { epsilonSweep, smoothedLoss } from '../src/core/smoothing';
import { type Tensor, tensor } from '../src/core/tensor';
import { median, timeMs, verdict } from './support';

const ROWS = 4096;
const CLASSES = 1000;
const RUNS = 7;
const GOAL = 1.1;
const EPSILONS = Array.from({ length: 101 }, (_, i) => i / 100);

/** mulberry32: the same data on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function data(): { logits: Tensor; target: Tensor } {
  const next = random(2023);
  const logits = tensor(
    [ROWS, CLASSES],
    Float64Array.from({ length: ROWS * CLASSES }, () => 8 * next() - 4),
  );
  const target = tensor(
    [ROWS],
    Float64Array.from({ length: ROWS }, () => Math.floor(next() * CLASSES)),
  );
  return { logits, target };
}

/** After one warm-up call. */
function medianMs(work: () => unknown): number {
  work();
  return median(Array.from({ length: RUNS }, () => timeMs(work)));
}

export async function run(): Promise<void> {
  const { logits, target } = data();
  const direct = medianMs(() => smoothedLoss(logits, target, { epsilon: 0.1, convention: 'uniform' }));
  const sweep = medianMs(() => epsilonSweep(logits, target, EPSILONS, { conventions: ['uniform'] }));
  const both = medianMs(() =>
    epsilonSweep(logits, target, EPSILONS, { conventions: ['uniform', 'k_minus_1'] }),
  );
  const naive = timeMs(() =>
    EPSILONS.map((epsilon) => smoothedLoss(logits, target, { epsilon, convention: 'uniform' })),
  );
  const ratio = sweep / direct;
  const line = (label: string, ms: number) =>
    console.log(`${label.padEnd(56)} ${ms.toFixed(1).padStart(8)} ms`);
  console.log(`logits ${ROWS}×${CLASSES} float64, median of ${RUNS} runs`);
  line('smoothedLoss, uniform, 1 ε (direct)', direct);
  line(`epsilonSweep, uniform, ${EPSILONS.length} ε`, sweep);
  line(`epsilonSweep, uniform + K−1, ${EPSILONS.length} ε each`, both);
  line(`smoothedLoss ${EPSILONS.length} times, once (what the sweep replaces)`, naive);
  console.log(`sweep / direct = ${ratio.toFixed(3)}× (goal ≤ ${GOAL}×): ${verdict(ratio <= GOAL)}`);
}
