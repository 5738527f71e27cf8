/**
 * A printed loss next to a recognised loss call (`print(v)  # tensor(1.4178)`), checked against what the code
 * computes with its own settings and inputs, and solved for the ε that prints it under each convention.
 */
import type { Finding, SourceRange } from '../analysis/results';
import {
  CONVENTIONS,
  type LossLine,
  lossLine,
  type PrintedValue,
  parsePrinted,
  type SmoothingConvention,
  solveLine,
} from '../smoothing';
import type { Tensor } from '../tensor';
import { callArguments, literalTensor } from './literalCall';
import { inlineCode } from './markdown';

export interface PrintedCheck {
  /** The printed text. */
  readonly range: SourceRange;
  readonly markdown: string;
}

/** How far below a loss call its printed value may be (lines). */
const CALL_WINDOW = 12;
const SOLVED: readonly SmoothingConvention[] = ['k_minus_1', 'uniform'];
const TENSOR_REPR = /tensor\(\s*\[?\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*\]?\s*(?:,[^)]*)?\)/g;
const BARE_NUMBER = /[-+]?(?:\d+\.\d+|\.\d+)(?:[eE][-+]?\d+)?/g;

/** Where the comment starts (a `#` outside strings), or -1. */
function commentStart(line: string): number {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote) {
      if (ch === quote && line[i - 1] !== '\\') quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') return i;
  }
  return -1;
}

/** The printed value under column (0-based) in a comment: `tensor(…)`, or a bare number after a `print(…)`. */
export function printedAt(line: string, column: number): { start: number; end: number; text: string } | null {
  const hash = commentStart(line);
  if (hash < 0 || column < hash) return null;
  const comment = line.slice(hash);
  const patterns = /\bprint\(/.test(line.slice(0, hash)) ? [TENSOR_REPR, BARE_NUMBER] : [TENSOR_REPR];
  for (const pattern of patterns) {
    for (const m of comment.matchAll(pattern)) {
      const start = hash + m.index;
      const end = start + m[0].length;
      if (column >= start && column < end) return { start, end, text: m[0] };
    }
  }
  return null;
}

function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) offset = source.indexOf('\n', offset) + 1;
  return offset + column - 1;
}

interface Evaluated {
  finding: Finding;
  logits: Tensor;
  labels: Tensor;
}

/** The nearest recognised smoothed loss call above, whose inputs the file writes out. */
function nearestCall(source: string, line: number, findings: readonly Finding[]): Evaluated | Finding | null {
  const calls = findings
    .filter(
      (f) =>
        f.kind === 'loss' &&
        f.endLine <= line &&
        line - f.endLine <= CALL_WINDOW &&
        f.epsilon !== null &&
        (f.convention === 'uniform' || f.convention === 'k_minus_1'),
    )
    .sort((a, b) => b.endLine - a.endLine);
  for (const finding of calls) {
    const start = offsetOf(source, finding.line, finding.column);
    const args = callArguments(source.slice(start, offsetOf(source, finding.endLine, finding.endColumn)));
    if (!args || args.length < 2) continue;
    const logits = literalTensor(args[0]!, source, start);
    const labels = literalTensor(args[1]!, source, start);
    return logits && labels ? { finding, logits, labels } : finding;
  }
  return null;
}

const decimalsOf = (p: PrintedValue) => Math.max(0, Math.round(-Math.log10(2 * p.halfWidth)));
const at = (line: LossLine, epsilon: number) => line.intercept + line.slope * epsilon;
const name = (c: SmoothingConvention) => CONVENTIONS[c].label;

function solvedText(lines: ReadonlyMap<SmoothingConvention, LossLine>, printed: PrintedValue): string {
  const parts = SOLVED.map((c) => {
    const s = solveLine(lines.get(c)!, printed);
    if (!s) return `under ${name(c)} no ε in [0, 1] prints it`;
    return `under ${name(c)} it equals ε = ${s.simplest} (every ε in [${s.lo.toPrecision(6)}, ${s.hi.toPrecision(6)}] prints it)`;
  });
  return `${parts.join('; ')}.`;
}

/** The check for the printed value at (line, column) (1-based) in a comment, or null when there is none there. */
export function checkPrinted(
  source: string,
  line: number,
  column: number,
  findings: readonly Finding[],
): PrintedCheck | null {
  const text = source.split('\n')[line - 1] ?? '';
  const hit = printedAt(text, column - 1);
  if (!hit) return null;
  const range = { line, column: hit.start + 1, endLine: line, endColumn: hit.end + 1 };
  return checkPrintedValue(source, line, hit.text, range, findings);
}

/** The `tensor(…)` values printed in a notebook cell's output, in order. */
export function printedValues(output: string): string[] {
  return [...output.matchAll(TENSOR_REPR)].map((m) => m[0]);
}

/**
 * `printedText` (shown at `range`) against the nearest recognised loss call ending at or above `line`: what the
 * code computes with its inputs and settings, and which ε prints the value under each convention.
 */
export function checkPrintedValue(
  source: string,
  line: number,
  printedText: string,
  range: SourceRange,
  findings: readonly Finding[],
): PrintedCheck | null {
  const printed = parsePrinted(printedText);
  const call = printed && nearestCall(source, line, findings);
  if (!printed || !call) return null;
  if (!('logits' in call)) {
    const where = `${inlineCode(call.symbol ?? 'the loss')} on line ${call.line}`;
    return {
      range,
      markdown: `**Printed ${printedText}**: the inputs of ${where} are not written out here, so Loss Lens cannot compute what it prints. The playground's *Solve for ε* takes them pasted.`,
    };
  }
  const { finding, logits, labels } = call;
  const convention = finding.convention as SmoothingConvention;
  const epsilon = finding.epsilon!;
  const reduction = finding.details?.reduction === 'sum' ? 'sum' : 'mean';
  let lines: Map<SmoothingConvention, LossLine>;
  try {
    lines = new Map(SOLVED.map((c) => [c, lossLine(logits, labels, c, { reduction })]));
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      range,
      markdown: `**Printed ${printedText}**: the inputs written out here do not fit the loss (${why}).`,
    };
  }
  const computed = at(lines.get(convention)!, epsilon);
  const shown = computed.toFixed(decimalsOf(printed));
  const setting = inlineCode(`${finding.epsilonParam ?? 'ε'}=${epsilon}`);
  const head =
    Math.abs(computed - printed.value) <= printed.halfWidth
      ? `**Printed ${printed.value} = ${shown}**, what this code computes at ${setting} (${name(convention)}).`
      : `**Printed ${printed.value} ≠ ${shown}** that this code computes at ${setting} (${name(convention)}).`;
  return {
    range,
    markdown: `${head} With these inputs (${reduction} reduction), ${solvedText(lines, printed)}`,
  };
}
