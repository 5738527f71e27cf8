import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import { type Chunk, chunkTree, drain, hasError, sameShape, startsLine, topNodes } from './chunks';

/** Code that parses as it does on its own only when the parser is settled before it. */
const PROBE = 'if a:\n    pass\nelse:\n    pass\n@d\ndef f(x=(1,\n      2)):\n    return [x]\n';
const probeTree = chunkTree(topNodes(parser.parse(PROBE)), 0, PROBE.length);
/** Probe parses tried after an error, before leaving the rest of the chunks unsettled. */
const SETTLE_TRIES = 2;

export function withProbe(text: string): string {
  return text + PROBE;
}

/** Whether the nodes of a parse of `withProbe(text)` from `text.length` on are the probe's, as on its own. */
export function probeMatches(nodes: readonly SyntaxNode[], text: string): boolean {
  const after = nodes.filter((n) => n.from >= text.length);
  return sameShape(chunkTree(after, text.length, text.length + PROBE.length), probeTree);
}

/**
 * Chunks of the top-level nodes `nodes` of a parse of `text` that starts settled at `from`, spanning [from, to):
 * a new chunk at each statement that starts a line. They are settled up to the first one with an error; after
 * it, from the first clean one that the parser, from the last settled point, is shown (by the probe) to leave
 * settled, as most errors (`1. - x`) leave the parser's context as it was.
 */
export function splitChunks(nodes: readonly SyntaxNode[], text: string, from: number, to: number): Chunk[] {
  return drain(splitChunksSteps(nodes, text, from, to));
}

/** `splitChunks`, yielding after each chunk, so that a caller can spread the work over time. */
export function* splitChunksSteps(
  nodes: readonly SyntaxNode[],
  text: string,
  from: number,
  to: number,
): Generator<void, Chunk[]> {
  const groups: { start: number; nodes: SyntaxNode[] }[] = [];
  for (const node of nodes) {
    const last = groups[groups.length - 1];
    if (last && startsLine(text, node.from) && node.name !== 'Comment' && node.from > last.start)
      groups.push({ start: node.from, nodes: [node] });
    else if (last) last.nodes.push(node);
    else groups.push({ start: from, nodes: [node] });
  }
  if (!groups.length) groups.push({ start: from, nodes: [] });
  const chunks: Chunk[] = [];
  let settledAt = from;
  let tries = SETTLE_TRIES;
  for (const [i, group] of groups.entries()) {
    const end = i + 1 < groups.length ? groups[i + 1].start : to;
    const tree = chunkTree(group.nodes, group.start, end);
    const clean = !hasError(tree);
    const settled =
      clean && (settledAt === group.start || (tries-- > 0 && settles(nodes, text, settledAt, end)));
    if (settled) {
      settledAt = end;
      tries = SETTLE_TRIES;
    }
    chunks.push({ length: end - group.start, tree, settled });
    yield;
  }
  return chunks;
}

/** Whether parsing [from, to) of `text` from the settled state, then the probe, gives `nodes` there and the probe. */
function settles(nodes: readonly SyntaxNode[], text: string, from: number, to: number): boolean {
  const slice = text.slice(from, to);
  const probed = topNodes(parser.parse(withProbe(slice)));
  if (probed.some((n) => n.from < slice.length && n.to > slice.length)) return false;
  const before = probed.filter((n) => n.from < slice.length);
  const own = nodes.filter((n) => n.from >= from && n.from < to);
  return (
    sameShape(chunkTree(before, 0, slice.length), chunkTree(own, from, to)) && probeMatches(probed, slice)
  );
}
