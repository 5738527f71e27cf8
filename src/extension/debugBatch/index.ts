/**
 * "Send to Playground" while a debug session is paused: values from the focused frame into the playground,
 * with where they came from and a refresh that asks the frame paused then for the same expressions.
 */
import * as vscode from 'vscode';
import type { Role } from '../../core/debugBatch';
import type { DataSource, PlaygroundSeed } from '../../core/protocol';
import type { CommandCtx } from '../commands/types';
import { onPlaygroundRefresh, openPlaygroundFrom } from '../playground';
import type { PlaygroundCtx } from '../playground/panel';
import { type PausedFrame, pausedFrame } from './dap';
import { type Wanted, wantedFrom } from './request';
import { type SendRequest, type SendUi, sendFromFrame } from './send';

export type DebugSendResult =
  | { seed: PlaygroundSeed; source: DataSource }
  /** Shown to the user as a warning; nothing was sent. */
  | { refused: string };

const NOT_PAUSED = 'no debug session is paused; stop at a breakpoint first.';

const ROLE_LABELS: Record<Role, string> = {
  logits: 'as logits (input)',
  targets: 'as targets',
  weight: 'as class weights',
};

const ui: SendUi = {
  async chooseRows(total, max, what) {
    const answer = await vscode.window.showInputBox({
      title: 'Loss Lens: too large for the playground',
      prompt: `${what}: ${total} rows; the playground takes at most ${max} at a time. Send the first N rows (the panel will say so):`,
      value: String(max),
      validateInput: (text) =>
        /^\d+$/.test(text.trim()) && Number(text) >= 1 && Number(text) <= max
          ? undefined
          : `a whole number from 1 to ${max}`,
    });
    return answer === undefined ? undefined : Number(answer.trim());
  },
};

async function chooseRole(wanted: Wanted): Promise<SendRequest | undefined> {
  const { guess, request } = wanted;
  const item = request.items[0];
  if (!guess || !item) return request;
  const order: Role[] = [guess, ...(['logits', 'targets', 'weight'] as const).filter((r) => r !== guess)];
  const picked = await vscode.window.showQuickPick(
    order.map((role) => ({ label: `Send \`${item.expression}\` ${ROLE_LABELS[role]}`, role })),
    { title: 'Loss Lens: Send to Playground' },
  );
  return picked && { ...request, items: [{ ...item, role: picked.role }] };
}

/** Sends values from the paused frame; remembers the request for the panel's refresh button. */
export class DebugSends implements vscode.Disposable {
  private last: SendRequest | undefined;
  private readonly refreshListener: vscode.Disposable;

  constructor(private readonly ctx: PlaygroundCtx) {
    this.refreshListener = onPlaygroundRefresh(() => void this.refresh());
  }

  /** The command: what the arguments or the editor say, from the frame in focus. */
  async fromCommand(ctx: CommandCtx, args: unknown): Promise<DebugSendResult | undefined> {
    const frame = await pausedFrame();
    if (!frame) return refuse(NOT_PAUSED);
    const wanted = await wantedFrom(ctx, args);
    if (typeof wanted === 'string') return refuse(wanted);
    const request = await chooseRole(wanted);
    return request && this.send(request, frame);
  }

  async refresh(): Promise<DebugSendResult | undefined> {
    if (!this.last) return refuse('nothing was sent from a debugger in this window yet.');
    const frame = await pausedFrame();
    return frame ? this.send(this.last, frame) : refuse(NOT_PAUSED);
  }

  private async send(request: SendRequest, frame: PausedFrame): Promise<DebugSendResult | undefined> {
    const sent = await sendFromFrame(frame, request, ui);
    if (!sent.ok) return 'reason' in sent ? refuse(sent.reason) : undefined;
    this.last = sent.value.request;
    this.ctx.log.info(`debug: sent ${sent.value.source.label}`);
    await openPlaygroundFrom(this.ctx, sent.value.seed, sent.value.source);
    return { seed: sent.value.seed, source: sent.value.source };
  }

  dispose(): void {
    this.refreshListener.dispose();
  }
}

function refuse(reason: string): DebugSendResult {
  void vscode.window.showWarningMessage(`Loss Lens: ${reason}`);
  return { refused: reason };
}
