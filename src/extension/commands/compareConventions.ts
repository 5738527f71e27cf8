import { type CompareRequest, compareConventions, DEFAULT_TABLE_CLASSES, resolve } from '../../core/explain';
import { inRange, isInteger, objectOf, optional } from '../../core/playground/guards';
import { isSmoothingConvention, type SmoothingConvention } from '../../core/smoothing';
import { findingsAtCursor } from './cursor';
import type { CommandCtx } from './types';

/** What the hover's "Compare conventions" link passes; any convention the analysis reports may come along. */
interface CompareArgs {
  epsilon?: number;
  classes?: number;
  convention?: unknown;
}

/** The comparison shows K's values, not a row of K numbers: any K the code can hold is fine. */
const isCompareArgs = objectOf<CompareArgs>({
  epsilon: optional(inRange(0, 1)),
  classes: optional((v): v is number => isInteger(v) && inRange(2, Number.MAX_SAFE_INTEGER)(v)),
  convention: (v): v is unknown => v === undefined || typeof v === 'string',
});

function smoothing(convention: unknown): SmoothingConvention | null {
  return isSmoothingConvention(convention) ? convention : null;
}

async function requestFor(ctx: CommandCtx, args: unknown): Promise<CompareRequest> {
  if (isCompareArgs(args)) {
    return {
      epsilon: args.epsilon ?? ctx.config.defaultEpsilon,
      classes: args.classes ?? DEFAULT_TABLE_CLASSES,
      current: smoothing(args.convention),
    };
  }
  const at = await findingsAtCursor(ctx, true);
  const r = at && resolve(at.primary, ctx.config.defaultEpsilon);
  return {
    epsilon: r?.epsilon ?? ctx.config.defaultEpsilon,
    classes: r?.classes ?? DEFAULT_TABLE_CLASSES,
    current: smoothing(at?.primary.convention ?? ctx.config.defaultConvention),
  };
}

/** Shows every convention's smoothed targets and equivalences at the link's or cursor's ε and K; returns the text. */
export async function compareAtCursor(ctx: CommandCtx, args: unknown): Promise<string> {
  const text = compareConventions(await requestFor(ctx, args));
  await ctx.views.show('Smoothing conventions', text);
  return text;
}
