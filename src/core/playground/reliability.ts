/**
 * The reliability diagram's data. Categorical losses: softmax(logits / T) against the class label (argmax of soft
 * targets), ignored rows left out. Binary losses: every element is a yes/no prediction with confidence max(p, 1−p),
 * correct when (p > 0.5) matches the target (soft targets rounded at 0.5), i.e. softmax over [0, log-odds].
 */
import { type Calibration, calibration } from '../smoothing';
import { type Tensor, tensor } from '../tensor';
import { toLogits } from './lossInput';
import type { Prepared } from './prepare';
import type { PlaygroundState } from './state';
import { sampleTable } from './views';

export function reliabilityOf(p: Prepared, state: PlaygroundState): Calibration | null {
  return p.family === 'binary' ? binaryReliability(p, state) : categoricalReliability(p, state);
}

function binaryReliability(p: Prepared, state: PlaygroundState): Calibration | null {
  const logOdds = toLogits(p.input, state.inputKind, true, state.temperature).data;
  if (logOdds.length === 0) return null;
  const pairs = new Float64Array(logOdds.length * 2);
  logOdds.forEach((z, i) => {
    pairs[2 * i + 1] = z;
  });
  const labels = p.target.data.map((t) => (t > 0.5 ? 1 : 0));
  return calibration(tensor([logOdds.length, 2], pairs), tensor([labels.length], labels), state.bins);
}

function categoricalReliability(p: Prepared, state: PlaygroundState): Calibration | null {
  const logits: Tensor = toLogits(p.input, state.inputKind, false, state.temperature);
  const table = sampleTable(p, logits);
  const kept = [...table.target.keys()].filter(
    (r) => p.targetKind !== 'index' || p.target.data[r] !== state.ignoreIndex,
  );
  if (kept.length === 0) return null;
  const rows = new Float64Array(kept.length * p.cols);
  kept.forEach((r, i) => {
    rows.set(logits.data.subarray(r * p.cols, (r + 1) * p.cols), i * p.cols);
  });
  const labels = Float64Array.from(kept, (r) => table.target[r]!);
  return calibration(tensor([kept.length, p.cols], rows), tensor([kept.length], labels), state.bins);
}

/** NaN or ±inf inputs give no finite confidence: those predictions are in no bin, and the plot says how many. */
export function unbinnedNote(unbinned: number, binary: boolean): string {
  if (unbinned === 0) return '';
  const what = binary ? (unbinned === 1 ? 'element' : 'elements') : unbinned === 1 ? 'row' : 'rows';
  return `${unbinned} ${what} with a non-finite confidence (NaN or infinite input) in no bin. `;
}
