/**
 * Which Python "Verify Numbers" runs: the Python extension's selected interpreter (its public `environments` API,
 * the one `@vscode/python-extension` wraps), else `lossLens.python.path`, else `python3`; and how to say which.
 */
import * as vscode from 'vscode';
import type { Config } from '../config';
import { platform } from '../platform';

export const PYTHON_EXTENSION_ID = 'ms-python.python';

export type InterpreterSource = 'python-extension' | 'setting' | 'default';

export interface Interpreter {
  readonly path: string;
  readonly source: InterpreterSource;
}

/** The part of the Python extension's API read here (`PythonExtension['environments']`). */
interface Environments {
  getActiveEnvironmentPath(resource?: vscode.Uri): unknown;
  resolveEnvironment(environment: unknown): Promise<{ executable?: { uri?: vscode.Uri } } | undefined>;
}

function environmentsOf(api: unknown): Environments | undefined {
  const environments = (api as { environments?: Partial<Environments> } | undefined)?.environments;
  return typeof environments?.getActiveEnvironmentPath === 'function' &&
    typeof environments.resolveEnvironment === 'function'
    ? (environments as Environments)
    : undefined;
}

/** The interpreter the Python extension has selected for `resource`; undefined when it is absent or has none. */
export async function selectedInterpreter(resource: vscode.Uri | undefined): Promise<string | undefined> {
  const extension = vscode.extensions.getExtension(PYTHON_EXTENSION_ID);
  if (!extension) return undefined;
  const environments = environmentsOf(extension.isActive ? extension.exports : await extension.activate());
  if (!environments) return undefined;
  const resolved = await environments.resolveEnvironment(environments.getActiveEnvironmentPath(resource));
  return resolved?.executable?.uri?.fsPath || undefined;
}

export async function chooseInterpreter(
  config: Pick<Config, 'pythonPath'>,
  resource: vscode.Uri | undefined,
  selected: (resource: vscode.Uri | undefined) => Promise<string | undefined> = selectedInterpreter,
): Promise<Interpreter> {
  const fromExtension = await selected(resource).catch(() => undefined);
  if (fromExtension) return { path: fromExtension, source: 'python-extension' };
  if (config.pythonPath) return { path: config.pythonPath, source: 'setting' };
  return { path: platform.defaultPython, source: 'default' };
}

/** Names the interpreter, where it came from and how to change it, for messages and the log. */
export function describeInterpreter({ path, source }: Interpreter): string {
  switch (source) {
    case 'python-extension':
      return `Python used: "${path}", the Python extension's selected interpreter (change it with "Python: Select Interpreter").`;
    case 'setting':
      return `Python used: "${path}", from lossLens.python.path.`;
    case 'default':
      return `Python used: "${path}": the Python extension is not installed or has no interpreter selected, and lossLens.python.path is empty (set it in the Remote or Workspace settings when VS Code runs on a server).`;
  }
}
