import type { Finding } from '../analysis/results';
import { codeBlock, escapeMarkdown, inlineCode } from './markdown';
import { functionParameters } from './source';

const FUNCTIONAL: Readonly<Record<string, string>> = {
  CrossEntropyLoss: 'cross_entropy',
  NLLLoss: 'nll_loss',
  BCELoss: 'binary_cross_entropy',
  BCEWithLogitsLoss: 'binary_cross_entropy_with_logits',
  KLDivLoss: 'kl_div',
};

/** A parameter named like labels: the function's first two parameters are then (input, target) in that order. */
const TARGET_NAME = /target|label|^y$|^gt$|truth/i;

/** `nn.XLoss(options)(a, b)` → `nn.XLoss(options)` and `a, b` (undefined when applied to nothing). */
export function splitConstruction(
  code: string,
): { module: string; options: string; ctor: string; args?: string } | undefined {
  const m = /^nn\.(\w+)\(/.exec(code);
  if (!m) return undefined;
  let depth = 0;
  let close = -1;
  for (let i = m[0].length - 1; i < code.length && close < 0; i++) {
    if (code[i] === '(') depth++;
    else if (code[i] === ')' && --depth === 0) close = i;
  }
  if (close < 0) return undefined;
  const rest = code.slice(close + 1).trim();
  const args = /^\((.*)\)$/s.exec(rest)?.[1]?.trim();
  if (rest && args === undefined) return undefined;
  const options = code.slice(m[0].length, close).trim();
  return { module: m[1]!, options, ctor: code.slice(0, close + 1), ...(args !== undefined ? { args } : {}) };
}

/** `nn.XLoss(options)(a, b)`, or `nn.XLoss(options)` on a function's `params`, as `F.x(a, b, options)`. */
export function functionalCall(code: string, params: readonly string[]): string | undefined {
  const parts = splitConstruction(code);
  const name = parts && FUNCTIONAL[parts.module];
  if (!parts || !name) return undefined;
  const named = params.length >= 2 && TARGET_NAME.test(params[1]!) && !TARGET_NAME.test(params[0]!);
  const args = parts.args ?? (named ? params.slice(0, 2).join(', ') : 'input, target');
  return `F.${name}(${[args, parts.options].filter((a) => a).join(', ')})`;
}

/**
 * The call as a person pastes it: `self.` dropped (the equivalent is written in the definition's own parameters),
 * and a plain function's equivalent in the functional form it can call directly.
 */
function pasteable(code: string, finding: Finding, source: string | undefined): string {
  const plain = code.replace(/\bself\./g, '');
  const params = source === undefined ? undefined : functionParameters(finding, source);
  return (params && functionalCall(plain, params)) ?? plain;
}

/** A lone `K` in the analysis's torch call: the class count the code does not fix. */
const CLASS_COUNT = /\bK\b/;

/** The torch call computing the same loss, or the closest one and why it differs, as a copyable block (an unfixed K is explained in a comment). */
export function torchSection(finding: Finding, brief: boolean, source?: string): string | null {
  const closest = finding.torchEquivalent ? undefined : finding.details?.closestTorch;
  const written = finding.torchEquivalent ?? closest?.call;
  if (!written) return null;
  const code = pasteable(written, finding, source);
  const heading = `**${closest ? 'Closest torch call' : 'Torch equivalent'}:**`;
  if (brief) return `${heading} ${inlineCode(code)}`;
  const commented = CLASS_COUNT.test(code) ? `${code}  # set K to the number of classes` : code;
  const note = closest && `Not exact: ${escapeMarkdown(closest.why)}.`;
  return [`${heading}\n\n${codeBlock(commented, 'python')}`, note]
    .filter((s): s is string => !!s)
    .join('\n\n');
}
