import { type DefinitionResult, analyzeDefinition } from './definitions';
import { describeDefinition, torchEquivalent } from './describe';
import type { Finding } from './findings';
import { buildModule } from './module';
import { LineIndex, parsePython, type PythonParse } from './parse';
import type { RawFinding } from './raw';
import { callFindings } from './calls';
import { definitionPitfalls } from './pitfalls/definitionPitfalls';
import { collectNodes, scanPitfalls } from './pitfalls/scan';

export function analyzePython(text: string): Finding[] {
  return analyzeParsed(parsePython(text));
}

/** Findings for a parse (pass the previous parse to `parsePython` to reuse its tree after an edit). */
export function analyzeParsed(parse: PythonParse): Finding[] {
  const mod = buildModule(parse.tree, parse.text);
  const nodes = collectNodes(parse.tree);
  const results = mod.definitions.map((d) => analyzeDefinition(d, mod)).filter((r): r is DefinitionResult => r !== null);
  const raw: RawFinding[] = [
    ...results.map(definitionFinding),
    ...results.flatMap((r) => definitionPitfalls(r)),
    ...callFindings(nodes.calls, mod, results),
    ...scanPitfalls(nodes, mod),
  ];
  return toFindings(raw, parse.text);
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
      ...(definedAt !== undefined ? { details: { ...rest.details, definedAt: lines.position(definedAt) } } : {}),
      ...(fix ? { fix: { title: fix.title, edits: fix.edits.map((e) => ({ range: lines.range(e.from, e.to), newText: e.newText })) } } : {}),
    }));
}
