import type { SyntaxNode } from '@lezer/common';
import { cachedDefinition, calleesOf, definitionKey, moduleSignature, shift } from './cache';
import { analyzeFresh } from './definitionFindings';
import type { DefinitionResult } from './definitions';
import { statementFindings } from './incremental';
import { buildModule, type Definition, type ModuleContext } from './module';
import { LineIndex, type PythonParse } from './parse';
import type { RawFinding } from './raw';
import { textId } from './textIds';

interface DefinitionAnalysis {
  result: DefinitionResult | null;
  /** Absolute offsets. */
  findings: RawFinding[];
}

/**
 * The analysis of one parse, computed on demand: the module context up front (cheap), each definition and each
 * top-level statement only when asked for (from caches keyed by text when they are unchanged).
 */
export class FileAnalysis {
  readonly mod: ModuleContext;
  /** The module facts (`moduleSignature`) as a text id. */
  private readonly signature: string;
  private readonly definitions = new Map<Definition, DefinitionAnalysis>();
  private lineIndex: LineIndex | null = null;

  constructor(private readonly parse: PythonParse) {
    this.mod = buildModule(parse.tree, parse.text);
    this.signature = `${textId(moduleSignature(this.mod))}`;
  }

  get lines(): LineIndex {
    this.lineIndex ??= new LineIndex(this.parse.text);
    return this.lineIndex;
  }

  readonly resultOf = (def: Definition): DefinitionResult | null => this.definition(def).result;

  /** Every finding: the definitions' (in file order), then the top-level statements'. */
  all(): RawFinding[] {
    const raw: RawFinding[] = [];
    for (const def of this.mod.definitions) raw.push(...this.definition(def).findings);
    for (const node of topLevel(this.parse.tree.topNode, 0, this.parse.text.length))
      raw.push(...statementFindings(node, this.mod, this.resultOf, this.signature));
    return raw;
  }

  /**
   * The findings whose range contains `offset`, in the order `all` lists them. They lie in the top-level
   * statement there, but may come from definitions elsewhere that inline a function of it.
   */
  at(offset: number): RawFinding[] {
    const tops = topLevel(this.parse.tree.topNode, offset, offset);
    const inTops = (d: Definition): boolean => tops.some((t) => t.from <= d.node.from && d.node.to <= t.to);
    const own = this.mod.definitions.filter(inTops);
    const callers = inliningCallers(this.mod, own, inTops);
    const raw: RawFinding[] = [];
    for (const def of this.mod.definitions)
      if (own.includes(def) || callers.has(def)) raw.push(...this.definition(def).findings);
    for (const node of tops) raw.push(...statementFindings(node, this.mod, this.resultOf, this.signature));
    return raw.filter((f) => f.from <= offset && offset <= f.to);
  }

  private definition(def: Definition): DefinitionAnalysis {
    let done = this.definitions.get(def);
    if (!done) {
      const cached = cachedDefinition(definitionKey(def, this.mod, this.signature), () =>
        analyzeFresh(def, this.mod),
      );
      done = {
        result: cached.result && {
          ...cached.result,
          def,
          ctx: { mod: this.mod, syms: new Map(), depth: 0, calls: { opaque: 0, torchLosses: 0 } },
        },
        findings: cached.findings.map((f) => shift(f, def.node.from)),
      };
      this.definitions.set(def, done);
    }
    return done;
  }
}

/** Top-level statements (not comments) that overlap [from, to], ends inclusive. */
function topLevel(root: SyntaxNode, from: number, to: number): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let node = root.firstChild; node && node.from <= to; node = node.nextSibling)
    if (node.to >= from && node.name !== 'Comment') out.push(node);
  return out;
}

/** Definitions elsewhere that call one of `own`'s functions by name, directly or through other functions. */
function inliningCallers(
  mod: ModuleContext,
  own: Definition[],
  isOwn: (d: Definition) => boolean,
): Set<Definition> {
  const called = new Set(own.filter((d) => d.kind === 'def').map((d) => d.name));
  const callers = new Set<Definition>();
  if (called.size === 0) return callers;
  const others = mod.definitions.filter((d) => !isOwn(d));
  const callees = others.map((d) => calleesOf(d.node, mod));
  for (let grew = true; grew; ) {
    grew = false;
    others.forEach((d, i) => {
      if (callers.has(d) || !callees[i].some((n) => called.has(n))) return;
      callers.add(d);
      if (d.kind === 'def') called.add(d.name);
      grew = true;
    });
  }
  return callers;
}

const analyses = new WeakMap<PythonParse, FileAnalysis>();

/** The analysis of `parse`, shared by every caller that holds the same parse (hovers, diagnostics). */
export function fileAnalysis(parse: PythonParse): FileAnalysis {
  let analysis = analyses.get(parse);
  if (!analysis) {
    analysis = new FileAnalysis(parse);
    analyses.set(parse, analysis);
  }
  return analysis;
}
