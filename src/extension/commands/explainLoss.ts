import { explainFinding } from '../../core/explain';
import { explanationSource } from '../notebookCells';
import { findingsAtCursor } from './cursor';
import type { CommandCtx } from './types';

/** Shows the full explanation of the loss at the cursor; returns its Markdown. */
export async function explainAtCursor(ctx: CommandCtx): Promise<string | undefined> {
  const at = await findingsAtCursor(ctx);
  if (!at) return undefined;
  const text = explainFinding(at.primary, {
    detail: 'full',
    defaultEpsilon: ctx.config.defaultEpsilon,
    related: at.related,
    source: explanationSource(at.editor.document),
  });
  await ctx.views.show('Loss explanation', text);
  return text;
}
