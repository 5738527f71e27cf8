import type { SyntaxNode } from '@lezer/common';
import { CONVENTION_REGISTRY } from '../../conventions';
import type { Definition, ModuleContext } from '../bind';
import {
  assignedNames,
  type ClassScope,
  type Ctx,
  classScope,
  functionBody,
  type Param,
  paramsOf,
} from '../bind';
import {
  chainedHelpers,
  hardTargetKind,
  headOf,
  inheritedMethod,
  inheritedTorchLoss,
  instanceLoss,
  isSmoothedTarget,
  type LossInfo,
  labelDerived,
  lossOf,
  masksTrueClass,
  mix,
  modulatedClassification,
  numberCoefficients,
  ONE,
  paramMix,
  pickReturn,
  reduce,
  resolveTorchApi,
  runFunction,
  scalarCoefficients,
  sym,
  UNKNOWN,
  type Value,
  ZERO,
} from '../eval';
import { children, toExpr } from '../syntax';
import { type Classification, classifyMix } from './classify';
import { binaryTargetPair } from './targetPair';

/** A class or function whose code computes a classification loss or smoothed targets. */
export interface DefinitionResult {
  def: Definition;
  loss: LossInfo;
  /** True when the definition returns smoothed targets rather than a loss. */
  targetsOnly: boolean;
  classification: Classification;
  /** Parameters of `__init__` (classes) or of the function, to resolve ε and K at construction sites. */
  params: Param[];
  /** Parameters defaulting to None that every weight multiplied into log-probabilities comes from, else null. */
  optionalWeights: string[] | null;
  /** Names of `params` the body assigns again (`eps = eps or 0.1`): they do not keep the value they are given. */
  reassigned: ReadonlySet<string>;
  /**
   * The method of a class that computes the loss when it is not `forward` or `__call__` (a model's `loss`, a
   * Lightning `training_step`, a trainer's `compute_loss`): the finding is that method's. `alone`: the method was
   * run on its own (one loss method of several), not as the class's loss.
   */
  method?: { name: string; node: SyntaxNode; alone?: true };
  /** A training step (it backpropagates the loss): calling it runs training, it constructs or calls no loss. */
  step?: true;
  ctx: Ctx;
}

const ENTRY_METHODS = ['forward', '__call__'];

/** A run with one constructor parameter, function parameter or `self` attribute set (another mode, eval mode). */
export interface Setting {
  name: string;
  value: Value;
}

/**
 * A definition's loss: a function's, or a class's from its entry method or else its first method that computes
 * one; with `method`, the loss that one method of the class computes alone.
 */
export function analyzeDefinition(
  def: Definition,
  mod: ModuleContext,
  setting?: Setting,
  method?: string,
): DefinitionResult | null {
  const ctx: Ctx = { mod, syms: new Map(), depth: 0, calls: { torchLosses: 0 } };
  const bound = new Map(setting ? [[setting.name, setting.value]] : []);
  const from: { method?: DefinitionResult['method'] } = {};
  const returned =
    def.kind === 'class'
      ? runClass(def, ctx, bound, from, method)
      : returnedClosure(pickReturn(runFunction(def.node, bound, null, ctx, false)), ctx);
  const pair = binaryTargetPair(returned);
  const trained = ctx.calls.training ? ctx.calls.trained : undefined;
  const value = headOf(instanceLoss(trained ?? returnedValue(returned, ctx), ctx));
  const training = ctx.calls.training === true;
  const read = pair ?? asLoss(value, ctx);
  const loss = training ? read : withHardTarget(read, def, mod);
  if (!loss || !(loss.handwritten || loss.modulated || isWrapper(ctx)) || (training && !trained)) return null;
  if (loss.src === 'none' || masksTrueClass(loss)) return null;
  const targetsOnly = pair !== null || value.kind === 'dist' || value.kind === 'param';
  // A target builder's consumer is unknown: t·(1 − ε) + ε/2 reads as binary smoothing when nothing else fits.
  const classification = classifyMix(loss, loss.binary || targetsOnly, ctx.syms, loss.binary);
  if (targetsOnly && !CONVENTION_REGISTRY[classification.convention].reportTargetBuilders) return null;
  // A training step is no loss definition: it is told with what it trains when it smooths or distils, or when
  // that loss is wholly its own (`stepTrainsWithOwnLoss`).
  if (training && !smoothsOrDistils(classification.convention) && !stepTrainsWithOwnLoss(def, loss, ctx))
    return null;
  const init = def.kind === 'class' ? classScope(def, mod).methods.get('__init__') : def.node;
  const params = init ? paramsOf(init, mod.text) : [];
  return {
    def,
    loss,
    targetsOnly,
    classification: loss.modulated ? modulatedClassification(classification) : classification,
    params,
    optionalWeights: optionalWeights(loss, params, mod.text),
    reassigned: init ? assignedNames(init, mod.text) : new Set(),
    ...from,
    ...(training ? { step: true as const } : {}),
    ctx,
  };
}

/**
 * A factory's returned function or lambda (`return lambda criterion, pred: lam * criterion(pred, y_a) + …`,
 * `return loss_fn`): what it computes when called, with the factory's locals in its closure.
 */
function returnedClosure(v: Value, ctx: Ctx): Value {
  if (v.kind !== 'function' || !v.closure) return v;
  return pickReturn(runFunction(v.node, new Map(), null, ctx, false, v.closure));
}

function smoothsOrDistils(convention: Classification['convention']): boolean {
  return CONVENTION_REGISTRY[convention].claimsSmoothing || convention === 'soft_target';
}

/** A function named for a training step or loop (`train`, `train_epoch`, `training_step`), not a whole program. */
const STEP_NAME = /train|step/i;

/**
 * A training step that updates the model itself (`optimizer.step()` in its own body) with a loss every part of
 * which the analysis sees: no criterion it is given (that one's convention is its caller's), no term or path
 * computed by a call it cannot see into.
 */
function stepTrainsWithOwnLoss(def: Definition, loss: LossInfo, ctx: Ctx): boolean {
  return (
    def.kind === 'def' &&
    STEP_NAME.test(def.name) &&
    ctx.calls.ownStep === true &&
    !loss.delegated &&
    !loss.unseenPart
  );
}

/** A definition whose loss comes from a torch loss call (training steps are excluded by `calls.training`). */
function isWrapper(ctx: Ctx): boolean {
  return ctx.calls.torchLosses >= 1;
}

/**
 * What the evaluator read, else a loss on hard targets that is no cross-entropy; a label pair mask
 * (`labels == labels.T`) the evaluator took for a given target tensor is no soft target: the contrastive loss wins.
 */
function withHardTarget(read: LossInfo | null, def: Definition, mod: ModuleContext): LossInfo | null {
  if (read && read.src !== 'tensor') return read;
  const hard = hardTargetLoss(def, mod);
  if (!read) return hard;
  return hard?.hardTarget === 'contrastive' ? hard : read;
}

/**
 * A loss on hard targets that is no cross-entropy (Dice, supervised contrastive), told by where its returned value
 * comes from: the one-hot of labels, `hot` 1 and nothing else, with what it is as `hardTarget`.
 */
function hardTargetLoss(def: Definition, mod: ModuleContext): LossInfo | null {
  const fn = def.kind === 'class' ? entryMethod(def, mod) : def.node;
  const kind = fn ? hardTargetKind(fn, mod.text) : null;
  if (!kind) return null;
  const value = lossOf(mix(ONE, ZERO, 'index'), { reduction: 'mean', hardTarget: kind });
  return value.kind === 'loss' ? value.loss : null;
}

function entryMethod(def: Definition, mod: ModuleContext): SyntaxNode | undefined {
  const methods = classScope(def, mod).methods;
  return ENTRY_METHODS.map((n) => methods.get(n)).find((m) => m !== undefined);
}

function asLoss(value: Value, ctx: Ctx): LossInfo | null {
  if (value.kind === 'prod') {
    // Returned as is, one value per element: reduced over no axis.
    const loss = asLoss(reduce(value, 'sum', 'classes', ctx), ctx);
    return loss && { ...loss, axisReduced: undefined };
  }
  if (value.kind === 'loss') return value.loss;
  // A parameter returned rescaled and shifted by a smoothing parameter (`t * (1 - a) + a / 2`); by literals alone
  // it is an activation or a normalisation (`(x + 3) / 6`), not a target.
  const binaryTarget = value.kind === 'param' && value.cand ? paramMix(value) : null;
  const smoothed = binaryTarget && binaryTarget.off.kind !== 'number';
  if (binaryTarget && smoothed && scalarCoefficients(binaryTarget, ctx.syms)) {
    return (lossOf(binaryTarget, { binary: true }) as Value & { kind: 'loss' }).loss;
  }
  // `1 − onehot(y)` (the other classes' mask) puts less on the true class than on the rest: no target.
  const target =
    value.kind === 'dist' &&
    labelDerived(value.target) &&
    numberCoefficients(value.target, ctx.syms) &&
    !(value.target.hot.kind === 'number' && value.target.hot.value <= 0);
  if (target && !(value.target.off.kind === 'number' && value.target.off.value === 0)) {
    return (lossOf(value.target) as Value & { kind: 'loss' }).loss;
  }
  return null;
}

/**
 * What a definition returns, for its finding: the loss of a tuple (`headOf`), else a sample or batch returned with
 * its smoothed targets (`return xs, targets` of a collate_fn or a dataset's item), ε a number.
 */
function returnedValue(v: Value, ctx: Ctx): Value {
  const head = headOf(v);
  if (v.kind !== 'tuple' || head.kind === 'loss') return head;
  return v.items.find((i) => isSmoothedTarget(i) && scalarCoefficients(i.target, ctx.syms)) ?? head;
}

function runClass(
  def: Definition,
  ctx: Ctx,
  bound: Map<string, Value>,
  from: { method?: DefinitionResult['method'] },
  only?: string,
): Value {
  const scope = classScope(def, ctx.mod);
  addClassFields(scope, ctx);
  const init = scope.methods.get('__init__');
  if (init) runFunction(init, bound, scope, ctx, true);
  else inheritedMethod(scope, '__init__', ctx);
  for (const [name, value] of bound) if (!init || name === 'training') scope.attrs.set(name, value);
  ctx.calls = { torchLosses: 0 };
  const order = only ? [only] : [...ENTRY_METHODS, ...ownLossMethods(scope)];
  let fallback: Value = { kind: 'unknown' };
  for (const name of order) {
    const fn = scope.methods.get(name);
    if (!fn) continue;
    const value = returnedValue(pickReturn(runFunction(fn, new Map(), scope, ctx, false)), ctx);
    if (value.kind === 'loss' || value.kind === 'prod') {
      if (!ENTRY_METHODS.includes(name))
        from.method = { name, node: fn, ...(only ? { alone: true as const } : {}) };
      return value;
    }
    ctx.calls = { torchLosses: 0 };
    if (value.kind === 'dist' && fallback.kind === 'unknown') fallback = value;
  }
  if (only) return UNKNOWN;
  const inherited = scope.methods.has('forward') ? UNKNOWN : headOf(inheritedMethod(scope, 'forward', ctx));
  if (inherited.kind === 'loss') return inherited;
  const torchBase = scope.methods.has('forward') ? null : inheritedTorchLoss(scope, ctx);
  if (torchBase?.kind === 'loss') return torchBase;
  ctx.calls = { torchLosses: 0 };
  const chained = chainedHelpers(scope, ctx);
  return chained.kind === 'loss' ? chained : fallback;
}

/** The methods of a class other than its entry methods and constructor: where else it may compute a loss. */
export function ownLossMethods(scope: ClassScope): string[] {
  return [...scope.methods.keys()].filter((n) => !ENTRY_METHODS.includes(n) && n !== '__init__');
}

/**
 * Class-level `eps: float = 0.1` (dataclasses, attrs) act like constructor parameters; `criterion: nn.KLDivLoss`
 * declared without a value (a typed attribute, TorchScript's exported modules) holds that torch loss.
 */
function addClassFields(scope: ClassScope, ctx: Ctx): void {
  const body = functionBody(scope.def.node);
  for (const st of body ? children(body) : []) {
    if (st.name !== 'AssignStatement') continue;
    const [target, ...rest] = children(st);
    const valueNode = rest.at(-1);
    if (target?.name !== 'VariableName' || !valueNode) continue;
    const name = ctx.mod.text.slice(target.from, target.to);
    const declared = rest.length === 1 ? declaredTorchModule(valueNode, ctx) : null;
    if (declared) {
      scope.attrs.set(name, declared);
      continue;
    }
    const value = literalNumber(valueNode, ctx.mod.text);
    ctx.syms.set(name, { origin: 'param', label: name, value: value ?? undefined });
    scope.attrs.set(name, { kind: 'param', value: sym(name), cand: null, tensorish: false });
  }
}

/** The torch loss module a type annotation (`: nn.KLDivLoss`) names, built with its defaults. */
function declaredTorchModule(typeDef: SyntaxNode, ctx: Ctx): Value | null {
  const type = typeDef.name === 'TypeDef' ? children(typeDef).at(-1) : undefined;
  const api = type ? resolveTorchApi(toExpr(type, ctx.mod.text), ctx.mod) : null;
  return api?.form === 'module' ? { kind: 'module', api: api.kind, args: new Map(), texts: [] } : null;
}

function literalNumber(node: SyntaxNode, text: string): number | null {
  const e = toExpr(node, text);
  if (e.kind === 'num') return e.value;
  if (e.kind === 'unary' && e.op === '-' && e.operand.kind === 'num') return -e.operand.value;
  return null;
}

/** The None-defaulted parameters named in each weight factor (`self.weight.unsqueeze(0)`), or null if one has none. */
function optionalWeights(loss: LossInfo, params: Param[], text: string): string[] | null {
  const optional = params
    .filter((p) => p.defaultExpr?.kind === 'const' && p.defaultExpr.value === null)
    .map((p) => p.name);
  const named = loss.weightSpans.map((span) =>
    optional.filter((name) => new RegExp(`\\b${name}\\b`).test(text.slice(span.from, span.to))),
  );
  return named.every((names) => names.length > 0) ? named.flat() : null;
}
