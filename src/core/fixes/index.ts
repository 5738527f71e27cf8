/**
 * The quick fixes a pitfall offers in the editor: the analysis's own fix, with what it would leave unused removed
 * and its literals in the file's quote style, or fixes for pitfalls the analysis describes without an edit.
 */
import type { Finding, Fix } from '../analysis';
import { addedFixes } from './added';
import { debrisEdits } from './debris';
import { inQuoteStyle, preferredQuote } from './quotes';
import { LineIndex } from './text';

export function quickFixes(text: string, finding: Finding, findings: readonly Finding[]): Fix[] {
  const lines = new LineIndex(text);
  const own = finding.fix;
  const fixes = own
    ? [{ ...own, edits: [...own.edits, ...debrisEdits(finding, own, lines)] }]
    : addedFixes(finding, findings, lines);
  const quote = preferredQuote(text);
  return fixes.map((f) => ({
    title: inQuoteStyle(f.title, quote),
    edits: f.edits.map((e) => ({ ...e, newText: inQuoteStyle(e.newText, quote) })),
  }));
}
