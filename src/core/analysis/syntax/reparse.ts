import type { ChangedRange, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import { assemble, type Chunk, chunkStarts, chunkTree, sameShape, topNodes } from './chunks';
import { probeMatches, splitChunks, splitChunksSteps, withProbe } from './split';

export interface ChunkedTree {
  tree: Tree;
  /** Computed on first use: after a whole reparse, the next edit often reparses from `base` instead. */
  chunks: () => readonly Chunk[];
  /**
   * After an edit that unsettled the parser up to the end (a reparse of the whole text), the last parse before
   * it and the edits since: an edit that undoes the damage reparses from there, as its chunks are settled.
   */
  base?: Base;
}

interface Base {
  text: string;
  chunks: () => readonly Chunk[];
  edits: readonly ChangedRange[];
}

/** Edits kept after a whole reparse, at most, to reparse from the parse before it. */
const MAX_BASE_EDITS = 64;

/** One replaced range: [from, toA) of the old text became [from, toB) of the new one. */
interface Replacement {
  from: number;
  toA: number;
  toB: number;
}

/** `text` parsed whole (`tree`, when given, is its parse, e.g. made in steps by `parseFreshSteps`). */
export function parseFresh(text: string, tree: Tree = parser.parse(text)): ChunkedTree {
  let chunks: readonly Chunk[] | undefined;
  return {
    tree,
    chunks: () => {
      chunks ??= splitChunks(topNodes(tree), text, 0, text.length);
      return chunks;
    },
  };
}

/**
 * `parseFresh(text)`, yielding between lezer's parse steps and then between chunks (made at once here, as the
 * next reparse needs them), so a caller can spread the parse over time.
 */
export function* parseFreshSteps(text: string): Generator<void, ChunkedTree> {
  const parse = parser.startParse(text);
  let tree = parse.advance();
  for (; !tree; tree = parse.advance()) yield;
  const chunks = yield* splitChunksSteps(topNodes(tree), text, 0, text.length);
  return { tree, chunks: () => chunks };
}

/**
 * Reparses `text`, which `edits` (each in the text as the previous ones left it) made from `previous`'s text.
 * Parses again, from scratch, only the chunks the edits touch, between a settled chunk before and one after
 * (lezer's own incremental parsing may build trees unlike a fresh parse after Python edits). The parser may read
 * ahead across a chunk's end, and an error may unbalance its indentation context for the rest of the file, so
 * the result is kept only when the chunks around and a probe after come out as before; else the whole text is
 * parsed again. The tree is exactly `parseFresh(text)`'s.
 */
export function reparseChunks(
  previous: ChunkedTree & { text: string },
  text: string,
  edits: readonly ChangedRange[],
): ChunkedTree {
  const { tree, whole } = reparseTouched(previous, text, edits);
  // Chunks on first use: the next edit, undoing this one, often reparses from `base` without them.
  return tree ?? whole(parseFresh(text));
}

/** `reparseChunks`, yielding between the steps of a whole reparse (the reparse of the chunks around runs at once). */
export function* reparseChunksSteps(
  previous: ChunkedTree & { text: string },
  text: string,
  edits: readonly ChangedRange[],
): Generator<void, ChunkedTree> {
  const { tree, whole } = reparseTouched(previous, text, edits);
  return tree ?? whole(yield* parseFreshSteps(text));
}

/**
 * The reparse of the chunks `edits` touch (`tree`), or null when the whole text needs parsing; with `whole`, which
 * gives a whole parse of `text` the base to reparse from after the edit that undoes the damage.
 */
function reparseTouched(
  previous: ChunkedTree & { text: string },
  text: string,
  edits: readonly ChangedRange[],
): { tree: ChunkedTree | null; whole: (fresh: ChunkedTree) => ChunkedTree } {
  const own: Base = { text: previous.text, chunks: previous.chunks, edits };
  const base = previous.base && { ...previous.base, edits: [...previous.base.edits, ...edits] };
  const withBase = (tree: ChunkedTree, kept: Base) =>
    kept.edits.length <= MAX_BASE_EDITS ? { ...tree, base: kept } : tree;
  const whole = (fresh: ChunkedTree) => withBase(fresh, base ?? own);
  const fromBase = base && reparseFrom(base, text);
  if (fromBase) return { tree: fromBase, whole };
  const fromOwn = reparseFrom(own, text);
  return { tree: fromOwn && (base ? withBase(fromOwn, base) : fromOwn), whole };
}

/** The chunked tree of `text`, which `base.edits` made from `base.text`; null if the whole text needs parsing. */
function reparseFrom({ text: previousText, chunks, edits }: Base, text: string): ChunkedTree | null {
  const change = combine(edits, previousText.length);
  if (!change) return text === previousText ? withChunks([...chunks()]) : null;
  const delta = change.toB - change.toA;
  if (previousText.length + delta !== text.length) return null;
  const old = chunks();
  const starts = chunkStarts(old);
  let first = chunkIndex(starts, change.from - 1);
  let last = chunkIndex(starts, change.toA);
  while (first > 0 && !(old[first - 1].settled && (first === 1 || old[first - 2].settled))) first--;
  while (last < old.length - 1 && !(old[last].settled && old[last + 1].settled && last < old.length - 2))
    last++;
  const lead = first > 0 ? first - 1 : first;
  const trail = last < old.length - 1 ? last + 2 : last + 1;
  const from = starts[lead];
  if (2 * (starts[trail] + delta - from) > text.length) return null;
  const core = [starts[first] - from, starts[last + 1] + delta - from];
  const middle = between(
    text.slice(from, starts[trail] + delta),
    core,
    old.slice(lead, first),
    old[last + 1],
  );
  return middle && withChunks([...old.slice(0, first), ...middle, ...old.slice(last + 1)]);
}

function withChunks(chunks: Chunk[]): ChunkedTree {
  return { tree: assemble(chunks), chunks: () => chunks };
}

/**
 * The chunks of [core[0], core[1]) of `slice`, parsed with the settled chunks around them: `lead` (none at the
 * start of the text, else one) and `trail` with the probe after (unless the core ends the text); null unless
 * these come out as before.
 */
function between(
  slice: string,
  [from, to]: number[],
  lead: readonly Chunk[],
  trail: Chunk | undefined,
): Chunk[] | null {
  const text = trail ? withProbe(slice) : slice;
  const nodes = topNodes(parser.parse(text));
  const bounds = [from, to, to + (trail?.length ?? 0)];
  if (nodes.some((n) => bounds.some((b) => n.from < b && n.to > b))) return null;
  const within = (a: number, b: number) => nodes.filter((n) => n.from >= a && n.from < b);
  if (lead.length && !sameShape(chunkTree(within(0, from), 0, from), lead[0].tree)) return null;
  if (trail && !sameShape(chunkTree(within(to, bounds[2]), to, bounds[2]), trail.tree)) return null;
  if (trail && !probeMatches(nodes, slice)) return null;
  const chunks = splitChunks(within(from, to), text, from, to);
  if (trail) chunks[chunks.length - 1] = { ...chunks[chunks.length - 1], settled: true };
  return chunks;
}

/** The one replacement that edits applied one after another amount to; null when there are none. */
function combine(edits: readonly ChangedRange[], oldLength: number): Replacement | null {
  let prefix = Number.POSITIVE_INFINITY;
  let suffix = Number.POSITIVE_INFINITY;
  let length = oldLength;
  for (const edit of edits) {
    prefix = Math.min(prefix, edit.fromA);
    suffix = Math.min(suffix, length - edit.toA);
    length += edit.toB - edit.fromB - (edit.toA - edit.fromA);
  }
  if (prefix === Number.POSITIVE_INFINITY) return null;
  suffix = Math.min(suffix, oldLength - prefix, length - prefix);
  return { from: prefix, toA: oldLength - suffix, toB: length - suffix };
}

/** The chunk holding `offset` (the first for offsets before the text, the last for its end). */
function chunkIndex(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
