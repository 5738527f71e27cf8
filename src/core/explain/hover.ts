import type { Finding } from '../analysis/findings';
import { CONVENTIONS, isSmoothingConvention } from '../smoothing';
import { formulaFor } from './formulas';
import { codeBlock, commandLink, escapeMarkdown, formatNumber, inlineCode } from './markdown';
import { epsilonNotes, torchNotes } from './notes';
import { type Resolved, resolve } from './resolve';
import { seedFromFinding } from './seed';
import { smoothedTargetTable } from './targets';

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
}

const OTHER_CONVENTION_TEXT: Readonly<Record<string, string>> = {
  k_minus_2_padding: 'K−2 with a padding class: target 1 − ε, padding class 0, every other class ε/(K−2)',
  soft_target: 'probability (soft) targets, no smoothing',
  other: 'unrecognised smoothing (see the note above)',
  none: 'no label smoothing',
};

function title(finding: Finding): string {
  const what = finding.kind === 'pitfall' ? `pitfall ${inlineCode(finding.rule ?? '?')}` : 'loss';
  return `**Loss Lens** · ${what}${finding.symbol ? ` · ${inlineCode(finding.symbol)}` : ''}`;
}

function conventionLine(finding: Finding): string | null {
  const c = finding.convention;
  if (!c) return null;
  const text = isSmoothingConvention(c)
    ? `${CONVENTIONS[c].label}: ${CONVENTIONS[c].target}`
    : OTHER_CONVENTION_TEXT[c];
  return text ? `**Convention:** ${escapeMarkdown(text)}` : null;
}

function targetSection(finding: Finding, r: Resolved): string | null {
  const tableText = finding.convention && smoothedTargetTable(finding.convention, r.classes, r.epsilon);
  if (!tableText) return null;
  const k = r.classesFromCode ? `K = ${r.classes}` : `K = ${r.classes} (example)`;
  return `**Smoothed target** (${k}, ε = ${formatNumber(r.epsilon)}):\n\n${tableText}`;
}

function torchSection(finding: Finding, detail: Detail): string | null {
  if (!finding.torchEquivalent) return null;
  return detail === 'brief'
    ? `**Torch equivalent:** ${inlineCode(finding.torchEquivalent)}`
    : `**Torch equivalent:**\n\n${codeBlock(finding.torchEquivalent, 'python')}`;
}

function bullets(heading: string, lines: readonly string[]): string | null {
  return lines.length ? `**${heading}**\n\n${lines.map((l) => `- ${l}`).join('\n')}` : null;
}

function pitfallLine(pitfall: Finding): string {
  const fix = pitfall.fix ? ` (quick fix: ${escapeMarkdown(pitfall.fix.title)})` : '';
  return `${inlineCode(pitfall.rule ?? 'pitfall')} ${escapeMarkdown(pitfall.message)}${fix}`;
}

function linksLine(finding: Finding, r: Resolved, links: LinkCommands | undefined): string | null {
  if (!links || finding.kind !== 'loss') return null;
  const compare = { epsilon: r.epsilon, classes: r.classes, convention: finding.convention };
  return [
    commandLink('Open in playground', links.openPlayground, [seedFromFinding(finding, r)]),
    commandLink('Compare conventions', links.compareConventions, [compare]),
  ].join(' · ');
}

function fullSections(finding: Finding, r: Resolved): (string | null)[] {
  const formula = formulaFor(finding);
  return [
    formula && `**Computes:**\n\n${codeBlock(formula, 'text')}`,
    conventionLine(finding),
    targetSection(finding, r),
    torchSection(finding, 'full'),
    bullets('ε', epsilonNotes(finding, r)),
    bullets('PyTorch semantics', torchNotes(finding)),
  ];
}

/** Hover / explanation Markdown for one finding; every string from the user's file is escaped. */
export function explainFinding(finding: Finding, options: ExplainOptions): string {
  const r = resolve(finding, options.defaultEpsilon);
  const pitfalls = [finding, ...(options.related ?? [])].filter((f) => f.kind === 'pitfall');
  const body =
    options.detail === 'brief'
      ? [conventionLine(finding), torchSection(finding, 'brief')]
      : fullSections(finding, r);
  return [
    title(finding),
    finding.kind === 'loss' ? escapeMarkdown(finding.message) : null,
    ...body,
    bullets('Pitfalls here', pitfalls.map(pitfallLine)),
    linksLine(finding, r, options.links),
  ]
    .filter((s): s is string => !!s)
    .join('\n\n');
}
