import type { SyntaxNode } from '@lezer/common';
import {
  baseExprs,
  type ClassScope,
  type Ctx,
  callParams,
  classScope,
  type Definition,
  decoratorsOf,
  type Frame,
  findDefinition,
  localBases,
  type ModuleContext,
  qualify,
} from '../bind';
import { mixesGivenTargets, positionalBinaryTarget, twoColumnTarget } from '../classify';
import type { LossKind } from '../results';
import { splitQualified } from '../results';
import { children, type Expr, toExpr } from '../syntax';
import { richer, richness } from './branches';
import { inCallerTerms } from './callerTerms';
import {
  assign,
  dimSize,
  evalExpr,
  markTensor,
  namedNumber,
  outsideValue,
  runFunction,
  shownNumber,
  storedTable,
  unsqueezedRow,
} from './interp';
import { libraryDefinition } from './library';
import { diagonalPick } from './marginSoftmax';
import { isConst, num, ONE, sym, ZERO } from './scalar';
import {
  axisOf,
  classDim,
  isFill,
  keepsReceiver,
  lossFunction,
  othersProbabilities,
  reduce,
  rowDot,
  tensorMethod,
  torchFunction,
} from './tensorOps';
import { bindArgs, resolveTorchApi, type TorchApi } from './torchApi';
import { argText, changedLogits, inputOf, type TorchLossCall } from './torchLossCall';
import {
  type Injection,
  isSmoothedTarget,
  type LossInfo,
  lossOf,
  mix,
  numAV,
  paramMix,
  scalarOf,
  smoothedMixOf,
  sourceOf,
  TENSOR,
  tensorMix,
  UNKNOWN,
  type Value,
} from './values';

export { gatherLoss, trueProbOf } from './tensorOps';

type CallExpr = Expr & { kind: 'call' };

interface Evaluated {
  args: Value[];
  kw: Map<string, Value>;
  /** The caller's text of each argument (positional, then by keyword), where the call is written in the file. */
  texts?: { args: string[]; kw: Map<string, string> };
}

function evalArgs(e: CallExpr, f: Frame, ctx: Ctx): Evaluated {
  const args: Value[] = [];
  const kw = new Map<string, Value>();
  const texts = { args: [] as string[], kw: new Map<string, string>() };
  for (const a of e.args) {
    if (a.star) continue;
    const v = evalExpr(a.value, f, ctx);
    const text = ctx.mod.text.slice(a.value.from, a.value.to);
    if (a.name) {
      kw.set(a.name === 'axis' ? 'dim' : a.name, v);
      texts.kw.set(a.name, text);
    } else {
      args.push(v);
      texts.args.push(text);
    }
  }
  return { args, kw, texts };
}

/**
 * `F.cross_entropy(x, y, **kwargs)` with `kwargs` a dict literal of the code (`{'label_smoothing': eps}`, or one
 * such dict per branch): its keys as keyword arguments, with their values as written.
 */
function spreadKeywords(e: CallExpr, f: Frame, ctx: Ctx): [string, Value, string][] {
  const out: [string, Value, string][] = [];
  for (const a of e.args) {
    if (!a.mapping) continue;
    const dict = evalExpr(a.value, f, ctx);
    if (dict.kind !== 'tuple' || !dict.keys || !dict.texts) continue;
    const { items, texts } = dict;
    dict.keys.forEach((key, i) => {
      const [v, text] = [items[i], texts[i]];
      if (key !== null && v && text) out.push([key, v, text]);
    });
  }
  return out;
}

export function evalCall(e: CallExpr, f: Frame, ctx: Ctx): Value {
  const held = heldTorchFunction(e.fn, f);
  if (held) return evalCall({ ...e, fn: held }, f, ctx);
  const method = asTensorMethod(e, ctx);
  if (method) return evalCall(method, f, ctx);
  const api = resolveTorchApi(e.fn, ctx.mod);
  if (api) {
    const bound = new Map<string, Value>();
    const texts: [string, string][] = [];
    for (const [name, a] of bindArgs(e.args, api.params)) {
      const v = evalExpr(a.value, f, ctx);
      bound.set(name, v);
      if (name !== 'input' && name !== 'target')
        texts.push([name, argText(v, a.value, ctx.mod.text, ctx.syms)]);
    }
    for (const [name, v, text] of spreadKeywords(e, f, ctx)) {
      if (bound.has(name)) continue;
      bound.set(name, v);
      texts.push([name, text]);
    }
    if (api.form === 'module') return { kind: 'module', api: api.kind, args: bound, texts };
    if (api.form === 'method') bound.set('input', evalExpr((e.fn as Expr & { kind: 'attr' }).obj, f, ctx));
    if (!api.kind.endsWith('softmax')) ctx.calls.torchLosses++;
    return torchLoss(api.kind, bound, texts, ctx);
  }
  const q = qualify(e.fn, ctx.mod);
  if (q) settleCounts(q, e, f, ctx);
  const ev = evalArgs(e, f, ctx);
  // NumPy builds targets the same way (np.full, np.eye(K)[y], np.zeros): its functions read as torch's.
  if ((q === 'torch.stack' || q === 'torch.cat') && ev.args[0]?.kind === 'tuple') {
    const dim = scalarOf(ev.args[1] ?? ev.kw.get('dim') ?? numAV(ZERO));
    const batch = q === 'torch.cat' && dim !== null && isConst(dim, 0);
    const byPosition = batch ? positionalBinaryTarget(ev.args[0].items) : null;
    return byPosition ?? twoColumnTarget(ev.args[0].items) ?? richest(ev.args[0].items);
  }
  // `SimpleNamespace(eps=eps)`, `dict(eps=eps)`: the keywords, by name.
  if (q !== null && NAMESPACES.has(q) && !ctx.mod.definitionNames.has(q) && ev.args.length === 0)
    return { kind: 'tuple', items: [...ev.kw.values()], keys: [...ev.kw.keys()] };
  // einops moves axes: the value (a one-hot, log-probabilities) stays what it is.
  if (q === 'einops.rearrange' && ev.args[0]) return ev.args[0];
  const diagonal = q === 'torch.diagonal' ? diagonalPick(e.args[0]?.value, (x) => evalExpr(x, f, ctx)) : null;
  if (diagonal) return diagonal;
  const table = q ? tableRows(q, e, ev, ctx) : null;
  if (table) return table;
  // `torch.matmul(q.unsqueeze(1), log_p.unsqueeze(2))`: unsqueezed rows make it bmm's per-row product.
  if (q === 'torch.matmul' && ev.args.length === 2 && e.args.every((a) => unsqueezedRow(a.value)))
    return rowDot(ev.args[0], ev.args[1], ctx);
  if (q?.startsWith('math.')) return mathValue(e, ev, f, ctx);
  if (q && /^(torch|numpy)\./.test(q)) {
    const name = q.slice(q.lastIndexOf('.') + 1);
    const r = integerFill(torchFunction(name, ev.args, ev.kw, ctx), isFill(name) && integerTyped(e, ctx));
    // `torch.exp(x, out=y)` writes its result into y.
    const out = e.args.find((a) => a.name === 'out')?.value;
    if (r && out && (out.kind === 'name' || out.kind === 'attr')) assign(out, r, f, ctx, e);
    if (r) return r;
  }
  // `functools.partial(fn, eps=0.1)`: fn with those arguments bound ahead.
  const fn = ev.args[0];
  if (q === 'functools.partial' && fn?.kind === 'function')
    return { ...fn, partial: { args: ev.args.slice(1), kw: ev.kw } };
  const boundLoss = q === 'functools.partial' ? partialTorchLoss(e, ev, ctx) : null;
  if (boundLoss) return boundLoss;
  const library = q ? (importedCall(q, ev, ctx) ?? libraryCall(q, ev, ctx)) : null;
  if (library) return library;
  const builtin = q !== null && BUILTIN_CONTAINERS.has(q) && !ctx.mod.definitionNames.has(q);
  if (builtin || (q !== null && CONTAINERS.has(q))) return collected(ev);
  // `nn.Parameter(torch.ones(n, 1), requires_grad=False)`: the tensor it holds.
  if (q !== null && PARAMETERS.has(q)) return ev.args[0] ?? ev.kw.get('data') ?? TENSOR;
  const callee = e.fn.kind === 'call' ? evalExpr(e.fn, f, ctx) : null;
  if (callee?.kind === 'module') return applyModule(callee, ev, ctx);
  if (callee?.kind === 'instance') return callInstance(callee, ev, ctx);
  const config = builtFromConfig(e, q, ev, ctx);
  if (config) return config;
  // A registry's build of a config written here (`MODELS.build(dict(type=...))`): the same, named by the call.
  if (registryBuild(e, f, ctx)) return builtCriterion(ctx.mod.text.slice(e.from, e.to), ctx);
  if (e.fn.kind === 'attr') return methodCall(e, e.fn as Expr & { kind: 'attr' }, ev, f, ctx);
  if (e.fn.kind === 'name') return nameCall(e, e.fn.id, ev, f, ctx);
  return (e.fn.kind === 'sub' ? dispatched(e.fn, ev, f, ctx) : null) ?? wrapper(ev, ctx);
}

const INTEGER_DTYPE = /^(torch|numpy)\.(u?int(8|16|32|64)?|long|short)$/;

function integerTyped(e: CallExpr, ctx: Ctx): boolean {
  const dtype = e.args.find((a) => a.name === 'dtype')?.value;
  return dtype !== undefined && INTEGER_DTYPE.test(qualify(dtype, ctx.mod) ?? '');
}

/**
 * `torch.full(shape, num_classes, dtype=torch.int64)` (DETR's no-object class, the matched labels written in after):
 * an integer fill, class indices as long as no one-hot is placed in it, whatever the value filled in.
 */
function integerFill(v: Value | null, integer: boolean): Value | null {
  return integer && v?.kind === 'dist' ? { ...v, target: { ...v.target, integer: true } } : v;
}

/**
 * Tensor methods torch also exposes as functions of the tensor (TorchScript writes them so). Not the out-of-place
 * `torch.scatter(x, …)`: scattered into logits or features it would read as a target built from the labels.
 */
const METHOD_FORMS = new Set(['size', 'view', 'masked_fill', 'index_fill']);

/**
 * `torch.fill_(t, v)`, `torch.scatter_(t, 1, i, v)`, `torch.size(x, 2)`, `torch.view(x, shape)`: the method called on
 * its first argument (`t.fill_(v)`), in place like it.
 */
function asTensorMethod(e: CallExpr, ctx: Ctx): CallExpr | null {
  const [self, ...rest] = e.args;
  const name = /^torch\.(\w+)$/.exec(qualify(e.fn, ctx.mod) ?? '')?.[1];
  if (!name || !self || self.name || !(name.endsWith('_') || METHOD_FORMS.has(name))) return null;
  return { ...e, fn: { ...e.fn, kind: 'attr', obj: self.value, name }, args: rest };
}

const BUILDER = /^build(_[a-z]+)?$/;

/**
 * `build_loss(loss_cls)`, `MODELS.build(cfg)`: a registry's builder (not one of the file's own functions) applied to
 * a config the caller was given builds the criterion that config names, unseen here: it stands for that parameter,
 * so calling it delegates (like a criterion given to the constructor).
 */
function builtFromConfig(e: CallExpr, q: string | null, ev: Evaluated, ctx: Ctx): Value | null {
  const name = e.fn.kind === 'attr' ? e.fn.name : e.fn.kind === 'name' ? e.fn.id : null;
  const onSelf = e.fn.kind === 'attr' && e.fn.obj.kind === 'name' && e.fn.obj.id === 'self';
  if (!name || !BUILDER.test(name) || onSelf || (q !== null && ctx.mod.definitionNames.has(q))) return null;
  const config = ev.args[0] ?? ev.kw.get('cfg');
  if (config?.kind !== 'param' || config.value.kind !== 'symbol' || ev.args.length + ev.kw.size !== 1)
    return null;
  return ctx.syms.get(config.value.name)?.origin === 'param' ? config : null;
}

/** `self.log_softmax = F.log_softmax`, then `self.log_softmax(x, dim=1)`: the torch function the name holds. */
function heldTorchFunction(fn: Expr, f: Frame): Expr | null {
  const onSelf = fn.kind === 'attr' && fn.obj.kind === 'name' && fn.obj.id === 'self';
  const held = fn.kind === 'name' ? f.vars.get(fn.id) : onSelf ? f.cls?.attrs.get(fn.name) : undefined;
  return held?.kind === 'torchRef' ? held.fn : null;
}

const NAMESPACES = new Set(['types.SimpleNamespace', 'argparse.Namespace', 'dict', 'easydict.EasyDict']);

const CONTAINERS = new Set(['torch.nn.ModuleList', 'torch.nn.ModuleDict', 'torch.nn.ParameterList']);
const BUILTIN_CONTAINERS = new Set(['list', 'tuple', 'dict']);
const PARAMETERS = new Set(['torch.nn.Parameter', 'torch.nn.parameter.Parameter']);

/** `nn.ModuleList([...])`, `list(losses)`, `dict(cls=l)`: the values they hold, as one collection. */
function collected(ev: Evaluated): Value {
  const items = [...ev.args, ...ev.kw.values()].flatMap((v) => (v.kind === 'tuple' ? v.items : [v]));
  return ev.args.length === 1 && ev.kw.size === 0 && ev.args[0].kind !== 'tuple'
    ? ev.args[0]
    : { kind: 'tuple', items };
}

/** `math.log(1 - alpha)`: a number (named by its text) when its arguments are numbers; never a tensor's log. */
function mathValue(e: CallExpr, ev: Evaluated, f: Frame, ctx: Ctx): Value {
  if (!ev.args.every((a) => scalarOf(a) !== null)) return UNKNOWN;
  for (const a of ev.args) if (a.kind === 'param' && a.cand !== null) numbersFrom(a.cand, f, ctx);
  const id = ctx.mod.text.slice(e.from, e.to);
  if (!ctx.syms.has(id)) ctx.syms.set(id, { origin: 'free', label: id });
  return { kind: 'num', value: sym(id) };
}

/**
 * `math.log(1 - eps)`: `math` takes Python numbers only, so the parameter is no target tensor; neither is any local
 * computed from it (`confidence = 1 - eps`).
 */
function numbersFrom(param: string, f: Frame, ctx: Ctx): void {
  for (const [name, v] of f.vars)
    if (v.kind === 'param' && v.cand === param) f.vars.set(name, shownNumber(v, ctx));
}

/**
 * `torch.index_select(self.soft, 1, y)` of a table the module keeps, and `torch.matmul(onehot(y), M)`: rows of a
 * table picked by an index, a soft target read from it.
 */
function tableRows(q: string, e: CallExpr, ev: Evaluated, ctx: Ctx): Value | null {
  const [first, second] = [e.args[0]?.value, e.args[1]?.value];
  if (q === 'torch.index_select' && first && ev.args[0]) {
    const stored = storedTable(first, ev.args[0]);
    return stored ? { kind: 'tensor', stored } : null;
  }
  const labels = ev.args[0]?.kind === 'dist' && ev.args[0].target.src === 'index';
  const matrix = ev.args[1]?.kind === 'tensor' || ev.args[1]?.kind === 'unknown';
  if ((q === 'torch.matmul' || q === 'torch.mm') && labels && matrix && second)
    return { kind: 'tensor', stored: ctx.mod.text.slice(second.from, second.to) };
  return null;
}

/**
 * `functools.partial(F.nll_loss, weight=w, reduction='none')`: a torch loss function with its options bound, called
 * later on (input, target) like a criterion built with those options.
 */
function partialTorchLoss(e: CallExpr, ev: Evaluated, ctx: Ctx): Value | null {
  const [fn, ...options] = e.args;
  const api = fn && !fn.name && !fn.star ? resolveTorchApi(fn.value, ctx.mod) : null;
  if (api?.form !== 'functional' || api.kind.endsWith('softmax') || options.some((a) => !a.name || a.star))
    return null;
  const texts = options.map((a): [string, string] => {
    const name = a.name === 'axis' ? 'dim' : (a.name as string);
    return [name, argText(ev.kw.get(name) ?? UNKNOWN, a.value, ctx.mod.text, ctx.syms)];
  });
  return { kind: 'module', api: api.kind, args: new Map(ev.kw), texts };
}

function applyModule(m: Value & { kind: 'module' }, ev: Evaluated, ctx: Ctx): Value {
  const bound = new Map(m.args);
  bound.set('input', ev.args[0] ?? ev.kw.get('input') ?? UNKNOWN);
  bound.set('target', ev.args[1] ?? ev.kw.get('target') ?? UNKNOWN);
  ctx.calls.torchLosses++;
  return torchLoss(m.api, bound, m.texts, ctx);
}

/** A torch loss applied to abstract arguments, remembering the call so a wrapper can name it. */
function torchLoss(kind: LossKind, args: Map<string, Value>, texts: TorchLossCall['args'], ctx: Ctx): Value {
  const given = kind === 'cross_entropy' ? mixedTargetsGiven(smoothingNamed(args, texts, ctx), ctx) : args;
  const v = lossFunction(kind, given, classDim(ctx));
  if (v.kind !== 'loss') return v;
  const input = args.get('input') ?? UNKNOWN;
  const changed = changedLogits(input) ? { changedInput: true as const } : {};
  // Sliced logits or labels (`labels[..., 1:]`, a next-token shift): the call sees other positions than it is given.
  const target = args.get('target') ?? UNKNOWN;
  const slicedAny = [input, target].some((v) => v.kind === 'tensor' && v.sliced);
  const sliced = slicedAny ? { slicedInput: true as const } : {};
  const logged = kind === 'kl_div' && input.kind === 'blog' ? { loggedInput: true as const } : {};
  const call = {
    kind,
    args: texts,
    input: inputOf(input),
    ...changed,
    ...sliced,
    ...logged,
    hot: v.loss.hot,
  };
  const predictions = sourceOf(input);
  return {
    kind: 'loss',
    loss: { ...v.loss, ...sliced, torch: call, ...(predictions ? { predictions } : {}) },
  };
}

/**
 * `label_smoothing=get_eps(cfg)`: a number the analysis cannot compute (a call's result, a value from outside) is ε
 * all the same, named by its text, never 0.
 */
function smoothingNamed(
  args: Map<string, Value>,
  texts: TorchLossCall['args'],
  ctx: Ctx,
): Map<string, Value> {
  const value = args.get('label_smoothing');
  const text = texts.find(([name]) => name === 'label_smoothing')?.[1];
  if (!value || !text || scalarOf(value) !== null) return args;
  return new Map(args).set('label_smoothing', namedNumber(text, ctx));
}

/** `F.cross_entropy(x, lam * y_a + (1 - lam) * y_b)`: a target mixing two given tensors is probabilities, not indices. */
function mixedTargetsGiven(args: Map<string, Value>, ctx: Ctx): Map<string, Value> {
  const target = args.get('target');
  const m = target ? paramMix(target) : null;
  return m && mixesGivenTargets(m, ctx.syms)
    ? new Map(args).set('target', { kind: 'dist', target: m })
    : args;
}

function methodCall(e: CallExpr, fn: Expr & { kind: 'attr' }, ev: Evaluated, f: Frame, ctx: Ctx): Value {
  // `super()` in a method the class inherits is relative to the class that defines that method.
  const owner = f.cls ? ownerOf(e, f.cls.def, ctx) : null;
  const superMethod = owner && isSuper(fn, fn.name) ? localBaseMethod(owner, fn.name, ctx) : undefined;
  if (superMethod && f.cls && fn.name !== '__init__') return inline(superMethod, ev, f.cls, ctx);
  if (isSuper(fn, 'forward') && f.cls && owner) {
    const base = torchLossBase(owner, f.cls, ctx);
    if (base) return applyModule(base, ev, ctx);
    const inherited = libraryMethod(f.cls, 'forward', ev, ctx);
    if (inherited) return inherited;
  }
  if (isSuper(fn, '__init__') && f.cls && owner) {
    // A base class of the file runs its own __init__ (a library base its catalogue one); a torch loss base stores
    // its arguments (`super().__init__(weight, reduction=r)` sets self.weight and self.reduction).
    const init = localBases(owner, ctx.mod, 1)
      .map((b) => classScope(b, ctx.mod).methods.get('__init__'))
      .find((m) => m !== undefined);
    if (init) runFunction(init, bindCall(init, ev, ctx), f.cls, ctx, true);
    else libraryMethod(f.cls, '__init__', ev, ctx);
    const positional = init ? [] : (torchLossApi(owner, ctx)?.params ?? []);
    const stored = [...ev.kw, ...ev.args.map((v, i) => [positional[i], v] as const)];
    for (const [name, value] of stored) if (name && !f.cls.attrs.has(name)) f.cls.attrs.set(name, value);
    return UNKNOWN;
  }
  // `self.criterion.forward(x, y)` is `self.criterion(x, y)`.
  const held =
    fn.obj.kind === 'attr' && fn.obj.obj.kind === 'name' && fn.obj.obj.id === 'self' ? fn.obj.name : null;
  if (held && f.cls && (fn.name === 'forward' || fn.name === '__call__'))
    return selfCall(held, ev, f.cls, ctx);
  const obj = evalExpr(fn.obj, f, ctx);
  if (obj.kind === 'self' && f.cls) return selfCall(fn.name, ev, f.cls, ctx);
  if (fn.obj.kind === 'name' && f.cls && fn.obj.id === f.cls.def.name)
    return userMethod(f.cls, fn.name, ev, ctx);
  const named =
    fn.obj.kind === 'name' && !f.vars.has(fn.obj.id) ? findDefinition(ctx.mod, fn.obj.id, e.from) : null;
  if (named?.kind === 'class') return classCall(named, fn.name, ev, ctx);
  // `nn.BCELoss().to(device)`, `.cuda()`: the same module; `.forward(x, y)` applies it.
  if ((obj.kind === 'module' || obj.kind === 'instance') && fn.name !== 'forward' && fn.name !== '__call__')
    return obj;
  if (obj.kind === 'module') return applyModule(obj, ev, ctx);
  if (obj.kind === 'instance') return callInstance(obj, ev, ctx);
  if (fn.name === 'size' || fn.name === 'dim') markTensor(obj, ctx);
  if (TRAINING_STEP.has(fn.name)) {
    ctx.calls.training = true;
    // An optimizer's update in the analysed definition's own body (depth 1), not in a helper it calls (a `main`
    // running `train(...)`); a gradient alone (`loss.backward()` for an attack or a test) updates nothing.
    if (ctx.depth === 1 && fn.name === 'step') ctx.calls.ownStep = true;
  }
  if (fn.name === 'backward' && obj.kind === 'loss')
    ctx.calls.trained = richer(obj, ctx.calls.trained ?? UNKNOWN);
  // `accelerator.backward(loss)`, `fabric.backward(loss)`, Lightning's `self.manual_backward(loss)`.
  const given = ev.args[0];
  if ((fn.name === 'backward' || fn.name === 'manual_backward') && given?.kind === 'loss') {
    ctx.calls.training = true;
    ctx.calls.trained = richer(given, ctx.calls.trained ?? UNKNOWN);
  }
  // A mixed-precision `scaler.scale(loss)` is the loss times a number: `.backward()` on it trains with the loss.
  if (fn.name === 'scale' && ev.args.length === 1 && given?.kind === 'loss') return given;
  if (COLLECTING.has(fn.name) && obj.kind === 'tuple') {
    // Per-level or per-head losses collected in a list or dict (`losses.append(l)`, `losses.update(cls=l)`).
    const added = [...ev.args, ...ev.kw.values()].flatMap((v) => (v.kind === 'tuple' ? v.items : [v]));
    assign(fn.obj, { kind: 'tuple', items: [...obj.items, ...added] }, f, ctx, e);
    return UNKNOWN;
  }
  if (fn.name === 'values' && obj.kind === 'tuple') return obj;
  const setting = settingWithDefault(fn.name, obj, ev, ctx);
  if (setting) return setting;
  // `cfg.get("eps")` of a config given as a parameter or unknown: an unknown number, like `cfg["eps"]`.
  if (
    fn.name === 'get' &&
    (obj.kind === 'unknown' || obj.kind === 'param') &&
    e.args[0]?.value.kind === 'str'
  )
    return outsideValue(e, ctx);
  if (fn.name === 'size') {
    const dim = ev.args[0] ?? ev.kw.get('dim');
    return dim ? dimSize(dim, ctx) : { kind: 'shape' };
  }
  // Per-row losses count the rows: `l.sum() / l.numel()` is their mean.
  if (fn.name === 'numel' && obj.kind === 'loss' && obj.loss.reduction === 'none')
    return dimSize({ kind: 'num', value: num(0) }, ctx);
  if (fn.name === 'dim' || fn.name === 'numel') return { kind: 'num', value: sym(`#${fn.name}`) };
  const result = tensorMethod(obj, fn.name, ev.args, ev.kw, ctx);
  const library = /^(torch|numpy|np|math)\./.test(qualify(fn, ctx.mod) ?? '');
  if (result.kind === 'tensor' && !library && !keepsReceiver(fn.name)) return consumer(ev, ctx) ?? result;
  const receiver = inPlaceReceiver(fn.obj);
  const rebindable =
    receiver.kind === 'name' ||
    (receiver.kind === 'attr' && receiver.obj.kind === 'name' && receiver.obj.id === 'self');
  if (fn.name.endsWith('_') && rebindable) assign(receiver, result, f, ctx, e);
  return result;
}

/** `t.mul_(a).add_(b)`: an in-place method returns the tensor it changed, so the chain changes `t`. */
function inPlaceReceiver(obj: Expr): Expr {
  const inPlace = obj.kind === 'call' && obj.fn.kind === 'attr' && obj.fn.name.endsWith('_');
  return inPlace ? inPlaceReceiver((obj.fn as Expr & { kind: 'attr' }).obj) : obj;
}

const COLLECTING = new Set(['append', 'extend', 'update', 'insert']);

/**
 * `kwargs.get('eps', 0.1)` on a mapping the analysis knows nothing of (`**kwargs`, a global): a number named by its
 * key, of unknown value (the mapping usually holds it; the default is only a fallback). A parameter's `.get` is
 * left to the caller's binding, which names ε after the parameter it is passed for.
 */
function settingWithDefault(method: string, obj: Value, ev: Evaluated, ctx: Ctx): Value | null {
  const [key, fallback] = ev.args;
  if (!/^(get|pop|setdefault)$/.test(method) || obj.kind !== 'unknown') return null;
  if (key?.kind !== 'str' || fallback?.kind !== 'num') return null;
  const id = ctx.syms.has(key.text) ? `${key.text} (setting)` : key.text;
  if (!ctx.syms.has(id)) ctx.syms.set(id, { origin: 'free', label: key.text });
  return { kind: 'param', value: sym(id), cand: null, tensorish: false };
}

/** `loss.backward()`, `optimizer.step()`: the code trains with a loss rather than defining one. */
const TRAINING_STEP = new Set(['backward', 'step', 'zero_grad']);

function isSuper(fn: Expr & { kind: 'attr' }, method: string): boolean {
  return (
    fn.name === method && fn.obj.kind === 'call' && fn.obj.fn.kind === 'name' && fn.obj.fn.id === 'super'
  );
}

/**
 * A class deriving from a torch loss (`class MyCE(nn.CrossEntropyLoss)`, or through classes of the file):
 * `super().forward(x, y)` is that loss with the arguments `super().__init__(...)` stored on the instance.
 */
function torchLossBase(owner: Definition, cls: ClassScope, ctx: Ctx): (Value & { kind: 'module' }) | null {
  const api = torchLossApi(owner, ctx);
  if (!api) return null;
  const args = new Map<string, Value>();
  const texts: [string, string][] = [];
  for (const name of api.params) {
    const v = cls.attrs.get(name);
    if (!v) continue;
    args.set(name, v);
    texts.push([name, v.kind === 'str' ? `'${v.text}'` : `self.${name}`]);
  }
  return { kind: 'module', api: api.kind, args, texts };
}

/** A class deriving from a torch loss with no `forward` of its own: that loss, with what `__init__` stored. */
export function inheritedTorchLoss(cls: ClassScope, ctx: Ctx): Value | null {
  const base = torchLossBase(cls.def, cls, ctx);
  return base ? applyModule(base, { args: [], kw: new Map() }, ctx) : null;
}

/** The torch loss module a class derives from, directly or through classes of the file. */
function torchLossApi(def: Definition, ctx: Ctx): TorchApi | null {
  for (const base of baseExprs(def, ctx.mod)) {
    const api = resolveTorchApi(base, ctx.mod);
    if (api?.form === 'module') return api;
  }
  return null;
}

/** The class of the file whose body holds the call: the running method's own class, not the instance's. */
function ownerOf(e: CallExpr, instance: Definition, ctx: Ctx): Definition {
  const inside = (d: Definition) => d.kind === 'class' && d.node.from <= e.from && e.to <= d.node.to;
  return ctx.mod.definitions.find(inside) ?? instance;
}

/**
 * `Helper.static(x)` on a class of the file, or `Fn.apply(x, y)` of an autograd Function: its static `forward`,
 * whose first parameter is the autograd context, not an argument.
 */
function classCall(def: Definition, name: string, ev: Evaluated, ctx: Ctx): Value {
  const scope = classScope(def, ctx.mod);
  if (name !== 'apply' || scope.methods.has('apply')) return userMethod(scope, name, ev, ctx);
  return userMethod(scope, 'forward', { ...ev, args: [UNKNOWN, ...ev.args] }, ctx);
}

/** Calling a value that holds something callable: a torch module, an instance, a method, a function. */
function callHeld(held: Value | undefined, ev: Evaluated, cls: ClassScope | null, ctx: Ctx): Value | null {
  if (held?.kind === 'module') return applyModule(held, ev, ctx);
  if (held?.kind === 'instance') return callInstance(held, ev, ctx);
  if (held?.kind === 'method' && cls) return userMethod(cls, held.name, ev, ctx);
  if (held?.kind === 'function') return callFunction(held, ev, cls, ctx);
  if (held?.kind === 'torchFn') return applyTorchFn(held, ev, ctx);
  return null;
}

/**
 * `loss_map[loss](outputs, targets, indices)` (DETR's `get_loss`): a call through a dict of callables by a key not
 * known here is one of them; each is run and the richest result kept, as for the returns of a function.
 */
function dispatched(fn: Expr & { kind: 'sub' }, ev: Evaluated, f: Frame, ctx: Ctx): Value | null {
  const table = evalExpr(fn.obj, f, ctx);
  if (table.kind !== 'tuple' || !table.keys) return null;
  const results = table.items.map((item) => callHeld(item, ev, f.cls, ctx));
  return results.every((r) => r !== null) ? pickReturn(results as Value[]) : null;
}

function selfCall(name: string, ev: Evaluated, cls: ClassScope, ctx: Ctx): Value {
  const held = cls.attrs.get(name);
  const called = callHeld(held, ev, cls, ctx);
  if (called) return called;
  if (name === 'register_buffer' && ev.args[0]?.kind === 'str') {
    cls.attrs.set(ev.args[0].text, ev.args[1] ?? UNKNOWN);
    return UNKNOWN;
  }
  if (cls.methods.has(name)) return userMethod(cls, name, ev, ctx);
  const inherited = libraryMethod(cls, name, ev, ctx);
  if (inherited) return inherited;
  if (injectedCriterion(held, ev, ctx))
    return smoothedConsumer(ev, ctx) ?? delegatedLoss(`self.${name}`, ev.args[1], injection(held, 'self'));
  return wrapper(ev, ctx);
}

/**
 * `MODELS.build(cfg)`, `LOSSES.build(loss)` (a registry named in capitals), `build_loss(cfg)`, `build_criterion(args)`
 * of no definition in the file: a criterion built from a config the code does not show.
 */
function registryBuild(e: CallExpr, f: Frame, ctx: Ctx): boolean {
  const fn = e.fn;
  if (fn.kind === 'attr')
    return (
      fn.name === 'build' &&
      fn.obj.kind === 'name' &&
      /^[A-Z][A-Z0-9_]*$/.test(fn.obj.id) &&
      !f.vars.has(fn.obj.id)
    );
  return fn.kind === 'name' && /^build_(loss|criterion)$/.test(fn.id) && !ctx.mod.definitionNames.has(fn.id);
}

/** Such a criterion: like one given to the constructor, a loss over the labels it is called with, of its own kind. */
function builtCriterion(text: string, ctx: Ctx): Value {
  ctx.syms.set(text, { origin: 'param', label: text });
  return { kind: 'param', value: sym(text), cand: null, tensorish: false };
}

/** `self.loss_fcn(pred, true)` where `loss_fcn` was given to the constructor (no default to read it from). */
function injectedCriterion(held: Value | undefined, ev: Evaluated, ctx: Ctx): boolean {
  if (held?.kind !== 'param' || held.value.kind !== 'symbol' || ev.args.length < 2) return false;
  const info = ctx.syms.get(held.value.name);
  return info?.origin === 'param' && info.value === undefined;
}

/**
 * A loss whose convention is a criterion's the analysis cannot see: known to be a loss over the labels it was
 * given, nothing more. (Given a smoothed target built in the code, the target decides: `smoothedConsumer`.)
 */
function delegatedLoss(criterion: string, labels: Value | undefined, injected: Injection | null): Value {
  const name = labels && sourceOf(labels);
  const l = lossOf({ ...mix(ONE, ZERO, 'index'), ...(name ? { labels: name } : {}) }, { reduction: 'mean' });
  if (l.kind !== 'loss') return l;
  return { kind: 'loss', loss: { ...l.loss, delegated: criterion, ...(injected ? { injected } : {}) } };
}

/** The parameter an injected criterion (`injectedCriterion`) stands for. */
function injection(held: Value | undefined, via: Injection['via']): Injection | null {
  return held?.kind === 'param' && held.value.kind === 'symbol' ? { param: held.value.name, via } : null;
}

/** `self.reduction_method(x)` holding `torch.sum` or `torch.mean`. */
function applyTorchFn(fn: Value & { kind: 'torchFn' }, ev: Evaluated, ctx: Ctx): Value {
  return reduce(ev.args[0] ?? UNKNOWN, fn.name, axisOf(ev.args[1] ?? ev.kw.get('dim')), ctx);
}

/**
 * A factory's returned instance (`return FocalLoss(gamma=gamma)`, `return nn.CrossEntropyLoss(label_smoothing=s)`):
 * the loss its forward computes. A record without a forward (a dataclass or named tuple of losses,
 * `return Losses(cls=l, box=b)`) holds its values.
 */
export function instanceLoss(v: Value, ctx: Ctx): Value {
  if (v.kind === 'module') return applyModule(v, { args: [], kw: new Map() }, ctx);
  if (v.kind !== 'instance') return v;
  const methods = classScope(v.def, v.mod).methods;
  if (!methods.has('forward') && !methods.has('__call__')) return richest([...v.args, ...v.kw.values()]);
  return callInstance(v, { args: [], kw: new Map() }, ctx);
}

export function userMethod(cls: ClassScope, name: string, ev: Evaluated, ctx: Ctx): Value {
  const fn = cls.methods.get(name);
  return fn && !isAbstract(fn, ctx.mod.text) ? inline(fn, ev, cls, ctx) : wrapper(ev, ctx);
}

/** `@abstractmethod`, or a body that only raises NotImplementedError: code a subclass supplies, unseen here. */
function isAbstract(fn: SyntaxNode, text: string): boolean {
  if (decoratorsOf(fn, text).some((d) => /\babstractmethod\b/.test(d))) return true;
  const body = fn.getChild('Body');
  const statements = body ? children(body).filter((s) => s.name.endsWith('Statement')) : [];
  const code = statements.filter(
    (s) => !(s.name === 'ExpressionStatement' && s.firstChild?.name === 'String'),
  );
  return code.length === 1 && /^raise\s+NotImplementedError\b/.test(text.slice(code[0].from, code[0].to));
}

function nameCall(e: CallExpr, id: string, ev: Evaluated, f: Frame, ctx: Ctx): Value {
  const local = f.vars.get(id);
  const called = callHeld(local, ev, f.cls, ctx);
  if (called) return called;
  if (injectedCriterion(local, ev, ctx))
    return smoothedConsumer(ev, ctx) ?? delegatedLoss(id, ev.args[1], injection(local, 'argument'));
  if (id === 'len') return dimSize({ kind: 'num', value: { kind: 'number', value: 0 } }, ctx);
  if (id === 'getattr' && !ctx.mod.definitionNames.has(id) && e.args[1]?.value.kind === 'str') {
    const read = namedAttribute(e);
    return read ? evalExpr(read, f, ctx) : outsideValue(e, ctx);
  }
  // `x[range(n), y]`: the rows, like `torch.arange(n)`.
  if (id === 'range' && ev.args.length === 1)
    return { kind: 'tensor', classRange: { classes: null, eye: false } };
  if (id === 'int' || id === 'float') return pythonNumber(ev.args[0] ?? UNKNOWN);
  if (id === 'abs') return ev.args[0] ?? UNKNOWN;
  // `max(eps, 0)`, `max(logits.size(-1) - 1, 1)`: Python's max / min of numbers is a number.
  if ((id === 'max' || id === 'min') && !ctx.mod.definitionNames.has(id)) {
    const bounded = boundedNumber(id, ev.args);
    if (bounded) return bounded;
    const n = ev.args.length >= 2 ? mathValue(e, ev, f, ctx) : UNKNOWN;
    if (n.kind === 'num') return n;
  }
  if (id === 'sum' && ev.args[0]?.kind === 'tuple') return richest(ev.args[0].items);
  const def = local ? null : findDefinition(ctx.mod, id, e.from);
  if (def?.kind === 'def') return settledClasses(inline(def.node, ev, null, ctx), f, ctx);
  // A class of the file with no methods (a dataclass or NamedTuple of losses) holds the values it is built with.
  if (def?.kind === 'class' && classScope(def, ctx.mod).methods.size === 0) return builtFields(def, ev, ctx);
  const held = local || def ? null : evalExpr({ kind: 'name', id, from: e.fn.from, to: e.fn.to }, f, ctx);
  if (held?.kind === 'function') return callFunction(held, ev, f.cls, ctx);
  // A criterion built at module level (`criterion = nn.CrossEntropyLoss(...)`) called in a function.
  if (held?.kind === 'module') return applyModule(held, ev, ctx);
  if (held?.kind === 'instance') return callInstance(held, ev, ctx);
  if (def?.kind === 'class') return { kind: 'instance', def, mod: ctx.mod, ...ev };
  const imported =
    local || def || (held && held.kind !== 'unknown') ? null : workspaceDefinition(ctx.mod, id);
  if (imported) return foreignCall(imported.def, imported.mod, ev, ctx);
  return wrapper(ev, ctx);
}

/**
 * `getattr(opts, "label_smoothing")` (a default or not): the attribute `opts.label_smoothing`; null when the name is
 * no identifier (`getattr(opts, "loss.label_smoothing")`, an argparse option).
 */
function namedAttribute(e: CallExpr): Expr | null {
  const [obj, name] = e.args;
  if (
    !obj ||
    obj.name ||
    name?.name ||
    name?.value.kind !== 'str' ||
    !/^[A-Za-z_]\w*$/.test(name.value.value)
  )
    return null;
  return { kind: 'attr', obj: obj.value, name: name.value.value, from: e.from, to: e.to };
}

/**
 * `max(0.0, min(1.0, eps))`: numbers kept within bounds. Of literals alone, the one it picks; with a symbol, that
 * symbol (a bound does not change the formula ε enters).
 */
function boundedNumber(id: 'max' | 'min', args: Value[]): Value | null {
  const scalars = args.map(scalarOf);
  if (args.length < 2 || scalars.some((s) => s === null)) return null;
  const symbolic = args.filter((_, i) => scalars[i]?.kind !== 'number');
  if (symbolic.length === 1) return symbolic[0];
  if (symbolic.length > 1) return null;
  const values = scalars.map((s) => (s?.kind === 'number' ? s.value : 0));
  return numAV(num(id === 'max' ? Math.max(...values) : Math.min(...values)));
}

/** `super().name` of a base class of the same file (nearest first): its own method, not the subclass's. */
function localBaseMethod(owner: Definition, name: string, ctx: Ctx): SyntaxNode | undefined {
  for (const base of localBases(owner, ctx.mod, 3)) {
    const own = classScope(base, ctx.mod).methods.get(name);
    if (own) return own;
  }
  return undefined;
}

/**
 * A method the class inherits from a catalogued library class (`class MyCrit(LabelSmoothedCrossEntropyCriterion)`
 * calling `self.compute_loss(...)`): the catalogue's method, run in the catalogue's module on this instance.
 */
function libraryMethod(cls: ClassScope, name: string, ev: Evaluated, ctx: Ctx): Value | null {
  const bases = cls.def.node.getChild('ArgList');
  for (let b = bases?.firstChild; b; b = b.nextSibling) {
    const q = qualify(toExpr(b, ctx.mod.text), ctx.mod);
    const found = q?.includes('.') ? libraryDefinition(q) : null;
    const method =
      found?.def.kind === 'class' ? classScope(found.def, found.mod).methods.get(name) : undefined;
    if (!found || !method) continue;
    const at = { ...ctx, mod: found.mod };
    return withoutSpans(
      pickReturn(runFunction(method, bindCall(method, ev, at), cls, at, name === '__init__')),
    );
  }
  return null;
}

/** A class without a method of its own (`__init__`, `forward`) runs the one a catalogued library base defines. */
export function inheritedMethod(cls: ClassScope, name: '__init__' | 'forward', ctx: Ctx): Value {
  return libraryMethod(cls, name, { args: [], kw: new Map() }, ctx) ?? UNKNOWN;
}

/** A loss of a well-known library, imported by name: its catalogue definition, run in the catalogue's module. */
function libraryCall(qualified: string, ev: Evaluated, ctx: Ctx): Value | null {
  const found = qualified.includes('.') ? libraryDefinition(qualified) : null;
  if (found) return foreignCall(found.def, found.mod, ev, ctx);
  // `Fn.apply(x, ...)` of a catalogued autograd Function: its static forward, in the catalogue's module.
  const fn = qualified.endsWith('.apply') ? libraryDefinition(qualified.slice(0, -'.apply'.length)) : null;
  return fn?.def.kind === 'class'
    ? withoutSpans(classCall(fn.def, 'apply', ev, { ...ctx, mod: fn.mod }))
    : null;
}

/** A function or class of the workspace's own modules, imported (`from .utils import smooth`), when readable. */
function importedCall(qualified: string, ev: Evaluated, ctx: Ctx): Value | null {
  const found = importedDefinition(ctx.mod, qualified, 0);
  return found ? foreignCall(found.def, found.mod, ev, ctx) : null;
}

/**
 * The class or function a bare name of the file stands for in a workspace module it imports: by name (`from .utils
 * import Smooth`) or through a star import (`from utils import *`). Null when the file defines the name itself.
 */
export function workspaceDefinition(
  mod: ModuleContext,
  name: string,
): { def: Definition; mod: ModuleContext } | null {
  if (!mod.imports || mod.definitionNames.has(name)) return null;
  const alias = mod.aliases.get(name);
  if (alias) return importedDefinition(mod, alias, 0);
  for (const full of mod.aliases.values()) {
    const found = full.endsWith('.*') ? importedDefinition(mod, `${full.slice(0, -1)}${name}`, 0) : null;
    if (found) return found;
  }
  return null;
}

/** How many re-exports (`__init__.py` importing from its submodules) are followed to a definition. */
const MAX_REEXPORTS = 3;

/**
 * The definition `qualified` names in a module `mod` imports: defined there, or re-exported by it
 * (`from .losses import *`, `from .losses import smooth` in a package's `__init__.py`), followed a few deep.
 */
function importedDefinition(
  mod: ModuleContext,
  qualified: string,
  depth: number,
): { def: Definition; mod: ModuleContext } | null {
  const split = splitQualified(qualified);
  const inner = split && mod.imports ? mod.imports(split[0]) : null;
  if (!split || !inner) return null;
  const [, name] = split;
  const def = findDefinition(inner, name, Number.POSITIVE_INFINITY);
  if (def) return { def, mod: inner };
  if (depth >= MAX_REEXPORTS) return null;
  const named = inner.aliases.get(name);
  const stars = [...inner.aliases.values()].filter((full) => full.endsWith('.*'));
  for (const full of [...(named ? [named] : []), ...stars.map((star) => `${star.slice(0, -1)}${name}`)]) {
    const found = importedDefinition(inner, full, depth + 1);
    if (found) return found;
  }
  return null;
}

/** A definition of another module called from this one: an instance of its class, or its function run there. */
function foreignCall(def: Definition, mod: ModuleContext, ev: Evaluated, ctx: Ctx): Value {
  if (def.kind === 'class') return { kind: 'instance', def, mod, ...ev };
  const at = { ...ctx, mod };
  const bound = zeroDefaults(def.node, mod, bindCall(def.node, ev, at));
  return withoutSpans(pickReturn(runFunction(def.node, bound, null, at, false)));
}

/**
 * An argument left out of a call into another module that defaults to 0 (`label_smoothing=0.0`) is 0 at this call,
 * not a setting; for a class, at its construction (`TopKLoss(k=20)` of nnU-Net: no smoothing).
 */
function zeroDefaults(fn: SyntaxNode, mod: ModuleContext, bound: Map<string, Value>): Map<string, Value> {
  for (const p of callParams(fn, mod.text))
    if (!bound.has(p.name) && p.defaultExpr?.kind === 'num' && p.defaultExpr.value === 0)
      bound.set(p.name, numAV(ZERO));
  return bound;
}

/** Calling an instance runs its `forward` (or `__call__`) after its `__init__` with the constructor's arguments. */
function callInstance(inst: Value & { kind: 'instance' }, ev: Evaluated, ctx: Ctx): Value {
  const own = inst.mod === ctx.mod;
  const at = own ? ctx : { ...ctx, mod: inst.mod };
  const scope = classScope(inst.def, inst.mod);
  const init = scope.methods.get('__init__');
  if (init) {
    const bound = namedSettings(bindCall(init, inst, at), at);
    runFunction(init, own ? bound : zeroDefaults(init, inst.mod, bound), scope, at, true);
  }
  // A class without `__init__` (a dataclass) keeps its keyword arguments as fields.
  else for (const [name, value] of inst.kw) scope.attrs.set(name, value);
  const forward = scope.methods.get('forward') ?? scope.methods.get('__call__');
  if (!forward) return wrapper(ev, ctx);
  const result = pickReturn(runFunction(forward, bindCall(forward, ev, at), scope, at, false));
  return own ? result : withoutSpans(result);
}

/**
 * `self.cfg.eps` where `self.cfg = LossConfig(eps=eps)`: the field the instance's constructor set. With an
 * `__init__`, what it stores on `self`; without one (a dataclass), the keyword or positional argument for the field,
 * else the field's class-level default. Null when the class sets no such field.
 */
export function instanceField(inst: Value & { kind: 'instance' }, name: string, ctx: Ctx): Value | null {
  const at = inst.mod === ctx.mod ? ctx : { ...ctx, mod: inst.mod };
  const scope = classScope(inst.def, inst.mod);
  const init = scope.methods.get('__init__');
  if (init) {
    runFunction(init, bindCall(init, inst, at), scope, at, true);
    return scope.attrs.get(name) ?? null;
  }
  const fields = classFields(inst.def, inst.mod.text);
  const index = fields.findIndex((f) => f.name === name);
  if (index < 0) return null;
  const passed = inst.kw.get(name) ?? inst.args[index];
  if (passed) return passed;
  const fallback = fields[index].value;
  return fallback ? evalExpr(fallback, { vars: new Map(), returns: [], cls: null }, at) : null;
}

/**
 * The values a class without methods is built with, keyed by field: each annotated field's keyword or positional
 * argument, else its default; keywords it does not declare after them.
 */
function builtFields(def: Definition, ev: Evaluated, ctx: Ctx): Value & { kind: 'tuple' } {
  const fields = classFields(def, ctx.mod.text);
  const empty: Frame = { vars: new Map(), returns: [], cls: null };
  const items = fields.map(
    (f, i) => ev.kw.get(f.name) ?? ev.args[i] ?? (f.value ? evalExpr(f.value, empty, ctx) : UNKNOWN),
  );
  const declared = new Set(fields.map((f) => f.name));
  const extra = [...ev.kw].filter(([name]) => !declared.has(name));
  return {
    kind: 'tuple',
    items: [...items, ...ev.args.slice(fields.length), ...extra.map(([, v]) => v)],
    keys: [
      ...fields.map((f) => f.name),
      ...ev.args.slice(fields.length).map(() => null),
      ...extra.map(([k]) => k),
    ],
  };
}

/** The annotated fields of a class body in order (`eps: float = 0.1`), with their defaults. */
function classFields(def: Definition, text: string): { name: string; value: Expr | null }[] {
  const body = def.node.getChild('Body');
  const out: { name: string; value: Expr | null }[] = [];
  for (const s of body ? children(body) : []) {
    const [target, typeDef, op, value] = children(s);
    if (s.name !== 'AssignStatement' || target?.name !== 'VariableName' || typeDef?.name !== 'TypeDef')
      continue;
    out.push({
      name: text.slice(target.from, target.to),
      value: op?.name === 'AssignOp' && value ? toExpr(value, text) : null,
    });
  }
  return out;
}

/** Spans point into the catalogue's text, not the user's: drop them (they only place pitfalls). */
function withoutSpans(v: Value): Value {
  return v.kind === 'loss' ? { kind: 'loss', loss: { ...v.loss, weightSpans: [] } } : v;
}

/** A function value (nested helper, lambda, module function, partial) called with the caller's arguments. */
function callFunction(
  fn: Value & { kind: 'function' },
  ev: Evaluated,
  cls: ClassScope | null,
  ctx: Ctx,
): Value {
  const all = fn.partial
    ? { args: [...fn.partial.args, ...ev.args], kw: new Map([...fn.partial.kw, ...ev.kw]) }
    : ev;
  return inline(fn.node, all, cls, ctx, fn.closure);
}

/**
 * Runs a helper with the caller's arguments. Opaque arguments (a model's output, an unknown tensor) say nothing,
 * so those parameters keep the helper's own reading of them (log-probabilities, target candidates).
 */
function inline(
  fn: SyntaxNode,
  ev: Evaluated,
  cls: ClassScope | null,
  ctx: Ctx,
  closure?: ReadonlyMap<string, Value>,
): Value {
  const bound = bindCall(fn, ev, ctx);
  const result = pickReturn(runFunction(fn, bound, cls, ctx, false, closure));
  return inCallerTerms(result, unreadArguments(fn, ev, bound, ctx));
}

/** The helper's parameters given an argument it could not read, each with the caller's text of that argument. */
function unreadArguments(
  fn: SyntaxNode,
  ev: Evaluated,
  bound: Map<string, Value>,
  ctx: Ctx,
): Map<string, string> {
  const renamed = new Map<string, string>();
  if (!ev.texts) return renamed;
  const params = callParams(fn, ctx.mod.text).filter((p) => !p.star);
  params.forEach((p, i) => {
    const text = ev.texts?.kw.get(p.name) ?? ev.texts?.args[i];
    if (text !== undefined && !bound.has(p.name)) renamed.set(p.name, text);
  });
  return renamed;
}

function bindCall(fn: SyntaxNode, ev: Evaluated, ctx: Ctx): Map<string, Value> {
  const params = callParams(fn, ctx.mod.text).filter((p) => !p.star);
  const bound = new Map<string, Value>();
  const bind = (name: string, a: Value): void => {
    const unread = a.kind === 'unknown' || (a.kind === 'tensor' && opaque(a));
    const numberDefault = params.find((p) => p.name === name)?.defaultExpr?.kind === 'num';
    if (!unread) bound.set(name, a);
    else if (numberDefault) bound.set(name, passedNumber(name, ctx));
  };
  for (const [name, a] of ev.kw) bind(name, a);
  ev.args.forEach((a, i) => {
    if (params[i]) bind(params[i].name, a);
  });
  return bound;
}

/**
 * Numbers given to a constructor (`LabelSmoothingCE(classes=5, smoothing=0.05)`) stay named by their parameter, with
 * that value: a fill ε/(classes − 1) then reads as ε/(K − 1) with K = classes, as in the class itself.
 */
function namedSettings(bound: Map<string, Value>, ctx: Ctx): Map<string, Value> {
  const named = new Map(bound);
  for (const [name, v] of bound) {
    if (v.kind !== 'num' || v.value.kind !== 'number') continue;
    ctx.syms.set(name, { origin: 'param', label: name, value: v.value.value });
    named.set(name, { kind: 'num', value: sym(name) });
  }
  return named;
}

/**
 * A value the analysis cannot read passed for a parameter defaulting to a number (`smooth_BCE(eps=hyp.get(…))`):
 * that number, of unknown value, never the default.
 */
function passedNumber(name: string, ctx: Ctx): Value {
  ctx.syms.set(name, { origin: 'param', label: name });
  return { kind: 'param', value: sym(name), cand: null, tensorish: false };
}

/** A tensor that says nothing about the loss beyond being a (view of a) tensor. */
function opaque(v: Value & { kind: 'tensor' }): boolean {
  return Object.keys(v).every((key) => key === 'kind' || key === 'viewOf');
}

/** `int(x)`, `float(x)`: a Python number, never a target tensor (`int((kernel_size - 1) / 2)`). */
function pythonNumber(v: Value): Value {
  return v.kind === 'param' ? { ...v, cand: null, tensorish: false } : v;
}

const SIZED = new Set(['zeros', 'ones', 'empty', 'eye', 'arange', 'randn', 'rand']);

/**
 * A parameter given as a class count or a size (`F.one_hot(y, k)`, `torch.zeros(n, k)`) is a number from then on,
 * not a tensor that might be a target: `ε / (k − 1) * (1 − onehot)` is a coefficient times a mask.
 */
function settleCounts(q: string, e: CallExpr, f: Frame, ctx: Ctx): void {
  const name = q.slice(q.lastIndexOf('.') + 1);
  if (!/^(torch|numpy)\./.test(q) || !(name === 'one_hot' || SIZED.has(name))) return;
  const counts =
    name === 'one_hot'
      ? e.args.filter((a, i) => (a.name === null ? i === 1 : a.name === 'num_classes'))
      : e.args.filter((a) => a.name === null);
  for (const { value } of counts) {
    const items = value.kind === 'tuple' ? value.items : [value];
    for (const item of items) {
      // `F.one_hot(y, self.num_classes)` with num_classes=None: a count, not an optional tensor.
      const onSelf =
        item.kind === 'attr' && item.obj.kind === 'name' && item.obj.id === 'self' ? item.name : null;
      const v = item.kind === 'name' ? f.vars.get(item.id) : onSelf ? f.cls?.attrs.get(onSelf) : undefined;
      const count = asCount(v, ctx);
      if (count && item.kind === 'name') f.vars.set(item.id, count);
      else if (count && onSelf) f.cls?.attrs.set(onSelf, count);
    }
  }
}

/** A parameter that may be a tensor, known from now on to be a count (no tensor candidate any more); else null. */
function asCount(v: Value | undefined, ctx: Ctx): Value | null {
  if (v?.kind !== 'param' || (v.cand === null && !v.tensorish) || v.value.kind !== 'symbol') return null;
  const info = ctx.syms.get(v.value.name);
  if (info?.tensorCandidate && !info.tensor)
    ctx.syms.set(v.value.name, { ...info, tensorCandidate: undefined });
  return { ...v, cand: null, tensorish: false };
}

/**
 * A helper's one-hot over `k` classes (`to_onehot(y, k)`, k the caller's parameter): k is a count in the caller
 * too, as after `F.one_hot(y, k)` written in place.
 */
function settledClasses(v: Value, f: Frame, ctx: Ctx): Value {
  const classes = v.kind === 'dist' ? v.target.classes : undefined;
  if (classes?.kind !== 'symbol') return v;
  for (const [name, held] of f.vars) {
    const count = held.kind === 'param' && held.value.kind === 'symbol' && held.value.name === classes.name;
    const settled = count ? asCount(held, ctx) : null;
    if (settled) f.vars.set(name, settled);
  }
  return v;
}

/** A call we cannot see into: a loss passed through (e.g. a reduction helper) stays a loss. */
function wrapper(ev: Evaluated, ctx: Ctx): Value {
  const passed = [...ev.args, ...ev.kw.values()].find((a) => a.kind === 'loss' || a.kind === 'prod');
  if (passed?.kind === 'loss') return { kind: 'loss', loss: { ...passed.loss, reworked: true } };
  return passed ?? consumer(ev, ctx) ?? TENSOR;
}

/**
 * An unknown loss applied to a smoothed target we built: the target's maths decides the convention; applied to
 * predictions and a teacher's probabilities (`soft_cross_entropy(s, softmax(t))`): a soft target.
 */
function consumer(ev: Evaluated, ctx: Ctx): Value | null {
  const smoothed = smoothedConsumer(ev, ctx);
  if (smoothed) return smoothed;
  const [input, target] = ev.args;
  return input && target && othersProbabilities(target, input)
    ? lossOf(tensorMix(), { unseenCall: true })
    : null;
}

/**
 * A call the analysis cannot see into given a smoothed target built in the code and the predictions it is compared
 * with: that target's loss. Given the target alone (`blk(x)` after `x = x * (1 - w) + token * w`) it is no loss.
 */
function smoothedConsumer(ev: Evaluated, ctx: Ctx): Value | null {
  const args = [...ev.args, ...ev.kw.values()];
  for (const a of args) {
    const m = smoothedMixOf(a, ctx.syms);
    if (m && args.some((other) => other !== a && predictionLike(other)))
      return lossOf(m, { unseenCall: true });
  }
  return null;
}

/** What a loss compares a target with: a tensor the function is given or computes, or (log-)probabilities. */
function predictionLike(v: Value): boolean {
  return v.kind === 'param' || v.kind === 'tensor' || v.kind === 'logp' || v.kind === 'prob';
}

/** A term towards another distribution (a teacher's probabilities), not a binary or auxiliary one. */
function softTerm(l: LossInfo): boolean {
  return l.src === 'tensor' && !l.binary && !l.opaqueLog;
}

function smoothedLoss(v: Value): boolean {
  return v.kind === 'loss' && isSmoothedTarget({ kind: 'dist', target: v.loss });
}

/** The item that tells most about the loss: what a sum or stack of a list of losses computes, for our purpose. */
function richest(items: Value[]): Value {
  return items.reduce<Value>((best, v) => (richness(v) > richness(best) ? v : best), UNKNOWN);
}

/**
 * The loss of a tuple or dict (`return loss, nll`, `return logits, loss`, `{"loss_ce": …, "loss_kd": …}`): of
 * several, the one that tells most (a smoothed loss over its plain NLL, a distillation term over the hard CE);
 * else its first item; else the value.
 */
export function headOf(v: Value): Value {
  if (v.kind !== 'tuple') return v;
  const losses = v.items.map(headOf).filter((i) => i.kind === 'loss');
  if (losses.length === 0) return v.items[0] ?? UNKNOWN;
  const distillation = losses.find((i) => i.kind === 'loss' && softTerm(i.loss));
  return distillation && !losses.some(smoothedLoss) ? distillation : richest(losses);
}

/**
 * The return that carries the most (a smoothed or re-weighted loss over a plain fallback, any loss over a target,
 * a target over an opaque value), the last of equals; tuples are kept whole.
 */
export function pickReturn(returns: Value[]): Value {
  let best: Value | undefined;
  for (const r of returns) if (!best || richness(headOf(r)) >= richness(headOf(best))) best = r;
  return best ?? UNKNOWN;
}
