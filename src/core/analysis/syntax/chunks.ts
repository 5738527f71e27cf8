import { NodeType, Tree } from '@lezer/common';
import { parser } from '@lezer/python';

/**
 * One top-level statement (with the comments and blank lines after it), parsed on its own, positions relative to
 * its start. Where statements start is lexical (`statementStarts`), so a syntax error in one statement never
 * changes how another one parses, and an edit reparses only the statements it touches.
 */
export interface Chunk {
  length: number;
  tree: Tree;
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

/** Parses `source`, one statement's text, yielding between the parser's steps. */
export function* parseChunkSteps(source: string): Generator<void, Chunk> {
  const parse = parser.startParse(source);
  let script = parse.advance();
  for (; !script; script = parse.advance()) yield;
  return {
    length: source.length,
    tree: new Tree(NodeType.none, script.children, script.positions, source.length),
  };
}

/** Runs `steps` (work split to be spread over time) to the end at once. */
export function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
