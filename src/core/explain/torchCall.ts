import type { Finding } from '../analysis/findings';
import { codeBlock, escapeMarkdown, inlineCode } from './markdown';

/** A lone `K` in the analysis's torch call: the class count the code does not fix. */
const CLASS_COUNT = /\bK\b/;

/** The torch call computing the same loss, or the closest one and why it differs, as a copyable block (an unfixed K is explained in a comment). */
export function torchSection(finding: Finding, brief: boolean): string | null {
  const closest = finding.torchEquivalent ? undefined : finding.details?.closestTorch;
  const code = finding.torchEquivalent ?? closest?.call;
  if (!code) return null;
  const heading = `**${closest ? 'Closest torch call' : 'Torch equivalent'}:**`;
  if (brief) return `${heading} ${inlineCode(code)}`;
  const commented = CLASS_COUNT.test(code) ? `${code}  # set K to the number of classes` : code;
  const note = closest && `Not exact: ${escapeMarkdown(closest.why)}.`;
  return [`${heading}\n\n${codeBlock(commented, 'python')}`, note]
    .filter((s): s is string => !!s)
    .join('\n\n');
}
