import * as vscode from 'vscode';
import { waitFor } from './workspace';

export function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => /loss\s*lens/i.test(d.source ?? ''));
}

/** Waits until our diagnostics for `uri` satisfy `ready` (they are debounced after edits). */
export function diagnosticsWhen(
  uri: vscode.Uri,
  ready: (all: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(
    what,
    () => {
      const all = ourDiagnostics(uri);
      return ready(all) ? all : undefined;
    },
    timeoutMs,
  );
}

export async function quickFixes(
  uri: vscode.Uri,
  diagnostic: vscode.Diagnostic,
): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
  );
  // Code actions come back without their `diagnostics`: keep the quick fixes that carry an edit.
  return actions.filter(
    (a): a is vscode.CodeAction =>
      'kind' in a &&
      a.kind !== undefined &&
      vscode.CodeActionKind.QuickFix.contains(a.kind) &&
      a.edit !== undefined,
  );
}

export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}
