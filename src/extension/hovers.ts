import * as vscode from 'vscode';
import { explainFinding, type LinkCommands } from '../core/explain';
import { commandId } from './commandIds';
import type { Ctx } from './ctx';
import { PYTHON } from './documents';
import { findingsAt } from './findingsAt';
import { explanationSource } from './notebookCells';
import { toRange } from './ranges';

export const HOVER_LINKS: LinkCommands = {
  openPlayground: commandId('openPlayground'),
  compareConventions: commandId('compareConventions'),
};

function hoverMarkdown(text: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text);
  md.isTrusted = { enabledCommands: Object.values(HOVER_LINKS) };
  md.supportHtml = false;
  md.supportThemeIcons = false;
  return md;
}

async function provideHover(
  ctx: Ctx,
  document: vscode.TextDocument,
  position: vscode.Position,
): Promise<vscode.Hover | undefined> {
  const found = await findingsAt(ctx, document, position);
  // A pitfall is a diagnostic too, whose hover VS Code shows just above ours: say it once.
  const shownAsDiagnostic = ctx.config.diagnosticsEnabled;
  if (!found || (shownAsDiagnostic && found.primary.kind === 'pitfall')) return undefined;
  const text = explainFinding(found.primary, {
    detail: ctx.config.hoverDetail,
    defaultEpsilon: ctx.config.defaultEpsilon,
    related: shownAsDiagnostic ? [] : found.related,
    links: HOVER_LINKS,
    source: explanationSource(document),
  });
  return new vscode.Hover(hoverMarkdown(text), toRange(found.primary));
}

export function registerHovers(ctx: Ctx): void {
  ctx.subscriptions.push(
    vscode.languages.registerHoverProvider(PYTHON, {
      provideHover: (document, position) => provideHover(ctx, document, position),
    }),
  );
}
