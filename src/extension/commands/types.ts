import type { Ctx } from '../ctx';
import type { DebugSends } from '../debugBatch';
import type { MarkdownViews } from '../markdownViews';

/** What commands get: the shared context plus the views they show results in. */
export interface CommandCtx extends Ctx {
  readonly views: MarkdownViews;
  /** Values sent from a paused debugger, and the panel's refresh of them. */
  readonly debugSends: DebugSends;
}

/** Arguments come from the palette (none), menus (a URI) or command links (JSON): validate before use. */
export type CommandHandler = (...args: unknown[]) => unknown;
export type CommandFactory = (ctx: CommandCtx) => CommandHandler;
