/**
 * "Insert Equivalent PyTorch Call" as statements a person keeps: `criterion = nn.X(…)` with the definition's ε and
 * K filled in (as the hover shows them), and how it is called as a comment when the call needs the loss's locals.
 */
import type { Finding } from '../analysis/results';
import { formatNumber } from './markdown';
import { resolve } from './resolve';
import { fileClasses } from './source';
import { splitConstruction } from './torchCall';

const word = (name: string): RegExp => new RegExp(`(?<![\\w.])${name}(?!\\w)`, 'g');

/** The equivalent with `self.` dropped and the ε parameter and K replaced by the numbers the hover shows. */
export function filledEquivalent(
  finding: Finding,
  source: string,
  defaultEpsilon: number,
): string | undefined {
  if (!finding.torchEquivalent) return undefined;
  const r = resolve(finding, defaultEpsilon, fileClasses(source));
  let code = finding.torchEquivalent.replace(/\bself\./g, '');
  if (finding.epsilonParam) code = code.replace(word(finding.epsilonParam), formatNumber(r.shownEpsilon));
  if (r.classesFromCode || r.classesFromFile) code = code.replace(word('K'), String(r.classes));
  return code;
}

/** A name for the new criterion that the file does not use yet. */
function freshName(source: string): string {
  return (
    ['criterion', 'torch_criterion', 'torch_loss_fn'].find((n) => !word(n).test(source)) ?? 'torch_criterion'
  );
}

/** The lines to insert (unindented), or undefined when there is no torch equivalent. */
export function equivalentStatements(
  finding: Finding,
  source: string,
  defaultEpsilon: number,
): string[] | undefined {
  const code = filledEquivalent(finding, source, defaultEpsilon);
  if (!code) return undefined;
  const parts = splitConstruction(code);
  const name = freshName(source);
  const unknownK = /\bK\b/.test(code) ? '  # set K to the number of classes' : '';
  if (!parts) return [`${name} = ${code}${unknownK}`];
  const call = parts.args === undefined ? [] : [`# loss = ${name}(${parts.args})`];
  return [`${name} = ${parts.ctor}${unknownK}`, ...call];
}

/** The construction part of the equivalent, for replacing `MyLoss(…)` where the file constructs its own class. */
export function constructionReplacement(
  finding: Finding,
  source: string,
  defaultEpsilon: number,
): string | undefined {
  const code = filledEquivalent(finding, source, defaultEpsilon);
  const parts = code ? splitConstruction(code) : undefined;
  return parts && parts.args === undefined && !/\bK\b/.test(parts.ctor) ? parts.ctor : undefined;
}
