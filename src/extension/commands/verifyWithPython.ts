import * as vscode from 'vscode';
import { exampleFinding, formatNumber } from '../../core/explain';
import { platform } from '../platform';
import { coreValue, type VerifyCase, verifyCaseFor } from '../verify/case';
import { chooseInterpreter, describeInterpreter, type Interpreter } from '../verify/interpreter';
import { type PythonResult, runTorch } from '../verify/python';
import { findingsAtCursor } from './cursor';
import type { CommandCtx } from './types';

/** Relative agreement expected between torch (float64) and the core. */
const TOLERANCE = 1e-9;

export interface VerifyReport {
  readonly case: VerifyCase;
  readonly core: number;
  readonly torch: PythonResult;
  readonly agree: boolean;
  readonly message: string;
}

function report(
  c: VerifyCase,
  core: number,
  python: Interpreter,
  torch: PythonResult,
  classesNote: string | null,
): VerifyReport {
  const tensors = classesNote ? `example tensors with ${classesNote}` : 'example tensors';
  const what = `${c.method} (ε = ${formatNumber(c.epsilon)}, reduction '${c.reduction}', ${tensors})`;
  if (!torch.ok) {
    const message = `Loss Lens: ${torch.error} ${describeInterpreter(python)}`;
    return { case: c, core, torch, agree: false, message };
  }
  const agree = Math.abs(torch.value - core) <= TOLERANCE * Math.max(1, Math.abs(core));
  const numbers = `PyTorch ${torch.torch} gives ${torch.value.toPrecision(12)}, Loss Lens ${core.toPrecision(12)}`;
  return {
    case: c,
    core,
    torch,
    agree,
    message: `Loss Lens: ${what}: ${numbers}${agree ? ' — they agree.' : ' — they DIFFER.'}`,
  };
}

async function runWithProgress(ctx: CommandCtx, c: VerifyCase, python: Interpreter): Promise<PythonResult> {
  ctx.log.info(`verify: ${c.method}. ${describeInterpreter(python)}`);
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: 'Loss Lens: verifying with Python…',
      cancellable: true,
    },
    (_progress, token) => {
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      return runTorch(python.path, c, abort.signal).finally(() => cancel.dispose());
    },
  );
}

/**
 * Trusted workspaces with a process-capable host only (desktop or remote, not the browser): computes the loss at
 * the cursor on example tensors with torch and with the core.
 */
export async function verifyWithPython(ctx: CommandCtx): Promise<VerifyReport | undefined> {
  if (!platform.canSpawn) {
    void vscode.window.showWarningMessage(
      'Loss Lens: verifying with Python needs a desktop or remote extension host; it cannot start processes in the browser.',
    );
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage('Loss Lens: verifying with Python needs a trusted workspace.');
    return undefined;
  }
  const at = await findingsAtCursor(ctx);
  const example = at && exampleFinding(at.primary, ctx.config.defaultEpsilon);
  const c = example && verifyCaseFor(example.finding, ctx.config.defaultEpsilon);
  if (!at || !example || !c) {
    if (at) void vscode.window.showInformationMessage('Loss Lens: there is no loss value to verify here.');
    return undefined;
  }
  const python = await chooseInterpreter(ctx.config, at.editor.document.uri);
  const result = report(c, coreValue(c), python, await runWithProgress(ctx, c, python), example.note);
  const show = result.agree ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(result.message);
  return result;
}
