/** The paused debug session through the Debug Adapter Protocol: the focused frame and `evaluate` in it. */
import * as vscode from 'vscode';
import type { FrameLocation } from '../../core/debugBatch';

export interface PausedFrame {
  session: vscode.DebugSession;
  frameId: number;
  location: FrameLocation | null;
}

/** `vscode.debug.activeStackItem` (VS Code 1.90+); read defensively, the extension supports 1.85. */
interface StackItem {
  session: vscode.DebugSession;
  threadId: number;
  frameId?: number;
}

interface DapFrame {
  id: number;
  line: number;
  source?: { path?: string; name?: string };
}

async function stackFrames(session: vscode.DebugSession, threadId: number): Promise<DapFrame[]> {
  const body = (await session.customRequest('stackTrace', { threadId, startFrame: 0, levels: 200 })) as {
    stackFrames?: DapFrame[];
  };
  return body.stackFrames ?? [];
}

function locationOf(frame: DapFrame | undefined): FrameLocation | null {
  const file = frame?.source?.path ?? frame?.source?.name;
  return frame && file ? { file, line: frame.line } : null;
}

/** The top frame of the first thread that has one (stopped), for hosts without `activeStackItem`. */
async function firstStoppedFrame(session: vscode.DebugSession): Promise<PausedFrame | undefined> {
  const { threads = [] } = (await session.customRequest('threads')) as { threads?: { id: number }[] };
  for (const thread of threads) {
    const top = await stackFrames(session, thread.id).then(
      (frames) => frames[0],
      () => undefined,
    );
    if (top) return { session, frameId: top.id, location: locationOf(top) };
  }
  return undefined;
}

/** The stack frame the user focused in the active debug session, else the top of a stopped thread. */
export async function pausedFrame(): Promise<PausedFrame | undefined> {
  const session = vscode.debug.activeDebugSession;
  if (!session) return undefined;
  const item = (vscode.debug as { activeStackItem?: StackItem }).activeStackItem;
  if (item?.session.id === session.id && item.frameId !== undefined) {
    const frames = await stackFrames(session, item.threadId).catch(() => []);
    const frameId = item.frameId;
    return { session, frameId, location: locationOf(frames.find((f) => f.id === frameId)) };
  }
  return firstStoppedFrame(session);
}

/**
 * The `result` string of evaluating `expression` in the frame. `rawString` asks debugpy for the string itself
 * without its display limits; adapters that do not know it send a repr, which the core decodes.
 */
export async function evaluate(frame: PausedFrame, expression: string): Promise<string> {
  const body = (await frame.session.customRequest('evaluate', {
    expression,
    frameId: frame.frameId,
    context: 'repl',
    format: { rawString: true },
  })) as { result?: unknown };
  if (typeof body.result !== 'string') throw new Error('the debugger returned no result');
  return body.result;
}
