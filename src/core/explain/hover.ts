import { type Finding, wrapsNote } from '../analysis/results';
import { CONVENTIONS, isSmoothingConvention } from '../smoothing';
import { epsilonNotes, epsilonSource, epsilonSymbol, shownEpsilonText } from './epsilon';
import { formulaFor } from './formulas';
import { lead, messageMarkdown, pitfallLine, title } from './lead';
import { codeBlock, commandLink, escapeMarkdown, inlineCode } from './markdown';
import { torchNotes } from './notes';
import { exampleClassesNote, type Resolved, resolve } from './resolve';
import { seedFromFinding } from './seed';
import { fileClasses } from './source';
import { smoothedTargetTable } from './targets';
import { torchSection } from './torchCall';

export type Detail = 'full' | 'brief';

/** Command ids the links run; no links without them (e.g. in a plain document). */
export interface LinkCommands {
  readonly openPlayground: string;
  readonly compareConventions: string;
}

export interface ExplainOptions {
  readonly detail: Detail;
  readonly defaultEpsilon: number;
  /** Other findings at the same spot (pitfalls), listed under the explanation. */
  readonly related?: readonly Finding[];
  readonly links?: LinkCommands;
  /** The file's text: its class-count constant and a function's parameters make the examples and calls its own. */
  readonly source?: string;
}

const OTHER_CONVENTION_TEXT: Readonly<Record<string, string>> = {
  k_minus_2_padding: 'K−2 with a padding class: target 1 − ε, padding class 0, every other class ε/(K−2)',
  soft_target: 'probability (soft) targets, no smoothing',
  other: 'unrecognised smoothing (see the note above)',
  none: 'no label smoothing',
};

function conventionLine(finding: Finding): string | null {
  const c = finding.convention;
  if (!c) return null;
  const text = isSmoothingConvention(c)
    ? `${CONVENTIONS[c].label}: ${CONVENTIONS[c].target}`
    : OTHER_CONVENTION_TEXT[c];
  return text ? `**Convention:** ${escapeMarkdown(text)}` : null;
}

function targetSection(finding: Finding, r: Resolved): string | null {
  if (!finding.convention || epsilonSource(r) === 'invalid' || r.shownEpsilon <= 0) return null;
  const tableText = smoothedTargetTable(finding.convention, r.classes, r.shownEpsilon);
  if (!tableText) return null;
  const binary =
    isSmoothingConvention(finding.convention) && CONVENTIONS[finding.convention].family === 'binary';
  const k = binary
    ? null
    : r.classesFromCode
      ? `K = ${r.classes}`
      : r.classesFromFile
        ? `K = ${r.classes}, ${inlineCode(r.classesFromFile.name)} in this file`
        : `K = ${r.classes}, an example`;
  const heading = [k, shownEpsilonText(finding, r)].filter((s): s is string => !!s).join('; ');
  return `**Smoothed target** (${heading}):\n\n${tableText}`;
}

function bullets(heading: string, lines: readonly string[]): string | null {
  return lines.length ? `**${heading}**\n\n${lines.map((l) => `- ${l}`).join('\n')}` : null;
}

function linksLine(finding: Finding, r: Resolved, links: LinkCommands | undefined): string | null {
  const activation = finding.details?.lossKind === 'softmax' || finding.details?.lossKind === 'log_softmax';
  if (!links || finding.kind !== 'loss' || activation) return null;
  const compare = { epsilon: r.shownEpsilon, classes: r.classes, convention: finding.convention };
  const line = [
    commandLink('Open in playground', links.openPlayground, [seedFromFinding(finding, r)]),
    commandLink('Compare conventions', links.compareConventions, [compare]),
  ].join(' · ');
  const note = r.classesFromCode ? exampleClassesNote(r) : null;
  return note ? `${line}\n\n${escapeMarkdown(`The playground opens with ${note}.`)}` : line;
}

/** The torch call first: it is what a person copies; the formula, targets and notes explain it. */
function fullSections(finding: Finding, r: Resolved, source: string | undefined): (string | null)[] {
  const formula = formulaFor(finding);
  return [
    epsilonSource(r) === 'invalid' ? null : torchSection(finding, false, source),
    formula && `**Computes:**\n\n${codeBlock(formula, 'text')}`,
    targetSection(finding, r),
    bullets(`What ${epsilonSymbol(finding)} does here`, epsilonNotes(finding, r)),
    bullets('PyTorch semantics', torchNotes(finding.details ?? {})),
  ];
}

/** Hover / explanation Markdown for one finding; every string from the user's file is escaped. */
export function explainFinding(finding: Finding, options: ExplainOptions): string {
  const r = resolve(
    finding,
    options.defaultEpsilon,
    options.source === undefined ? undefined : fileClasses(options.source),
  );
  const others = (options.related ?? []).filter((f) => f.kind === 'pitfall' && f !== finding);
  const body =
    options.detail === 'brief'
      ? [conventionLine(finding), torchSection(finding, true, options.source)]
      : fullSections(finding, r, options.source);
  const wraps = wrapsNote(finding);
  return [
    title(finding),
    lead(finding),
    wraps && messageMarkdown(wraps),
    ...body,
    bullets('Pitfalls here', others.map(pitfallLine)),
    linksLine(finding, r, options.links),
  ]
    .filter((s): s is string => !!s)
    .join('\n\n');
}
