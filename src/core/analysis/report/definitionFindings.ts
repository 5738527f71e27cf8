import { classScope, type Definition, type ModuleContext } from '../bind';
import { analyzeDefinition, type DefinitionResult, ownLossMethods } from '../classify';
import { MODULATION_REASON } from '../eval';
import { type CachedDefinition, shift } from '../incremental';
import { definitionPitfalls } from '../pitfalls';
import { definitionLead, describeDefinition, equivalenceNote } from './describe';
import { modesNote, otherModes } from './modes';
import type { RawFinding } from './raw';
import { closestOf, type Equivalence, torchEquivalence } from './torchEquivalent';
import { delegation, injectedParam } from './wrappedCriterion';

/** A definition's analysis with its findings relative to its start, ready to cache by text. */
export function analyzeFresh(def: Definition, mod: ModuleContext): CachedDefinition {
  const r = analyzeDefinition(def, mod);
  if (!r) return { result: null, findings: [] };
  const { def: _def, ctx: _ctx, method, ...result } = r;
  // A class whose loss a method computes (`Model.loss`, `training_step`): the class's finding and the method's;
  // each other method that computes a loss of its own (a criterion's `loss_labels`, `compute_student_loss`) too.
  const findings = [
    definitionFinding(r),
    ...(method ? [definitionFinding(r, method)] : []),
    ...otherLossMethods(def, mod, method?.name).map((m) => definitionFinding(m, m.method)),
  ];
  return {
    result,
    findings: [...findings, ...definitionPitfalls(r)].map((f) => shift(f, -def.node.from)),
  };
}

type LossMethod = DefinitionResult['method'];

function otherLossMethods(def: Definition, mod: ModuleContext, reported?: string): DefinitionResult[] {
  if (def.kind !== 'class') return [];
  return ownLossMethods(classScope(def, mod))
    .filter((name) => name !== reported)
    .flatMap((name) => {
      const m = analyzeDefinition(def, mod, undefined, name);
      return m?.method ? [m] : [];
    });
}

function definitionFinding(r: DefinitionResult, method?: LossMethod): RawFinding {
  const c = r.classification;
  // Mixup through a given criterion (λ·criterion(x, y_a) + (1 − λ)·criterion(x, y_b)) is still a soft target.
  if (r.loss.delegated && r.loss.labels !== '*') return delegatedFinding(r, r.loss.delegated, method);
  const equivalence = r.targetsOnly
    ? { exact: null, closest: null, why: null }
    : stepTrainsWith(r, givenValueOnly(r, torchEquivalence(c, r.loss, r.optionalWeights === null, true)));
  const modes = otherModes(r);
  return {
    ...where(r, method),
    kind: 'loss',
    convention: c.convention,
    epsilon: c.epsilon,
    epsilonParam: c.epsilonParam,
    torchEquivalent: equivalence.exact,
    rule: null,
    message:
      describeDefinition(method ? 'Loss method with' : definitionLead(r), c, r.loss) +
      offAtDefault(r) +
      modesNote(modes) +
      equivalenceNote(equivalence),
    details: {
      lossKind: 'custom',
      classes: c.classes ?? undefined,
      weight: r.loss.weightSpans.length > 0 || undefined,
      reduction: r.loss.reduction,
      targetKind: r.loss.binary ? 'binary' : r.loss.src === 'tensor' ? 'probability' : 'index',
      epsilonIsConfidence: c.epsilonIsConfidence || undefined,
      renormalised: c.effectiveDiffers || r.loss.renorm || undefined,
      maskedRowsInMean: r.loss.maskedRowsInMean || undefined,
      closestTorch: closestOf(equivalence),
      modes: modes.length > 0 ? modes : undefined,
    },
  };
}

/**
 * An exact call written in the ε parameter holds for the value it is given. When the body assigns that parameter
 * again (`if eps is None: eps = 0.1`, `eps = eps or 0.1`), or ε is a variable branches set to different numbers,
 * the code may use another value: closest only.
 */
function givenValueOnly(r: DefinitionResult, e: Equivalence): Equivalence {
  const param = r.classification.epsilonParam;
  if (!e.exact || !param) return e;
  const why = r.classification.epsilonOnSeveralPaths
    ? `\`${param}\` is set to different values on different paths of the code, so no one call holds for all of them`
    : r.reassigned.has(param)
      ? `\`${param}\` is assigned again in the code (a default such as None replaced), so the call holds only for the value it ends up with`
      : null;
  return why ? { exact: null, closest: e.exact, why } : e;
}

/** A training step takes batches and a model, not (input, target): the loss it trains with is its closest call. */
function stepTrainsWith(r: DefinitionResult, e: Equivalence): Equivalence {
  if (!r.step || !e.exact) return e;
  return { exact: null, closest: e.exact, why: 'a training step is no loss function of (input, target)' };
}

/** A smoothing parameter that defaults to 0 or None: the code implements the convention, but not by default. */
function offAtDefault(r: DefinitionResult): string {
  const c = r.classification;
  if (c.epsilonParam && r.reassigned.has(c.epsilonParam)) return '';
  const param = r.params.find((p) => p.name === c.epsilonParam);
  const d = param?.defaultExpr;
  const none = d?.kind === 'const' && d.value === null;
  const zero = c.epsilon === 0 && !c.epsilonIsConfidence;
  if (!param || !(none || zero)) return '';
  return ` Smoothing is off at the default \`${param.name}=${none ? 'None' : '0'}\`.`;
}

/** The loss comes from a criterion given to the constructor (or built from a registry): no convention of its own. */
function delegatedFinding(r: DefinitionResult, criterion: string, method?: LossMethod): RawFinding {
  const what = method ? 'Loss method' : r.def.kind === 'class' ? 'Loss class' : 'Loss function';
  const focal = r.loss.modulated ? `; ${MODULATION_REASON}` : '';
  const injected = !method && injectedParam(r) !== null;
  const sites = r.def.kind === 'class' ? 'constructions' : 'calls';
  return {
    ...(injected ? { delegates: { lead: delegation(r), modulated: r.loss.modulated, sites } } : {}),
    ...where(r, method),
    kind: 'loss',
    convention: null,
    epsilon: null,
    epsilonParam: null,
    torchEquivalent: null,
    rule: null,
    message: `${what} delegated to \`${criterion}\`, a criterion given to the constructor or built from a registry or config: its label smoothing is that criterion's${focal}.`,
    details: { lossKind: 'custom' },
  };
}

/** The definition's range and name, or its method's (`Model.loss`). */
function where(r: DefinitionResult, method?: LossMethod): Pick<RawFinding, 'from' | 'to' | 'symbol'> {
  const node = method?.node ?? r.def.node;
  return {
    from: node.from,
    to: trimEnd(node.to, r.ctx.mod.text),
    symbol: method ? `${r.def.name}.${method.name}` : r.def.name,
  };
}

function trimEnd(to: number, text: string): number {
  let end = to;
  while (end > 0 && /\s/.test(text[end - 1])) end--;
  return end;
}
