/**
 * The built extension host bundle run outside VS Code (the lazy-loading test and the activation bench): loaded
 * afresh with a fake `vscode` of its own that keeps the hover providers it registers, activated, and asked for a
 * hover in a document read from disk.
 */
import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname } from 'node:path';
import { anything, fakeVscodeApi } from './fakeVscode';

export interface HoverProvider {
  provideHover(
    document: unknown,
    position: unknown,
    token: unknown,
  ): Promise<{ contents: unknown } | undefined>;
}

export interface BuiltExtension {
  activate(context: unknown): void;
}

interface CompilableModule {
  exports: unknown;
  filename: string;
  paths: string[];
  require(id: string): unknown;
  _compile(code: string, filename: string): void;
}
const moduleStatics = Module as unknown as { _nodeModulePaths(dir: string): string[] };

/** A fake `vscode` whose hovers keep their Markdown and whose hover registrations land in `hovers`. */
export function hoverKeepingVscode(): { api: Record<string, object>; hovers: HoverProvider[] } {
  const api = fakeVscodeApi();
  const hovers: HoverProvider[] = [];
  Object.assign(api.languages ?? {}, {
    registerHoverProvider: (_selector: unknown, provider: HoverProvider) => {
      hovers.push(provider);
      return { dispose() {} };
    },
  });
  api.MarkdownString = class {
    constructor(readonly value: string) {}
  };
  api.Hover = class {
    constructor(readonly contents: { value: string }) {}
  };
  return { api, hovers };
}

/**
 * A fresh instance of the bundle (not a cached one), compiled as `require` does minus any TypeScript hook of the
 * running process; its `require('vscode')` gets `vscode`, and every id it requires goes to `required`.
 */
export function loadBundle(file: string, vscode: object, required: string[] = []): BuiltExtension {
  const bundle = new Module(file) as unknown as CompilableModule;
  bundle.filename = file;
  bundle.paths = moduleStatics._nodeModulePaths(dirname(file));
  const plainRequire = bundle.require.bind(bundle);
  bundle.require = (id) => {
    required.push(id);
    return id === 'vscode' ? vscode : plainRequire(id);
  };
  bundle._compile(readFileSync(file, 'utf8'), file);
  return bundle.exports as BuiltExtension;
}

/** Activates `extension`: returns how to dispose what it registered. */
export function activate(extension: BuiltExtension): () => void {
  const subscriptions: { dispose(): unknown }[] = [];
  extension.activate(Object.assign(anything(), { subscriptions }));
  return () => {
    for (const s of subscriptions) s.dispose();
  };
}

/** As much of a `TextDocument` of the Python file as hovers read. */
export function pythonDocument(file: string) {
  const text = readFileSync(file, 'utf8');
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];
  return {
    uri: { scheme: 'file', toString: () => `file://${file}` },
    languageId: 'python',
    version: 1,
    isClosed: false,
    lineCount: lineStarts.length,
    getText: () => text,
    offsetAt: (p: { line: number; character: number }) => (lineStarts[p.line] ?? 0) + p.character,
  };
}

/** The Markdown of the hover `provider` shows inside the first occurrence of `at` in the file ('' for none). */
export async function hoverText(provider: HoverProvider, file: string, at: string): Promise<string> {
  const document = pythonDocument(file);
  const text = document.getText();
  const offset = text.indexOf(at) + 1;
  const line = text.slice(0, offset).split('\n').length - 1;
  const position = { line, character: offset - document.offsetAt({ line, character: 0 }) };
  const hover = await provider.provideHover(document, position, anything());
  return (hover?.contents as { value?: string } | undefined)?.value ?? '';
}
