// Forward + gradient of cross-entropy (index targets, label smoothing 0.1, mean) on 4096 x 1000 float64 logits:
// core vs @tensorflow/tfjs (cpu backend), core vs single-thread PyTorch (when /usr/bin/python3 has torch), core vs
// one plain Math.exp pass, each ratio on the wall clock and in CPU time; and the core's extra memory.

import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type * as Losses from '../src/core/losses';
import type { Tensor } from '../src/core/tensor';
import {
  collectGarbage,
  formatMs,
  formatRatio,
  lcg,
  loadShipped,
  median,
  medianWallAndCpu,
  ratioWallAndCpu,
  timeWallAndCpu,
  verdict,
  verdicts,
  type WallAndCpu,
} from './support';
import { startTorch, type TorchPeer } from './torchPeer';

/** The core as it ships (one esbuild bundle), not tsx's file-per-module transform. */
const { crossEntropy } = loadShipped<typeof Losses>(
  join(__dirname, '..', 'src', 'core', 'losses', 'index.ts'),
);

const ROWS = 4096;
const CLASSES = 1000;
const EPSILON = 0.1;
const REPS = 15;
const TFJS_REPS = 3;
/** Untimed steps on each side before the first timed one (JIT, allocator, caches). */
const WARM_UP = 2;
const GOALS = { tfjsSpeedup: 50, expRatio: 1.5, memoryRatio: 3, torchRatio: 0.75 };

/** The same step in torch (float64, one thread, same shape and ε; its own random data). */
const TORCH_STEP = `
g = torch.Generator().manual_seed(12345)
x = (torch.rand(${ROWS}, ${CLASSES}, generator=g, dtype=torch.float64) * 8 - 4).requires_grad_()
y = torch.randint(0, ${CLASSES}, (${ROWS},), generator=g)
def step():
    x.grad = None
    torch.nn.functional.cross_entropy(x, y, label_smoothing=${EPSILON}).backward()
`;

/** Deterministic uniform values in [0, 1) from a fixed LCG. */
function uniforms(n: number, seed: number): Float64Array {
  const next = lcg(seed);
  return Float64Array.from({ length: n }, () => next());
}

function problem(): { logits: Tensor; labels: Tensor } {
  const logits = uniforms(ROWS * CLASSES, 12345).map((u) => 8 * u - 4);
  const labels = uniforms(ROWS, 777).map((u) => Math.floor(u * CLASSES));
  return { logits: { shape: [ROWS, CLASSES], data: logits }, labels: { shape: [ROWS], data: labels } };
}

/** Each timing starts from a collected heap, so no run pays for the previous one's garbage. */
function timeAfterGc(f: () => unknown): WallAndCpu {
  collectGarbage();
  return timeWallAndCpu(f);
}

/** timeAfterGc, and the minor page faults the call took (fresh memory it touched: ~8000 per new 32 MB array). */
function timeWithFaults(f: () => unknown): WallAndCpu & { faults: number } {
  collectGarbage();
  const before = process.resourceUsage().minorPageFault;
  const time = timeWallAndCpu(f);
  return { ...time, faults: process.resourceUsage().minorPageFault - before };
}

function coreStep(logits: Tensor, labels: Tensor): number {
  const { output, gradInput } = crossEntropy(logits, labels, { labelSmoothing: EPSILON, grad: true });
  return output.data[0]! + gradInput!.data[0]!;
}

function expPass(x: Float64Array): number {
  let total = 0;
  for (let i = 0; i < x.length; i++) total += Math.exp(x[i]!);
  return total;
}

/** tf.losses.softmaxCrossEntropy(onehot, logits, undefined, 0.1) and its gradient (float32: tfjs has no float64). */
async function tfjsStep(logits: Tensor, labels: Tensor): Promise<() => number> {
  await tf.setBackend('cpu');
  const x = tf.tensor2d(Float32Array.from(logits.data), [ROWS, CLASSES]);
  const onehot = tf.oneHot(tf.tensor1d(Int32Array.from(labels.data), 'int32'), CLASSES);
  const lossAndGrad = tf.valueAndGrad((z: tf.Tensor) =>
    tf.losses.softmaxCrossEntropy(onehot, z, undefined, EPSILON),
  );
  return () =>
    tf.tidy(() => {
      const { value, grad } = lossAndGrad(x);
      return value.dataSync()[0]! + grad.dataSync()[0]!;
    });
}

interface Medians {
  core: WallAndCpu;
  exp: WallAndCpu;
  tfjs: WallAndCpu;
  /** Undefined without PyTorch; its CPU time is the PyTorch process's own. */
  torch: WallAndCpu | undefined;
  /** Median minor page faults per step of the core and of PyTorch. */
  faults: { core: number; torch: number | undefined };
}

/**
 * Core, the exp pass, PyTorch's step (in its own process, one step per round) and, in the first rounds, tfjs
 * interleaved so all see the same machine load; median ms of each. The core's steps start from a collected heap,
 * as torch's start with its previous step's tensors freed.
 */
async function timeAll(logits: Tensor, labels: Tensor, torch: TorchPeer | undefined): Promise<Medians> {
  const tfjsRun = await tfjsStep(logits, labels);
  for (let i = 0; i < WARM_UP; i++) {
    coreStep(logits, labels);
    await torch?.time();
  }
  const times = {
    core: [] as WallAndCpu[],
    exp: [] as WallAndCpu[],
    tfjs: [] as WallAndCpu[],
    torch: [] as WallAndCpu[],
  };
  const faults = { core: [] as number[], torch: [] as number[] };
  for (let rep = 0; rep < REPS; rep++) {
    times.exp.push(timeAfterGc(() => expPass(logits.data)));
    const core = timeWithFaults(() => coreStep(logits, labels));
    times.core.push(core);
    faults.core.push(core.faults);
    if (torch) {
      const step = await torch.time();
      times.torch.push(step);
      faults.torch.push(step.faults);
    }
    if (rep < TFJS_REPS) times.tfjs.push(timeAfterGc(tfjsRun));
  }
  return {
    core: medianWallAndCpu(times.core),
    exp: medianWallAndCpu(times.exp),
    tfjs: medianWallAndCpu(times.tfjs),
    torch: torch ? medianWallAndCpu(times.torch) : undefined,
    faults: { core: median(faults.core), torch: torch ? median(faults.torch) : undefined },
  };
}

/** Bytes the call allocates (array buffers + JS heap, no GC in between): an upper bound of its peak. */
function extraBytes(logits: Tensor, labels: Tensor): number {
  collectGarbage();
  const before = process.memoryUsage();
  const result = crossEntropy(logits, labels, { labelSmoothing: EPSILON, grad: true });
  const after = process.memoryUsage();
  if (!result.gradInput) throw new Error('no gradient');
  return after.arrayBuffers - before.arrayBuffers + Math.max(0, after.heapUsed - before.heapUsed);
}

export async function run(): Promise<void> {
  const { logits, labels } = problem();
  const inputBytes = logits.data.byteLength;
  const peer = await startTorch(TORCH_STEP);
  const { core, exp, tfjs, torch, faults } = await timeAll(logits, labels, peer).finally(() => peer?.close());
  const memory = extraBytes(logits, labels) / inputBytes;
  const speedup = ratioWallAndCpu(tfjs, core);
  const expRatio = ratioWallAndCpu(core, exp);
  const name = `cross-entropy fwd+grad ${ROWS}x${CLASSES} float64, eps ${EPSILON}, mean`;
  console.log(
    `${name}: core (esbuild bundle, as shipped) ${formatMs(core)} (medians of ${REPS}, interleaved with the peers)`,
  );
  console.log(
    `core vs tfjs cpu (${formatMs(tfjs)}, medians of ${TFJS_REPS}): ${formatRatio(speedup, 1)} faster ` +
      `(goal ≥ ${GOALS.tfjsSpeedup}×): ${verdicts((r) => r >= GOALS.tfjsSpeedup, speedup)}`,
  );
  if (torch === undefined) console.log('core vs PyTorch: skipped (no /usr/bin/python3 with torch)');
  else {
    const ratio = ratioWallAndCpu(core, torch);
    console.log(
      `core vs PyTorch ${ROWS}x${CLASSES} float64, 1 thread (${formatMs(torch)}, CPU from its own process): ` +
        `${formatRatio(ratio)} (goal ≤ ${GOALS.torchRatio}×): ${verdicts((r) => r <= GOALS.torchRatio, ratio)}`,
    );
    console.log(
      `minor page faults per step (medians): core ${faults.core}, PyTorch ${faults.torch} ` +
        '(~8000 = one fresh 32 MB buffer; both sides should be near 0 for a like-for-like ratio)',
    );
  }
  console.log(
    `core vs one Math.exp pass (${formatMs(exp)}): ${formatRatio(expRatio)} ` +
      `(goal ≤ ${GOALS.expRatio}×): ${verdicts((r) => r <= GOALS.expRatio, expRatio)}`,
  );
  console.log(
    `peak extra memory: ${memory.toFixed(2)}x input bytes (${(inputBytes / 2 ** 20).toFixed(1)} MiB input, ` +
      `goal <= ${GOALS.memoryRatio}x): ${verdict(memory <= GOALS.memoryRatio)}`,
  );
}
