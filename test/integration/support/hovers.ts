import * as vscode from 'vscode';

/** The Markdown of every hover at `position`, joined, with Markdown backslash escapes removed. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    uri,
    position,
  );
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n---\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
}

/** Every `command:` link target in hover Markdown. */
export function commandLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\(command:([\w.]+)/g)].map((m) => m[1]);
}

/** How each convention reads in a hover (its label, or the id). */
export const CONVENTION_TEXT = {
  uniform: /uniform|ε\s*\/\s*K/i,
  k_minus_1: /K\s*[−-]\s*1\b|k_minus_1/,
  k_minus_2_padding: /K\s*[−-]\s*2|k_minus_2_padding/,
  binary: /binary|α\s*\/\s*2/i,
  batch_max_plus_1: /max\s*\(?\w*\)?\s*\+\s*1|batch_max_plus_1/i,
} as const;
