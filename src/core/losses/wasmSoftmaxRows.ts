import { EXP_IN_RANGE_CONSTANTS, FRACTION_POWERS } from './fastExp';
import { FIRST_VALUE_SPREAD, firstShiftCancels, MAX_SHIFT_SPREAD } from './rowKernels';
import {
  jsSoftmaxGradientRows,
  maxShiftedGradientRow,
  type SoftmaxGradientRows,
  SUMS_PER_ROW,
} from './softmaxGradientRows';
import { SOFTMAX_ROWS_WASM } from './softmaxRowsWasm';

/** The part of the WebAssembly API used here (the core's lib has no WebAssembly types; hosts may lack it). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}

interface SoftmaxRowsExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  init(...constants: typeof EXP_IN_RANGE_CONSTANTS): void;
  rows(
    inAt: number,
    outAt: number,
    sumsAt: number,
    rows: number,
    classes: number,
    a: number,
    b: number,
    spread: number,
    byMax: 0 | 1,
  ): void;
}

const PAGE_BYTES = 65536;
/** softmaxRows.wat reads 2^(j/256) at byte 8·j. */
const TABLE_BYTES = FRACTION_POWERS.byteLength;
/**
 * What softmaxRows.wat writes per row: the shift, Σ exp, Σ (x - shift) and how far the max lies above the shift, or
 * -1 when the row left the range.
 */
const WASM_SUMS_PER_ROW = 4;
/** Rows go through the kernel in blocks of about this many input bytes, which stay in the core's L2 cache. */
const BLOCK_BYTES = 65536;
/** The kernel's memory never shrinks: a row longer than this (2^20 classes) takes the JS kernel instead. */
const MAX_BLOCK_BYTES = 8 * 2 ** 20;
/** Spare bytes after each block: an odd row's last pair reads and writes one value past it. */
const SPARE_BYTES = 8;

let chosen: SoftmaxGradientRows | undefined;

/**
 * The WebAssembly SIMD kernel where the runtime has WebAssembly with SIMD and may compile it (a content security
 * policy without 'wasm-unsafe-eval' forbids it), else the JS one; both give the same bits. Chosen at the first
 * call.
 */
export function softmaxGradientKernel(): SoftmaxGradientRows {
  chosen ??= wasmSoftmaxGradientRows() ?? jsSoftmaxGradientRows;
  return chosen;
}

/** The SoftmaxGradientRows of softmaxRows.wat, or undefined where it cannot run. */
export function wasmSoftmaxGradientRows(): SoftmaxGradientRows | undefined {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api?.validate(SOFTMAX_ROWS_WASM)) return undefined;
  let kernel: SoftmaxRowsExports;
  try {
    kernel = new api.Instance(new api.Module(SOFTMAX_ROWS_WASM)).exports as SoftmaxRowsExports;
  } catch {
    return undefined;
  }
  kernel.init(...EXP_IN_RANGE_CONSTANTS);
  new Float64Array(kernel.memory.buffer, 0, FRACTION_POWERS.length).set(FRACTION_POWERS);
  return (x, out, rows, classes, a, b, sums) => {
    const blockRows = Math.min(rows, Math.max(1, Math.floor(BLOCK_BYTES / (classes * 8))));
    const blockBytes = blockRows * classes * 8;
    const sumsAt = TABLE_BYTES;
    const inAt = sumsAt + blockRows * WASM_SUMS_PER_ROW * 8;
    const outAt = inAt + blockBytes + SPARE_BYTES;
    if (classes < 2 || blockBytes > MAX_BLOCK_BYTES || !holds(kernel, outAt + blockBytes + SPARE_BYTES)) {
      jsSoftmaxGradientRows(x, out, rows, classes, a, b, sums);
      return;
    }
    const memory = new Float64Array(kernel.memory.buffer);
    for (let first = 0; first < rows; first += blockRows) {
      const count = Math.min(blockRows, rows - first);
      const start = first * classes;
      const end = start + count * classes;
      memory.set(x.subarray(start, end), inAt / 8);
      kernel.rows(inAt, outAt, sumsAt, count, classes, a, b, FIRST_VALUE_SPREAD, 0);
      for (let i = 0, from = sumsAt / 8; i < count; i++, from += WASM_SUMS_PER_ROW) {
        const highest = memory[from + 3]!;
        if (highest >= 0 && firstShiftCancels(highest, memory[from + 1]!)) {
          // Done again shifted by its max; an odd row writes one value past its output, the next row's.
          const rowBytes = i * classes * 8;
          const after = (outAt + rowBytes) / 8 + classes;
          const next = memory[after]!;
          kernel.rows(inAt + rowBytes, outAt + rowBytes, from * 8, 1, classes, a, b, MAX_SHIFT_SPREAD, 1);
          memory[after] = next;
        }
      }
      out.set(memory.subarray(outAt / 8, outAt / 8 + count * classes), start);
      for (let i = 0, from = sumsAt / 8; i < count; i++, from += WASM_SUMS_PER_ROW) {
        const row = first + i;
        const at = row * SUMS_PER_ROW;
        // A row outside the shift's range is done again from its max, in JS, whose exponential checks everything.
        if (memory[from + 3]! < 0) {
          maxShiftedGradientRow(x, out, row * classes, classes, a, b, sums, at);
          continue;
        }
        sums[at] = memory[from]!;
        sums[at + 1] = memory[from + 1]!;
        sums[at + 2] = memory[from + 2]!;
      }
    }
  };
}

/** Whether the kernel's memory holds `bytes`, grown if need be (false when the host refuses the memory). */
function holds(kernel: SoftmaxRowsExports, bytes: number): boolean {
  const missing = bytes - kernel.memory.buffer.byteLength;
  if (missing <= 0) return true;
  try {
    kernel.memory.grow(Math.ceil(missing / PAGE_BYTES));
    return true;
  } catch {
    return false;
  }
}
