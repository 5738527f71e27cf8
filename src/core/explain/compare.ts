import { CONVENTIONS, convertEpsilon, type SmoothingConvention } from '../smoothing';
import { escapeMarkdown, formatNumber, inlineCode, table } from './markdown';
import { binaryTarget, categoricalTargets } from './targets';

export interface CompareRequest {
  readonly epsilon: number;
  readonly classes: number;
  /** The convention of the code at the cursor, marked in the tables. */
  readonly current?: SmoothingConvention | null;
}

const CATEGORICAL: readonly SmoothingConvention[] = ['uniform', 'k_minus_1'];

function label(convention: SmoothingConvention, current: SmoothingConvention | null | undefined): string {
  const text = escapeMarkdown(CONVENTIONS[convention].label);
  return convention === current ? `**${text}** (this code)` : text;
}

/** Logit gap a perfect model reaches (softmax equals the smoothed target): log(on / off). */
function optimalGap(on: number, off: number): string {
  return off > 0 ? formatNumber(Math.log(on / off)) : '∞';
}

function categoricalSection({ epsilon, classes, current }: CompareRequest): string {
  const rows = CATEGORICAL.map((c) => {
    const { on, off } = categoricalTargets(c, classes, epsilon) ?? { on: 1, off: 0 };
    const uniformEps = convertEpsilon(epsilon, c, 'uniform', classes);
    const torch =
      uniformEps <= 1 ? inlineCode(`label_smoothing=${formatNumber(uniformEps)}`) : 'none (ε > 1)';
    return [label(c, current), formatNumber(on), formatNumber(off), optimalGap(on, off), torch];
  });
  const kMinus1 = formatNumber(convertEpsilon(epsilon, 'k_minus_1', 'uniform', classes));
  const uniform = formatNumber(convertEpsilon(epsilon, 'uniform', 'k_minus_1', classes));
  return [
    `### Class-index targets (K = ${classes}, ε = ${formatNumber(epsilon)})`,
    table(
      ['convention', 'target class', 'each other class', 'optimal logit gap', 'torch cross_entropy'],
      rows,
    ),
    `- K−1 with ε = ${formatNumber(epsilon)} ≡ uniform with ε·K/(K−1) = ${kMinus1}.`,
    `- Uniform with ε = ${formatNumber(epsilon)} ≡ K−1 with ε·(K−1)/K = ${uniform}.`,
    "- The loss is affine in ε, so every convention's loss is a straight line between its ε = 0 and ε = 1 values.",
  ].join('\n\n');
}

function binarySection({ epsilon, current }: CompareRequest): string {
  const value = (c: SmoothingConvention, t: number, batch: number[]) =>
    formatNumber(binaryTarget(c, epsilon, t, batch));
  const rows = [
    [label('binary', current), 'any', value('binary', 1, []), value('binary', 0, [])],
    [
      label('batch_max_plus_1', current),
      'holds a 1',
      value('batch_max_plus_1', 1, []),
      value('batch_max_plus_1', 0, [1]),
    ],
    [label('batch_max_plus_1', current), 'all zeros', '—', value('batch_max_plus_1', 0, [])],
  ];
  return [
    `### Binary targets (α = ${formatNumber(epsilon)})`,
    table(['convention', 'batch', 't = 1', 't = 0'], rows),
    `- ${escapeMarkdown(CONVENTIONS.batch_max_plus_1.note)}`,
  ].join('\n\n');
}

/** Markdown comparing every smoothing convention at one ε and K, with their equivalences. */
export function compareConventions(request: CompareRequest): string {
  return ['## Label smoothing conventions', categoricalSection(request), binarySection(request)].join('\n\n');
}
