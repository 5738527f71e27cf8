import type { SyntaxNode } from '@lezer/common';
import { CONVENTION_REGISTRY } from '../../conventions';
import { type Definition, findDefinition, type ModuleContext, paramsOf } from '../bind';
import { analyzeDefinition, type DefinitionResult } from '../classify';
import {
  bindArgs,
  evalExpr,
  evalSym,
  libraryDefinition,
  resolveTorchApi,
  type TorchApi,
  workspaceDefinition,
} from '../eval';
import { pitfall, torchCallPitfalls } from '../pitfalls';
import type { Convention, LossMode } from '../results';
import { LABEL_SMOOTHING_OUT_OF_RANGE } from '../results';
import type { Expr } from '../syntax';
import { children, subExprs, toExpr } from '../syntax';
import { type Alternative, alternativesAt, lastOf } from './branchBindings';
import { targetBuiltHere } from './builtTarget';
import { definitionLead, describeDefinition, equivalenceNote } from './describe';
import { modesNote } from './modes';
import type { RawFinding } from './raw';
import { torchCallFinding } from './torchCallFinding';
import { changedFlag, closestOf, torchEquivalence, weightsPassed, withFlag } from './torchEquivalent';
import {
  type CallSubject,
  criterionCall,
  delegation,
  injectedParam,
  passedCriterion,
  passedCriterionFinding,
  type Wrapped,
  wrappingFinding,
} from './wrappedCriterion';

export type CallExpr = Expr & { kind: 'call' };

/** The analysis of a definition of this file, null when it is not a loss (computed on demand). */
export type ResultOf = (def: Definition) => DefinitionResult | null;

/**
 * What a call constructs or invokes: a torch loss/activation, or a hand-written loss from this file, a catalogued
 * library (`library`) or another module of the workspace (`imported`).
 */
type Target = { torch: TorchApi; ctor: CallExpr } | UserTarget;
type UserTarget = { user: DefinitionResult; ctor: CallExpr; library?: string; imported?: true };

/** A name (or `self.attr` within one class) bound to a constructor call. */
interface Binding {
  key: string;
  at: number;
  node: SyntaxNode;
  target: Target;
}

/**
 * Findings for `calls`; `seeds` are module-level constructor calls elsewhere that instances may come from. A call
 * of a constructor's result (`nn.CrossEntropyLoss()(x, y)`) is an invocation: it gets the invocation's pitfalls.
 */
export function callFindings(
  calls: SyntaxNode[],
  mod: ModuleContext,
  resultOf: ResultOf,
  seeds: SyntaxNode[] = [],
): RawFinding[] {
  const bindings: Binding[] = [];
  const out: RawFinding[] = [];
  const keys = new Set<string>();
  for (const node of seeds) {
    const e = toExpr(node, mod.text);
    const target = e.kind === 'call' ? targetOf(e, mod, resultOf) : null;
    const key = target ? bindingKey(node, mod) : null;
    if (target && key) {
      // Bound before anything in `calls` runs, wherever the module writes it.
      bindings.push({ key: key.key, at: -1, node, target });
      keys.add(key.key);
    }
  }
  const exprOf = callExprs(mod.text);
  const shown = calls[0] ? shownCriteria(calls[0], mod, resultOf) : null;
  for (const node of calls) {
    const callee = node.firstChild;
    if (!callee || !worthLooking(toExpr(callee, mod.text), node, mod, keys)) continue;
    const e = exprOf(node);
    // Error recovery can leave a call without its argument list (e.g. past the parser's nesting limit).
    if (e.kind !== 'call') continue;
    const direct = targetOf(e, mod, resultOf);
    if (direct) {
      out.push(
        deferToFunction(describeCall(e, direct, mod, null, shown), e, direct, node, mod),
        ...pitfallsOf(e, node, direct, mod),
      );
      const key = bindingKey(node, mod);
      if (key) {
        bindings.push({ key: key.key, at: node.from, node, target: direct });
        keys.add(key.key);
      }
      continue;
    }
    const constructed = e.fn.kind === 'call' ? targetOf(e.fn, mod, resultOf) : null;
    if (constructed) {
      out.push(...pitfallsOf(e, node, constructed, mod));
      continue;
    }
    const key = calleeKey(e, node);
    const visible = key ? bindings.filter((b) => isVisible(b, key, node.from)) : [];
    const found = lastOf(visible);
    // A parameter of the function around the call (`def mixup_criterion(criterion, pred, …)`) hides the module's.
    const bound = found && !(found.at < 0 && key && isParameterHere(node, key, mod.text)) ? found : null;
    if (bound) {
      const instance = describeInstance(e, alternativesAt(bound, visible, node, mod.text), mod, shown);
      out.push(
        deferToFunction(instance.finding, e, instance.target, node, mod),
        ...pitfallsOf(e, node, bound.target, mod),
      );
    }
  }
  return out;
}

/**
 * The call of an instance that may hold any of `alternatives` (bound in exclusive branches): one finding when they
 * agree; otherwise the one that smooths (else the one bound last), with the others as modes under their tests.
 */
function describeInstance(
  e: CallExpr,
  alternatives: Alternative<Binding>[],
  mod: ModuleContext,
  shown: ShownCriterion | null,
): { finding: RawFinding; target: Target } {
  const name = mod.text.slice(e.fn.from, e.fn.to);
  const described = alternatives.map((a) => ({
    ...a,
    f: describeCall(e, a.binding.target, mod, name, shown),
  }));
  const smooths = (c: Convention | null) => c !== null && CONVENTION_REGISTRY[c].claimsSmoothing;
  const main = described.find((d) => smooths(d.f.convention)) ?? described[0];
  const modes: LossMode[] = described
    .filter((d) => d !== main && d.f.convention !== main.f.convention)
    .map((d) => ({ when: d.when, convention: d.f.convention }));
  if (modes.length === 0) return { finding: described[0].f, target: described[0].binding.target };
  const finding = {
    ...main.f,
    message: main.f.message + modesNote(modes),
    details: { ...main.f.details, modes },
  };
  return { finding, target: main.binding.target };
}

const TARGET_LOSSES = new Set(['cross_entropy', 'binary_cross_entropy', 'binary_cross_entropy_with_logits']);

/**
 * A torch loss invoked on a target built in the function around it reads "none" from its own arguments only: the
 * convention is the function's (its definition finding), so the call claims none.
 */
function deferToFunction(
  f: RawFinding,
  e: CallExpr,
  target: Target,
  node: SyntaxNode,
  mod: ModuleContext,
): RawFinding {
  if (!('torch' in target) || f.convention !== 'none' || !TARGET_LOSSES.has(target.torch.kind)) return f;
  if (e.args.some((a) => a.mapping))
    return {
      ...f,
      convention: null,
      epsilon: null,
      message: `${f.message} Its keyword arguments are spread from a mapping (\`**\`), which may set its smoothing: the convention is that of the code that builds it.`,
    };
  const functional = target.torch.form === 'functional' && e === target.ctor;
  const positional = e.args.filter((a) => !a.name);
  const arg = functional
    ? bindArgs(e.args, target.torch.params).get('target')
    : (e.args.find((a) => a.name === 'target') ?? positional[1]);
  if (!targetBuiltHere(arg?.value, node, mod.text)) return f;
  return {
    ...f,
    convention: null,
    message: `${f.message} Its target is built in the function around it: the convention is that function's.`,
  };
}

function pitfallsOf(e: CallExpr, node: SyntaxNode, target: Target, mod: ModuleContext): RawFinding[] {
  if ('torch' in target) return torchCallPitfalls(e, node, target.torch, target.ctor, mod);
  const c = target.user.classification;
  const param = c.epsilonParam;
  const arg = e === target.ctor && param ? target.ctor.args.find((a) => a.name === param) : undefined;
  const eps = constantNumber(arg?.value, mod);
  if (!arg || eps === null || (eps >= 0 && eps <= 1)) return [];
  return [
    pitfall(
      arg,
      LABEL_SMOOTHING_OUT_OF_RANGE,
      `${param} = ${eps} is outside [0, 1]; the smoothed targets are no longer a distribution.`,
    ),
  ];
}

/**
 * The expression of a call node, reusing the one built for an enclosing call (calls come outermost first): a
 * chain of n nested calls is converted once, not once per level (n² work).
 */
function callExprs(text: string): (node: SyntaxNode) => Expr {
  const known = new Map<string, Expr>();
  const index = (e: Expr): void => {
    if (e.kind === 'call') known.set(`${e.from}:${e.to}`, e);
    subExprs(e).forEach(index);
  };
  return (node) => {
    const found = known.get(`${node.from}:${node.to}`);
    if (found) return found;
    const e = toExpr(node, text);
    index(e);
    return e;
  };
}

/** Cheap test on the callee alone, so most calls in a big file are never converted whole. */
function worthLooking(fn: Expr, node: SyntaxNode, mod: ModuleContext, keys: Set<string>): boolean {
  if (resolveTorchApi(fn, mod)) return true;
  if (fn.kind === 'call') return worthLooking(fn.fn, node, mod, keys);
  if (fn.kind === 'name')
    return (
      keys.has(fn.id) ||
      mod.definitionNames.has(fn.id) ||
      !!libraryOf(fn.id, mod) ||
      !!workspaceDefinition(mod, fn.id)
    );
  return (
    fn.kind === 'attr' &&
    fn.obj.kind === 'name' &&
    fn.obj.id === 'self' &&
    keys.has(`self.${fn.name}@${classOf(node)}`)
  );
}

function targetOf(e: CallExpr, mod: ModuleContext, resultOf: ResultOf): Target | null {
  const torch = resolveTorchApi(e.fn, mod);
  if (torch) return { torch, ctor: e };
  if (e.fn.kind !== 'name') return null;
  const def = findDefinition(mod, e.fn.id, e.from);
  const user = def && resultOf(def);
  const target = def ? user && { user, ctor: e } : (libraryTarget(e, mod) ?? importedTarget(e, mod));
  // Calling a training step runs it (`train(loader, model, opt)`): no loss is constructed or called there.
  return target && 'user' in target && target.user.step ? null : target;
}

/** The dotted path of an imported name the library catalogue knows (`timm.loss.LabelSmoothingCrossEntropy`). */
function libraryOf(name: string, mod: ModuleContext): string | null {
  if (mod.definitionNames.has(name)) return null;
  const qualified = mod.aliases.get(name);
  return qualified?.includes('.') && libraryDefinition(qualified) ? qualified : null;
}

/** A catalogued library loss constructed or called here, analysed in the catalogue's own module. */
function libraryTarget(e: CallExpr, mod: ModuleContext): Target | null {
  const qualified = e.fn.kind === 'name' ? libraryOf(e.fn.id, mod) : null;
  const found = qualified ? libraryDefinition(qualified) : null;
  const user = found && analyzeDefinition(found.def, found.mod);
  return user && qualified ? { user, ctor: e, library: qualified } : null;
}

/** A loss of another module of the workspace constructed or called here, analysed in its own module. */
function importedTarget(e: CallExpr, mod: ModuleContext): Target | null {
  const found = e.fn.kind === 'name' ? workspaceDefinition(mod, e.fn.id) : null;
  const user = found && analyzeDefinition(found.def, found.mod);
  return user ? { user, ctor: e, imported: true } : null;
}

/**
 * `x = Ctor(...)` or `self.x = Ctor(...)`, also as an arm of a conditional expression (`x = A(…) if c else
 * B(…)`): the key later calls of the instance use.
 */
/**
 * The name a value of an assignment is bound to: the target of `x = value`, or of the same position in
 * `a, b = X(), Y()`; none when the two sides do not pair up.
 */
function boundTo(assign: SyntaxNode, value: SyntaxNode): SyntaxNode | null {
  const items = children(assign).filter((c) => c.name !== ',' && c.name !== 'TypeDef');
  const names = items.map((c) => c.name);
  const op = names.indexOf('AssignOp');
  const lastOp = names.lastIndexOf('AssignOp');
  if (op < 0) return null;
  const targets = items.slice(0, op);
  const values = items.slice(lastOp + 1);
  const at = values.findIndex((v) => v.from === value.from && v.to === value.to);
  if (at < 0 || targets.length !== values.length) return null;
  return targets[at];
}

function bindingKey(call: SyntaxNode, mod: ModuleContext): { key: string } | null {
  let value = call;
  while (value.parent?.name === 'ConditionalExpression' && isArm(value)) value = value.parent;
  const parent = value.parent;
  const bound = parent?.name === 'AssignStatement' ? boundTo(parent, value) : null;
  if (!bound) return null;
  const target = toExpr(bound, mod.text);
  if (target.kind === 'name') return { key: target.id };
  if (target.kind === 'attr' && target.obj.kind === 'name' && target.obj.id === 'self')
    return { key: `self.${target.name}@${classOf(call)}` };
  return null;
}

/** The first or last child of a conditional expression (`body if test else orelse`), not its test. */
function isArm(node: SyntaxNode): boolean {
  return node.parent?.firstChild?.from === node.from || node.parent?.lastChild?.to === node.to;
}

function calleeKey(e: CallExpr, node: SyntaxNode): string | null {
  if (e.fn.kind === 'name') return e.fn.id;
  if (e.fn.kind === 'attr' && e.fn.obj.kind === 'name' && e.fn.obj.id === 'self')
    return `self.${e.fn.name}@${classOf(node)}`;
  return null;
}

/** `name` is a parameter of a function or lambda that encloses `node`. */
function isParameterHere(node: SyntaxNode, name: string, text: string): boolean {
  for (let p = node.parent; p; p = p.parent)
    if (
      (p.name === 'FunctionDefinition' || p.name === 'LambdaExpression') &&
      paramsOf(p, text).some((param) => param.name === name)
    )
      return true;
  return false;
}

function classOf(node: SyntaxNode): number {
  for (let p = node.parent; p; p = p.parent) if (p.name === 'ClassDefinition') return p.from;
  return -1;
}

/** A binding of `key` a call at `at` may see: one before it, or any of a class's `self.x` (methods run in any order). */
function isVisible(b: Binding, key: string, at: number): boolean {
  return b.key === key && (b.at <= at || key.startsWith('self.'));
}

export function constantNumber(e: Expr | undefined, mod: ModuleContext): number | null {
  if (!e) return null;
  const ctx = { mod, syms: new Map(), depth: 0, calls: { torchLosses: 0 } };
  const v = evalExpr(e, { vars: new Map(), returns: [], cls: null }, ctx);
  if (v.kind !== 'num') return null;
  const n = evalSym(v.value, (name) => ctx.syms.get(name)?.value ?? Number.NaN);
  return Number.isFinite(n) ? n : null;
}

/** The criterion a construction at `at` passes as `arg`, when the code shows which (`criterionCall`). */
type ShownCriterion = (arg: Expr, at: number) => Wrapped | null;

/** `ShownCriterion` for calls in the parse `node` is in: a torch loss module, or a loss class of the file. */
function shownCriteria(node: SyntaxNode, mod: ModuleContext, resultOf: ResultOf): ShownCriterion {
  let root = node;
  while (root.parent) root = root.parent;
  const shown: ShownCriterion = (arg, at) => {
    const call = criterionCall(arg, at, root, mod.text);
    const target = call && targetOf(call, mod, resultOf);
    const criterion =
      target && ('torch' in target ? target.torch.form === 'module' : target.user.def.kind === 'class');
    if (!call || !target || !criterion) return null;
    const f = describeCall(call, target, mod, null, shown);
    const written = mod.text.slice(call.fn.from, call.fn.to);
    return f.convention && { criterion: written, call, convention: f.convention, epsilon: f.epsilon };
  };
  return shown;
}

function describeCall(
  e: CallExpr,
  target: Target,
  mod: ModuleContext,
  instance: string | null,
  shown: ShownCriterion | null,
): RawFinding {
  if ('torch' in target) return torchCallFinding(e, target.torch, target.ctor, mod, instance);
  const r = target.user;
  const init = r.params.filter((p) => p.name !== 'self' && !p.star);
  const args = bindArgs(
    target.ctor.args,
    init.map((p) => p.name),
  );
  const param = injectedParam(r);
  const given = param ? args.get(param) : undefined;
  const wrapped = given && shown ? shown(given.value, target.ctor.from) : null;
  const subject = callSubject(e, target, instance);
  if (wrapped) return wrappingFinding(subject, r, wrapped);
  const own = !target.library && !target.imported;
  const withCriterion = own && shown ? passedCriterion(r, args, (a) => shown(a, target.ctor.from)) : null;
  if (withCriterion) return passedCriterionFinding(subject, r, withCriterion);
  const constructedValue = (param: string | null): number | null => {
    if (!param) return null;
    const arg = args.get(param);
    // A value passed that is not a number here (`cfg.MODEL.LABEL_SMOOTHING`) is unknown, not the default.
    if (arg) return constantNumber(arg.value, mod);
    const defaultExpr = init.find((p) => p.name === param)?.defaultExpr ?? undefined;
    return constantNumber(defaultExpr, mod);
  };
  const c = r.classification;
  const passed = (param: string | null) => param !== null && args.has(param);
  const raw = constructedValue(c.epsilonParam);
  const epsilon =
    raw === null
      ? passed(c.epsilonParam)
        ? null
        : c.epsilon
      : c.epsilonIsConfidence
        ? 1 - raw
        : (c.epsilonScale ?? 1) * raw;
  const classes = constructedValue(c.classesParam) ?? (passed(c.classesParam) ? null : c.classes);
  // A well-known library's loss constructed with its smoothing at 0 (`TopKLoss(k=20)` of nnU-Net, its default) is
  // plain cross-entropy, as torch's own `nn.CrossEntropyLoss()` is.
  const off =
    'library' in target &&
    !!target.library &&
    epsilon === 0 &&
    CONVENTION_REGISTRY[c.convention as Convention]?.claimsSmoothing;
  const constructed = { ...c, epsilon, classes, ...(off ? { convention: 'none' as const } : {}) };
  const delegated = r.loss.delegated !== undefined && r.loss.labels !== '*';
  const equivalence = delegated
    ? { exact: null, closest: null, why: null }
    : withFlag(
        torchEquivalence(constructed, r.loss, weightsPassed(r.optionalWeights, args)),
        changedFlag(init, args, mod.text),
      );
  const description = delegated
    ? `${delegation(r)}: its label smoothing is that criterion's.`
    : describeDefinition(definitionLead(r), constructed, r.loss) + equivalenceNote(equivalence);
  return {
    ...subject.at,
    kind: 'loss',
    convention: delegated ? null : (constructed.convention as Convention),
    epsilon: delegated ? null : epsilon,
    epsilonParam: c.epsilonParam,
    torchEquivalent: equivalence.exact,
    rule: null,
    message: `${subject.where}, a ${description.charAt(0).toLowerCase()}${description.slice(1)}`,
    details: { lossKind: 'custom', classes: classes ?? undefined, closestTorch: closestOf(equivalence) },
  };
}

/** How a call's finding names what it calls, and where it lies. */
function callSubject(e: CallExpr, target: UserTarget, instance: string | null): CallSubject {
  const r = target.user;
  const name = target.library ? `\`${target.library}\`` : r.def.name;
  const verb = r.def.kind === 'def' ? 'Calls' : 'Constructs';
  return {
    where: instance ? `\`${instance}\` is a ${name}` : `${verb} ${name}`,
    at: {
      from: e.from,
      to: e.to,
      symbol: instance ?? r.def.name,
      // Defined in another file: the construction stands for it.
      definedAt: instance || target.library || target.imported ? target.ctor.from : r.def.node.from,
    },
  };
}
