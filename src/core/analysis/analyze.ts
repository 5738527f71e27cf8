import { type CachedDefinition, cachedDefinition, definitionKey, moduleSignature, shift } from './cache';
import { analyzeDefinition, type DefinitionResult } from './definitions';
import { describeDefinition, torchEquivalent } from './describe';
import type { Finding } from './findings';
import { statementFindings } from './incremental';
import { buildModule, type Definition, type ModuleContext } from './module';
import { LineIndex, type PythonParse, parsePython } from './parse';
import { definitionPitfalls } from './pitfalls/definitionPitfalls';
import type { RawFinding } from './raw';

export function analyzePython(text: string): Finding[] {
  return analyzeParsed(parsePython(text));
}

/** Findings for a parse (pass the previous parse to `parsePython` to reuse its tree after an edit). */
export function analyzeParsed(parse: PythonParse): Finding[] {
  const mod = buildModule(parse.tree, parse.text);
  const signature = moduleSignature(mod);
  const results: DefinitionResult[] = [];
  const raw: RawFinding[] = [];
  for (const def of mod.definitions) {
    const cached = cachedDefinition(definitionKey(def, mod, signature), () => analyzeFresh(def, mod));
    if (cached.result)
      results.push({
        ...cached.result,
        def,
        ctx: { mod, syms: new Map(), depth: 0, calls: { opaque: 0, torchLosses: 0 } },
      });
    raw.push(...cached.findings.map((f) => shift(f, def.node.from)));
  }
  raw.push(...statementFindings(parse.tree.topNode, mod, results, signature));
  return toFindings(raw, parse.text);
}

function analyzeFresh(def: Definition, mod: ModuleContext): CachedDefinition {
  const r = analyzeDefinition(def, mod);
  if (!r) return { result: null, findings: [] };
  const { def: _def, ctx: _ctx, ...result } = r;
  return {
    result,
    findings: [definitionFinding(r), ...definitionPitfalls(r)].map((f) => shift(f, -def.node.from)),
  };
}

function definitionFinding(r: DefinitionResult): RawFinding {
  const c = r.classification;
  return {
    from: r.def.node.from,
    to: trimEnd(r.def.node.to, r.ctx.mod.text),
    kind: 'loss',
    symbol: r.def.name,
    convention: c.convention,
    epsilon: c.epsilon,
    epsilonParam: c.epsilonParam,
    torchEquivalent: torchEquivalent(c, r.loss),
    rule: null,
    message: describeDefinition(r.def.kind, c, r.loss, r.targetsOnly),
    details: {
      lossKind: 'custom',
      classes: c.classes ?? undefined,
      weight: r.loss.weightSpans.length > 0 || undefined,
      reduction: r.loss.reduction,
      targetKind: r.loss.binary ? 'binary' : r.loss.src === 'tensor' ? 'probability' : 'index',
      epsilonIsConfidence: c.epsilonIsConfidence || undefined,
      renormalised: c.effectiveDiffers || r.loss.renorm || undefined,
      maskedRowsInMean: r.loss.maskedRowsInMean || undefined,
    },
  };
}

function trimEnd(to: number, text: string): number {
  let end = to;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}

function toFindings(raw: RawFinding[], text: string): Finding[] {
  const lines = new LineIndex(text);
  return raw
    .sort((a, b) => a.from - b.from || a.to - b.to)
    .map(({ from, to, fix, definedAt, ...rest }) => ({
      ...lines.range(from, to),
      ...rest,
      ...(definedAt !== undefined
        ? { details: { ...rest.details, definedAt: lines.position(definedAt) } }
        : {}),
      ...(fix
        ? {
            fix: {
              title: fix.title,
              edits: fix.edits.map((e) => ({ range: lines.range(e.from, e.to), newText: e.newText })),
            },
          }
        : {}),
    }));
}
