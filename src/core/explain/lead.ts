import type { Finding } from '../analysis/results';
import { escapeMarkdown, inlineCode } from './markdown';

/** `code` spans in an analysis message: kept as code, everything else is escaped. */
const CODE_SPAN = /`([^`\r\n]+)`/g;

/** An analysis message as Markdown: its `code` spans stay code, all other text is escaped. */
export function messageMarkdown(message: string): string {
  let out = '';
  let last = 0;
  for (const match of message.matchAll(CODE_SPAN)) {
    out += escapeMarkdown(message.slice(last, match.index)) + inlineCode(match[1]!);
    last = match.index + match[0].length;
  }
  return out + escapeMarkdown(message.slice(last));
}

export function title(finding: Finding): string {
  const what = finding.kind === 'pitfall' ? `pitfall ${inlineCode(finding.rule ?? '?')}` : null;
  const symbol = finding.symbol ? inlineCode(finding.symbol) : null;
  return ['**Loss Lens**', what, symbol].filter((s): s is string => !!s).join(' · ');
}

function quickFix(finding: Finding): string {
  return finding.fix ? ` Quick fix: ${escapeMarkdown(finding.fix.title)}.` : '';
}

/** The first sentence: what the code computes, without repeating the symbol the title shows. */
export function lead(finding: Finding): string {
  const prefix = finding.symbol ? `${finding.symbol}: ` : '';
  const rest = prefix && finding.message.startsWith(prefix) ? finding.message.slice(prefix.length) : null;
  const text = rest === null ? finding.message : rest.charAt(0).toUpperCase() + rest.slice(1);
  return messageMarkdown(text) + (finding.kind === 'pitfall' ? quickFix(finding) : '');
}

/** A pitfall listed under another finding: its rule, message and quick fix. */
export function pitfallLine(pitfall: Finding): string {
  return `${inlineCode(pitfall.rule ?? 'pitfall')} ${messageMarkdown(pitfall.message)}${quickFix(pitfall)}`;
}
