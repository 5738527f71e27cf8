import type { ChangedRange, Tree } from '@lezer/common';
import { assemble, type Chunk, chunkStarts, drain, parseChunkSteps } from './chunks';
import { START_CONTEXT, statementStarts } from './statementStarts';

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

/** `text` parsed statement by statement. */
export function parseFresh(text: string): ChunkedTree {
  return drain(parseFreshSteps(text));
}

/** `parseFresh(text)`, yielding between the parser's steps, so that a caller can spread the parse over time. */
export function* parseFreshSteps(text: string): Generator<void, ChunkedTree> {
  return withChunks(yield* parseChunks(text, [0, ...statementStarts(text, 0), text.length]));
}

/**
 * Reparses `text`, which `edits` (each in the text as the previous ones left it) made from `previous`'s text:
 * only the statements from the one the edits touch to the first statement start after them that was a start
 * before. The tree is exactly `parseFresh(text)`'s.
 */
export function reparseChunks(
  previous: ChunkedTree & { text: string },
  text: string,
  edits: readonly ChangedRange[],
): ChunkedTree {
  return drain(reparseChunksSteps(previous, text, edits));
}

/** `reparseChunks`, yielding between the parser's steps. */
export function* reparseChunksSteps(
  previous: ChunkedTree & { text: string },
  text: string,
  edits: readonly ChangedRange[],
): Generator<void, ChunkedTree> {
  const change = combine(edits, previous.text.length);
  const delta = change ? change.toB - change.toA : 0;
  if (!change || previous.text.length + delta !== text.length) {
    return text === previous.text ? previous : yield* parseFreshSteps(text);
  }
  const old = previous.chunks;
  const starts = chunkStarts(old);
  // A start stays one when its first characters and the text before it are unchanged.
  let first = chunkIndex(starts, change.from);
  while (first > 0 && starts[first] + START_CONTEXT > change.from) first--;
  const cuts = [starts[first]];
  let resume = old.length;
  for (const start of statementStarts(text, starts[first])) {
    const same = start >= change.toB ? chunkStartAt(starts, start - delta) : -1;
    if (same >= 0) {
      resume = same;
      break;
    }
    cuts.push(start);
  }
  cuts.push(resume < old.length ? starts[resume] + delta : text.length);
  const middle = yield* parseChunks(text, cuts);
  return withChunks([...old.slice(0, first), ...middle, ...old.slice(resume)]);
}

/** The chunks of `text` between consecutive `cuts`. */
function* parseChunks(text: string, cuts: readonly number[]): Generator<void, Chunk[]> {
  const chunks: Chunk[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    chunks.push(yield* parseChunkSteps(text.slice(cuts[i], cuts[i + 1])));
    yield;
  }
  return chunks;
}

function withChunks(chunks: readonly Chunk[]): ChunkedTree {
  return { tree: assemble(chunks), chunks };
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

/** The index of the chunk starting exactly at `offset`, or -1. */
function chunkStartAt(starts: readonly number[], offset: number): number {
  const i = chunkIndex(starts, offset);
  return starts[i] === offset ? i : -1;
}
