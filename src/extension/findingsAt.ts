import type * as vscode from 'vscode';
import type { Finding } from '../core/analysis';
import { findingAt } from '../core/analysis/results';
import type { Ctx } from './ctx';
import { toLineColumn } from './ranges';

export interface FindingsAt {
  /** The innermost loss at the position, else the innermost pitfall. */
  readonly primary: Finding;
  /** The innermost pitfall there when a loss is primary. */
  readonly related: readonly Finding[];
}

/** Findings at `position` (end inclusive, so a cursor just after a call counts); undefined when none. */
export async function findingsAt(
  ctx: Ctx,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<FindingsAt | undefined> {
  const { line, column } = toLineColumn(position);
  const findings = (await ctx.analysis.findingsAt(document, position)) ?? [];
  const loss = findingAt(
    findings.filter((f) => f.kind === 'loss'),
    line,
    column,
  );
  const pitfall = findingAt(
    findings.filter((f) => f.kind === 'pitfall'),
    line,
    column,
  );
  const primary = loss ?? pitfall;
  return primary ? { primary, related: loss && pitfall ? [pitfall] : [] } : undefined;
}
