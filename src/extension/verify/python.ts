import { platform } from '../platform';
import type { ExecFailure } from '../platform/types';
import type { VerifyCase } from './case';
import { VERIFY_SCRIPT } from './script';

export const VERIFY_TIMEOUT_MS = 20_000;
const MAX_OUTPUT_BYTES = 64 * 1024;

export type PythonResult = { ok: true; value: number; torch: string } | { ok: false; error: string };

const field = (v: unknown, key: string): unknown =>
  typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined;

/** Longest piece of Python's stderr shown in a notification. */
const MAX_ERROR_LINE = 300;

function failure(python: string, error: ExecFailure, stderr: string): string {
  if (error.code === 'ENOENT') return `Python was not found at "${python}".`;
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
