import type { Ctx } from '../ctx';
import type { MarkdownViews } from '../markdownViews';

/** What commands get: the shared context plus the views they show results in. */
export interface CommandCtx extends Ctx {
  readonly views: MarkdownViews;
}

/** Arguments come from the palette (none), menus (a URI) or command links (JSON): validate before use. */
export type CommandHandler = (...args: unknown[]) => unknown;
export type CommandFactory = (ctx: CommandCtx) => CommandHandler;
