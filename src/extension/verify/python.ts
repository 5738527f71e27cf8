import * as vscode from 'vscode';
import type { Config } from '../config';
import { platform } from '../platform';
import type { ExecFailure } from '../platform/types';
import type { VerifyCase } from './case';
import { VERIFY_SCRIPT } from './script';

export const VERIFY_TIMEOUT_MS = 20_000;
const MAX_OUTPUT_BYTES = 64 * 1024;

export type PythonResult = { ok: true; value: number; torch: string } | { ok: false; error: string };

type Fn = (...args: unknown[]) => unknown;
const isFunction = (v: unknown): v is Fn => typeof v === 'function';
const field = (v: unknown, key: string): unknown =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;

/** The interpreter the Python extension has selected for `resource`, through its public environments API. */
async function pythonExtensionInterpreter(resource: vscode.Uri | undefined): Promise<string | undefined> {
  const extension = vscode.extensions.getExtension('ms-python.python');
  if (!extension) return undefined;
  const api: unknown = extension.isActive ? extension.exports : await extension.activate();
  const environments = field(api, 'environments');
  const getActive = field(environments, 'getActiveEnvironmentPath');
  const resolveEnvironment = field(environments, 'resolveEnvironment');
  if (!isFunction(getActive) || !isFunction(resolveEnvironment)) return undefined;
  const active = getActive.call(environments, resource);
  const resolved = await resolveEnvironment.call(environments, active);
  const uri = field(field(resolved, 'executable'), 'uri');
  return uri instanceof vscode.Uri ? uri.fsPath : undefined;
}

/** `lossLens.python.path`, else the Python extension's interpreter, else `python3` (`python` on Windows). */
export async function findInterpreter(config: Config, resource: vscode.Uri | undefined): Promise<string> {
  if (config.pythonPath) return config.pythonPath;
  const fromExtension = await pythonExtensionInterpreter(resource).catch(() => undefined);
  return fromExtension ?? platform.defaultPython;
}

/** Longest piece of Python's stderr shown in a notification. */
const MAX_ERROR_LINE = 300;

function failure(python: string, error: ExecFailure, stderr: string): string {
  if (error.code === 'ENOENT') return `Python was not found at "${python}"; set lossLens.python.path.`;
  if (error.name === 'AbortError') return 'Cancelled.';
  if (error.killed) return `Python did not answer within ${VERIFY_TIMEOUT_MS / 1000} s.`;
  const lastLine = stderr.trim().split('\n').pop()?.trim().slice(0, MAX_ERROR_LINE);
  return `Python failed: ${lastLine || error.message}`;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function parseOutput(stdout: string): PythonResult {
  const output = parseJson(stdout);
  const [value, torch, error] = ['value', 'torch', 'error'].map((key) => field(output, key));
  if (typeof value === 'number' && typeof torch === 'string') return { ok: true, value, torch };
  return { ok: false, error: typeof error === 'string' ? error : 'unexpected output from Python' };
}

/**
 * Runs the verify script without a shell, with a timeout. The case travels on stdin as JSON, never as code nor as
 * an argument (a 32,000-class case is too long for one). Python runs isolated (`-I`: no current directory or
 * PYTHON* variables on its path) in an empty temporary directory, so a workspace's `json.py` or `torch.py` is
 * never what it imports.
 */
export async function runTorch(python: string, c: VerifyCase, signal: AbortSignal): Promise<PythonResult> {
  const args = ['-I', '-c', VERIFY_SCRIPT];
  const options = {
    timeoutMs: VERIFY_TIMEOUT_MS,
    maxOutputBytes: MAX_OUTPUT_BYTES,
    signal,
    stdin: JSON.stringify(c),
  };
  const outcome = await platform.execFile(python, args, options);
  return outcome.ok
    ? parseOutput(outcome.stdout)
    : { ok: false, error: failure(python, outcome.failure, outcome.stderr) };
}
