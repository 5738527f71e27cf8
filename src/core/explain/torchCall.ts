import type { Finding } from '../analysis/findings';
import { codeBlock, inlineCode } from './markdown';

/** A lone `K` in the analysis's torch call: the class count the code does not fix. */
const CLASS_COUNT = /\bK\b/;

/** Conventions torch has no exact call for: the heading says so and a note says what differs. */
const APPROXIMATE: Readonly<Partial<Record<string, { heading: string; note: string }>>> = {
  k_minus_2_padding: {
    heading: 'Closest torch call',
    note: 'torch spreads ε over all K classes, the padding class included, so the targets differ slightly; `padding_idx` is your padding class.',
  },
  batch_max_plus_1: {
    heading: 'Batch-independent torch version',
    note: 'This always smooths towards α/2; the code does so only when the batch holds a 1.',
  },
};

/** The torch call computing the same loss, as a copyable block (an unfixed K is explained in a comment). */
export function torchSection(finding: Finding, brief: boolean): string | null {
  const code = finding.torchEquivalent;
  if (!code) return null;
  const approximate = finding.convention ? APPROXIMATE[finding.convention] : undefined;
  const heading = `**${approximate?.heading ?? 'Torch equivalent'}:**`;
  if (brief) return `${heading} ${inlineCode(code)}`;
  const commented = CLASS_COUNT.test(code) ? `${code}  # set K to the number of classes` : code;
  return [`${heading}\n\n${codeBlock(commented, 'python')}`, approximate?.note]
    .filter((s): s is string => !!s)
    .join('\n\n');
}
