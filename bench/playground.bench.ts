// The playground's slider path at 4096 × 1000: what an ε change costs on the UI thread (the precomputed model at ε,
// the heatmap grid, the row plot's target, the sweep markers), against recomputing the torch-exact loss, and the
// one-off full computation the worker does when the inputs change. Prints medians; the goal is < 16 ms per ε step.
// Ratios are against one core cross-entropy forward + gradient pass on the same logits, timed in the same run (rep
// by rep between the full computes), on the wall clock and in CPU time.
import { crossEntropy } from '../src/core/losses';
import {
  computeExact,
  computeParts,
  computePlayground,
  curveAt,
  type PlaygroundResult,
} from '../src/core/playground/compute';
import { lerpArray, modelAt } from '../src/core/playground/model';
import { reduce } from '../src/core/playground/reducer';
import { DEFAULT_STATE, type PlaygroundState } from '../src/core/playground/state';
import { syntheticTensors } from '../src/core/playground/synthetic';
import {
  collectGarbage,
  formatMs,
  formatRatio,
  median,
  medianWallAndCpu,
  percentile,
  ratioWallAndCpu,
  timeMs,
  timeWallAndCpu,
  verdicts,
  type WallAndCpu,
} from './support';

const STEPS = Number(process.env.STEPS ?? 400);
const FRAME_MS = 16;
/** Exact recomputes timed per loss (the machine may be loaded: a median of few runs jumps). */
const EXACT_RUNS = 11;
/** Full computes per loss, each on new synthetic logits (a new paste), each after one core CE pass. */
const FULL_RUNS = Number(process.env.FULL_RUNS ?? 3);

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => percentile(sorted, q).toFixed(3);
  return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms`;
}

/** Everything the webview computes for one slider step before Chart.js draws. */
function epsilonStep(result: PlaygroundResult, epsilon: number): number {
  const point = modelAt(result.model, epsilon);
  const heat = lerpArray(result.heat.at0.values, result.heat.at1.values, epsilon);
  const target = lerpArray(result.row.targetAt0, result.row.targetAt1, epsilon);
  const markers = result.sweep.map((c) => curveAt(c, epsilon));
  return point.value + heat[0]! + target[0]! + markers[0]!;
}

function stress(patch: Partial<PlaygroundState> = {}): PlaygroundState {
  return { ...reduce(DEFAULT_STATE, { type: 'sample', id: 'stress' }), ...patch };
}

/** Goals: paste → all plots ≤ 6× one pass; the exact value after the slider rests ≤ 1.5× the uniform CE exact. */
const GOALS = { full: 6, exact: 1.5 };

/** One core cross-entropy forward + gradient pass (ε 0.1, mean) on the stress sample's logits, after a warm-up. */
function passOn(state: PlaygroundState): () => unknown {
  const { input, target } = syntheticTensors(state.synthetic!, false);
  const pass = () => crossEntropy(input, target, { labelSmoothing: 0.1, grad: true });
  pass();
  return pass;
}

/**
 * The worker's full compute as after a paste: each rep on logits of a new seed, so that no rep reuses the last
 * one's parse, interleaved with the one pass it is measured against. Returns the medians and the last rep's state.
 */
function fullCompute(
  state: PlaygroundState,
  pass: () => unknown,
): { full: WallAndCpu; pass: WallAndCpu; last: PlaygroundState; result: PlaygroundResult } {
  const fulls: WallAndCpu[] = [];
  const passes: WallAndCpu[] = [];
  let last = state;
  let result: PlaygroundResult | undefined;
  for (let rep = 0; rep < FULL_RUNS; rep++) {
    last = { ...state, synthetic: { ...state.synthetic!, seed: state.synthetic!.seed + rep } };
    collectGarbage();
    passes.push(timeWallAndCpu(pass));
    collectGarbage();
    fulls.push(
      timeWallAndCpu(() => {
        const outcome = computePlayground(last);
        if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
        result = outcome;
      }),
    );
  }
  return { full: medianWallAndCpu(fulls), pass: medianWallAndCpu(passes), last, result: result! };
}

function benchLoss(
  label: string,
  state: PlaygroundState,
  pass: () => unknown,
  uniformExact?: WallAndCpu,
): WallAndCpu {
  const full = fullCompute(state, pass);
  const result = full.result;
  const steps = Array.from({ length: STEPS }, (_, i) => timeMs(() => epsilonStep(result, (i % 100) / 100)));
  const exact = Array.from({ length: EXACT_RUNS }, (_, i) =>
    timeWallAndCpu(() => computeExact({ ...full.last, epsilon: (i % 10) / 10 })),
  );
  const medianStep = median(steps);
  const exactMedian = medianWallAndCpu(exact);
  const fullRatio = ratioWallAndCpu(full.full, full.pass);
  console.log(
    `${label}: full compute (worker, once per input change) ${formatMs(full.full, 0)} / one CE fwd+grad pass ` +
      `${formatMs(full.pass)} = ${formatRatio(fullRatio, 1)} (medians of ${FULL_RUNS}, interleaved; ` +
      `goal ≤ ${GOALS.full}×): ${verdicts((r) => r <= GOALS.full, fullRatio)}`,
  );
  console.log(
    `  ε step from the model (UI thread): ${summary(steps)} — ${medianStep < FRAME_MS ? 'within' : 'OVER'} ${FRAME_MS} ms`,
  );
  const again = timeMs(() => computePlayground(full.last));
  const lossFirst = timeMs(() => computeParts({ state: full.last, scope: 'full' }).next());
  console.log(
    `  streamed (parse cached): the loss value after ${lossFirst.toFixed(0)} ms, every plot's data after ${again.toFixed(0)} ms`,
  );
  console.log(
    `  torch-exact recompute at one ε (worker, after the slider rests): ${summary(exact.map((t) => t.wall))}; ` +
      `medians ${formatMs(exactMedian)}`,
  );
  if (uniformExact !== undefined) {
    const ratio = ratioWallAndCpu(exactMedian, uniformExact);
    console.log(
      `  exact / uniform CE exact = ${formatRatio(ratio)} (goal ≤ ${GOALS.exact}×): ${verdicts((r) => r <= GOALS.exact, ratio)}`,
    );
  }
  return exactMedian;
}

export async function run(): Promise<void> {
  const pass = passOn(stress());
  const uniform = benchLoss('cross-entropy, uniform, 4096×1000', stress(), pass);
  benchLoss('cross-entropy, K−1, 4096×1000', stress({ convention: 'k_minus_1' }), pass, uniform);
  benchLoss('KL, batchmean, 4096×1000', stress({ loss: 'kl_div', reduction: 'batchmean' }), pass, uniform);
}
