import type { ChangedRange, Tree } from '@lezer/common';
import { parser } from '@lezer/python';
import { assemble, type Chunk, chunkStarts, chunkTree, hasError, sameShape, splitChunks, topNodes } from './chunks';

export interface ChunkedTree {
  tree: Tree;
  chunks: readonly Chunk[];
}

/** One replaced range: [from, toA) of the old text became [from, toB) of the new one. */
interface Replacement {
  from: number;
  toA: number;
  toB: number;
}

export function parseFresh(text: string): ChunkedTree {
  const tree = parser.parse(text);
  return { tree, chunks: splitChunks(topNodes(tree), text, 0, text.length) };
}

/**
 * Reparses `text`, which `edits` (each in the text as the previous ones left it) made from `previous`'s text.
 * Parses again, from scratch, only the chunks from the settled one before the edits to the first settled one
 * after, or to the end (lezer's own incremental parsing may build trees unlike a fresh parse after Python edits).
 * The tree is exactly `parseFresh(text)`'s.
 */
export function reparseChunks(
  previous: ChunkedTree & { text: string },
  text: string,
  edits: readonly ChangedRange[],
): ChunkedTree {
  const change = combine(edits, previous.text.length);
  if (!change) return text === previous.text ? previous : parseFresh(text);
  const delta = change.toB - change.toA;
  if (previous.text.length + delta !== text.length) return parseFresh(text);
  const old = previous.chunks;
  const starts = chunkStarts(old);
  let first = chunkIndex(starts, change.from - 1);
  let last = chunkIndex(starts, change.toA);
  while (first > 0 && !old[first - 1].settled) first--;
  while (last < old.length - 1 && !old[last].settled) last++;
  const from = starts[first];
  const to = starts[last + 1] + delta;
  if (2 * (to - from) > text.length) return parseFresh(text);
  const slice = text.slice(from, to);
  const tree = parser.parse(slice);
  const atEnd = last === old.length - 1;
  let middle =
    atEnd || (!hasError(tree) && !/\\\r?\n$/.test(slice))
      ? splitChunks(topNodes(tree), slice, 0, slice.length)
      : probed(text, old, from, starts[last + 1] + delta, last + 1);
  if (!middle) {
    const rest = text.slice(from);
    middle = splitChunks(topNodes(parser.parse(rest)), rest, 0, rest.length);
    last = old.length - 1;
  }
  const chunks = [...old.slice(0, first), ...middle, ...old.slice(last + 1)];
  return { tree: assemble(chunks), chunks };
}

/** Code that parses as below only from the settled state. */
const PROBE = 'if a:\n    pass\nelse:\n    pass\n@d\ndef f(x=(1,\n      2)):\n    return [x]\n';
const probeTree = parser.parse(PROBE);

/**
 * The chunks of [from, to), which parse with an error: an error may unbalance the parser's indentation context,
 * or be recovered from differently with the code after in view. So parses them with the next chunk (old index
 * `next`) and the probe after, and keeps the result when both come out as on their own (the parser is then
 * settled after `to` again); null when they do not.
 */
function probed(text: string, old: readonly Chunk[], from: number, to: number, next: number): Chunk[] | null {
  if (next === old.length - 1 || !old[next].settled) return null;
  const nextEnd = to + old[next].length;
  const ext = text.slice(from, nextEnd) + PROBE;
  const nodes = topNodes(parser.parse(ext));
  const [end, probeAt] = [to - from, nextEnd - from];
  if (nodes.some((n) => (n.from < end && n.to > end) || (n.from < probeAt && n.to > probeAt))) return null;
  const nextNodes = nodes.filter((n) => n.from >= end && n.from < probeAt);
  const probeNodes = nodes.filter((n) => n.from >= probeAt);
  if (!sameShape(chunkTree(nextNodes, end, probeAt), old[next].tree)) return null;
  if (!sameShape(chunkTree(probeNodes, probeAt, ext.length), probeTree)) return null;
  const chunks = splitChunks(
    nodes.filter((n) => n.from < end),
    ext,
    0,
    end,
  );
  chunks[chunks.length - 1] = { ...chunks[chunks.length - 1], settled: true };
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
