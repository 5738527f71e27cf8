import { NodeType, type SyntaxNode, Tree } from '@lezer/common';
import { parser } from '@lezer/python';

/**
 * A run of top-level statements (with the comments and blank lines after them) and its syntax tree, positions
 * relative to the chunk's start. After a settled chunk the parser is in the state a fresh parse starts in (top
 * level, no indentation, bracket or string open), so the code after it parses as if the file began there. That
 * holds after error-free code; an error may leave the parser's indentation context unbalanced up to the end.
 */
export interface Chunk {
  length: number;
  tree: Tree;
  settled: boolean;
}

const scriptType = parser.nodeSet.types[parser.topNode.id];

/** Children per node of the anonymous levels that keep the file's tree balanced (lookups scan children). */
const BRANCHING = 32;

/** The file's tree: the chunks' trees under anonymous nodes (skipped by cursors, `iterate` and `parent`). */
export function assemble(chunks: readonly Chunk[]): Tree {
  let level: Tree[] = chunks.map((c) => c.tree);
  while (level.length > BRANCHING) {
    const grouped: Tree[] = [];
    for (let i = 0; i < level.length; i += BRANCHING)
      grouped.push(group(NodeType.none, level.slice(i, i + BRANCHING)));
    level = grouped;
  }
  return group(scriptType, level);
}

function group(type: NodeType, trees: readonly Tree[]): Tree {
  const positions: number[] = [];
  let at = 0;
  for (const tree of trees) {
    positions.push(at);
    at += tree.length;
  }
  return new Tree(type, trees, positions, at);
}

/** Offsets where each chunk starts, then the end of the last one. */
export function chunkStarts(chunks: readonly Chunk[]): number[] {
  const starts = [0];
  for (const chunk of chunks) starts.push(starts[starts.length - 1] + chunk.length);
  return starts;
}

export function hasError(tree: Tree): boolean {
  let found = false;
  tree.iterate({
    enter: (node) => {
      if (node.type.isError) found = true;
      return !found;
    },
  });
  return found;
}

/** A tree of the top-level nodes `nodes` of a parse, spanning [from, to) of its text, positions from `from`. */
export function chunkTree(nodes: readonly SyntaxNode[], from: number, to: number): Tree {
  return new Tree(
    NodeType.none,
    nodes.map((n) => n.toTree()),
    nodes.map((n) => n.from - from),
    to - from,
  );
}

/** The top-level nodes of a tree (comments and error nodes included). */
export function topNodes(tree: Tree): SyntaxNode[] {
  const nodes: SyntaxNode[] = [];
  for (let node = tree.topNode.firstChild; node; node = node.nextSibling) nodes.push(node);
  return nodes;
}

/** Whether `at` starts a line ('\n', '\r\n' or a lone '\r' before it) that does not continue the one before (after a backslash). */
export function startsLine(text: string, at: number): boolean {
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  if (before === 13) return text.charCodeAt(at) !== 10 && text.charCodeAt(at - 2) !== 92;
  if (before !== 10) return false;
  const end = text.charCodeAt(at - 2) === 13 ? at - 2 : at - 1;
  return text.charCodeAt(end - 1) !== 92;
}

/** The node sequence (type, from, to) of a tree, for comparing two parses. */
export function shape(tree: Tree): number[] {
  const out: number[] = [];
  tree.iterate({
    enter: (node) => {
      out.push(node.type.id, node.from, node.to);
    },
  });
  return out;
}

export function sameShape(a: Tree, b: Tree): boolean {
  const x = shape(a);
  const y = shape(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/** Runs `steps` (work split to be spread over time) to the end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
