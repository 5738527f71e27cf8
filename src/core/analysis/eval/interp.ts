import type { SyntaxNode } from '@lezer/common';
import {
  type ClassScope,
  type Ctx,
  callParams,
  decoratorsOf,
  type Frame,
  findDefinition,
  functionBody,
  type Param,
  paramsOf,
  qualify,
} from '../bind';
import { bodyStatements, type Expr, type Stmt, toExpr } from '../syntax';
import { binop, negate } from './arith';
import { comparedNumbers, defaultTruth, joinNumbers, NARROWED, richer, runIf, staticTruth } from './branches';
import { runCorrelatedIf } from './correlatedTests';
import { distributedOverTarget } from './distribute';
import { adaptiveTrueClass, placedOverPrediction, wholeOverwrite } from './itemTargets';
import { logisticLoss } from './logistic';
import { trueLogit } from './marginSoftmax';
import { derivationOf } from './modulation';
import { add, isConst, num, ONE, type Scalar, sub, sym, ZERO } from './scalar';
import { evalCall, gatherLoss, instanceField, trueProbOf, userMethod } from './semantics';
import { labelFill, reduce, rowDot } from './tensorOps';
import { resolveTorchApi } from './torchApi';
import {
  constantFill,
  type Mix,
  mix,
  namedLabels,
  numAV,
  onSetEntries,
  rowsLeftOut,
  scalarOf,
  sourceOf,
  TENSOR,
  UNKNOWN,
  type Value,
} from './values';

const MAX_DEPTH = 5;

export function evalExpr(e: Expr, f: Frame, ctx: Ctx): Value {
  switch (e.kind) {
    case 'num':
      return { kind: 'num', value: num(e.value) };
    case 'str':
      return { kind: 'str', text: e.value };
    case 'const':
      return e.value === null ? UNKNOWN : { kind: 'num', value: num(e.value ? 1 : 0) };
    case 'name':
      return lookup(e.id, f, ctx);
    case 'attr':
      return attribute(e, f, ctx);
    case 'sub':
      return subscript(e, f, ctx);
    case 'call':
      return evalCall(e, f, ctx);
    case 'bin': {
      const [l, r] = [evalExpr(e.left, f, ctx), evalExpr(e.right, f, ctx)];
      if (e.op === '+' && (e.left.kind === 'tuple' || e.right.kind === 'tuple')) return concatenated(l, r);
      if (e.op === '**' && isNumber(l) && isNumber(r)) return power(l, r, e, ctx);
      if (e.op === '**' && isNumber(r) && barePick(l)) return pickedProbability(l);
      if (e.op === '@' && unsqueezedRow(e.left) && unsqueezedRow(e.right)) return rowDot(l, r, ctx);
      if (e.op === 'or') return orElse(l, r, ctx.mod.text.slice(e.from, e.to), ctx);
      if (isNumber(l) && isNumber(r)) {
        const held = comparedNumbers(e, f, ctx);
        if (held) return held;
      }
      const direct =
        (e.op === '-' ? logisticLoss(l, r, ctx.syms) : null) ?? binop(e.op, l, r, e.right, e.left);
      return e.op === '*' ? (distributedOverTarget(e, l, r, direct, f, ctx) ?? direct) : direct;
    }
    case 'unary':
      return e.op === '-'
        ? negate(evalExpr(e.operand, f, ctx))
        : e.op === '+'
          ? evalExpr(e.operand, f, ctx)
          : TENSOR;
    case 'cond':
      return conditional(e, f, ctx);
    case 'walrus': {
      const value = evalExpr(e.value, f, ctx);
      f.vars.set(e.id, value);
      return value;
    }
    case 'tuple': {
      const items = e.items.map((i) => evalExpr(i, f, ctx));
      const texts = e.items.map((i) => ctx.mod.text.slice(i.from, i.to));
      return e.keys ? { kind: 'tuple', items, keys: e.keys, texts } : { kind: 'tuple', items };
    }
    case 'lambda':
      return { kind: 'function', node: e.node, closure: f.vars };
    case 'comp':
      return comprehension(e, f, ctx);
    default:
      return UNKNOWN;
  }
}

/**
 * `eps or 0.1`: a value with a number to fall back on is a number (a None default made one), and either of the two;
 * of other values, the richer.
 */
function orElse(l: Value, r: Value, text: string, ctx: Ctx): Value {
  const left = l.kind === 'param' && scalarOf(r) ? shownNumber(l, ctx) : l;
  return joinNumbers(left, r, text, ctx) ?? richer(left, r);
}

/**
 * A parameter the code shows to be a Python number (`eps or 0`, `math.log(eps)`): no target tensor, here nor in
 * the target it builds (a mix of it and the labels is no mixup of two given targets).
 */
export function shownNumber(p: Value & { kind: 'param' }, ctx: Ctx): Value {
  const name = p.value.kind === 'symbol' ? p.value.name : null;
  const info = name === null ? undefined : ctx.syms.get(name);
  if (name !== null && info?.tensorCandidate) {
    const { tensorCandidate: _candidate, ...number } = info;
    ctx.syms.set(name, number);
  }
  return { ...p, tensorish: false, cand: null };
}

/** `a if test else b`: the branch a literal or string-default test picks, else the richer alternative. */
function conditional(e: Expr & { kind: 'cond' }, f: Frame, ctx: Ctx): Value {
  const truth = staticTruth(e.test, f, ctx);
  if (truth !== null) return evalExpr(truth ? e.body : e.orelse, f, ctx);
  const first = evalExpr(e.body, f, ctx);
  const second = evalExpr(e.orelse, f, ctx);
  const perClass = classPick(e.test, first, second, f, ctx);
  if (perClass) return perClass;
  const body = numberBeside(first, second);
  const orelse = numberBeside(second, first);
  const numbers = joinNumbers(body, orelse, ctx.mod.text.slice(e.from, e.to), ctx);
  if (numbers) return numbers;
  return defaultTruth(e.test, f, ctx) === true ? richer(orelse, body) : richer(body, orelse);
}

/**
 * `a if c == t else b` with c each class in turn (`for c in range(K)`) and t a label (`for t in y.tolist()`): a on the
 * true class, b elsewhere, the row of a target built from the labels (a list comprehension's `[[…] for t in y]`).
 */
function classPick(test: Expr, body: Value, orelse: Value, f: Frame, ctx: Ctx): Value | null {
  if (test.kind !== 'bin' || (test.op !== '==' && test.op !== '!=')) return null;
  const [a, b] = [scalarOf(body), scalarOf(orelse)];
  if (!a || !b) return null;
  const sides = [evalExpr(test.left, f, ctx), evalExpr(test.right, f, ctx)];
  const labels = sides.map(namedLabels).find((n) => n !== undefined);
  if (labels === undefined || !sides.some(isEachClass)) return null;
  const [hot, off] = test.op === '==' ? [a, b] : [b, a];
  return { kind: 'dist', target: { ...mix(sub(hot, off), off, 'index'), labels } };
}

/**
 * `if j == y[i]: t[i, j] = a` / `else: t[i, j] = b`: the same item set on both paths, to `a if j == y[i] else b`
 * (a target's entry in loops over the rows and the classes).
 */
function itemPick(test: Expr, bodies: Stmt[][], f: Frame, ctx: Ctx): boolean {
  const sets = bodies.map((body) => {
    const st = body.length === 1 ? body[0] : undefined;
    return st?.kind === 'assign' && st.targets.length === 1 && st.targets[0]?.kind === 'sub' ? st : null;
  });
  const [a, b] = sets;
  if (sets.length !== 2 || !a || !b) return false;
  const text = (e: Expr) => ctx.mod.text.slice(e.from, e.to);
  const [target] = a.targets;
  if (!target || text(target) !== text(b.targets[0] ?? target)) return false;
  const picked = classPick(test, evalExpr(a.value, f, ctx), evalExpr(b.value, f, ctx), f, ctx);
  if (picked) assign(target, picked, f, ctx, target);
  return picked !== null;
}

/**
 * A parameter defaulting to None (read as an optional tensor) with a number as the other alternative
 * (`self.s = 64.0 if not s else s`) is a number.
 */
function numberBeside(v: Value, other: Value): Value {
  const literal = other.kind === 'num' && other.value.kind === 'number';
  return literal && v.kind === 'param' && v.tensorish && v.cand === null ? { ...v, tensorish: false } : v;
}

function lookup(id: string, f: Frame, ctx: Ctx): Value {
  const local = f.vars.get(id);
  if (local) return local;
  if (id === 'self' && f.cls) return { kind: 'self' };
  const constant = ctx.mod.constants.get(id);
  if (!constant) {
    const def = findDefinition(ctx.mod, id, Number.POSITIVE_INFINITY, 'def');
    if (def) return { kind: 'function', node: def.node };
    return heldTorchApi({ from: 0, to: 0, kind: 'name', id }, ctx) ?? moduleCriterion(id, ctx) ?? UNKNOWN;
  }
  const value = evalExpr(constant, { vars: new Map(), returns: [], cls: null }, ctx);
  if (value.kind !== 'num' || value.value.kind !== 'number') return value;
  ctx.syms.set(id, { origin: 'const', label: id, value: value.value.value });
  return { kind: 'num', value: sym(id) };
}

/**
 * `criterion = nn.CrossEntropyLoss(label_smoothing=0.1)` built once at module level and called in a training
 * function: that criterion (a torch loss, a catalogued one or one of the file's classes), else nothing.
 */
function moduleCriterion(id: string, ctx: Ctx): Value | null {
  const calls = ctx.mod.bindingCalls.get(id);
  if (calls?.length !== 1 || ctx.mod.constants.get(id) !== null || ctx.depth >= MAX_DEPTH) return null;
  ctx.depth++;
  const value = evalExpr(toExpr(calls[0], ctx.mod.text), { vars: new Map(), returns: [], cls: null }, ctx);
  ctx.depth--;
  return value.kind === 'module' || value.kind === 'instance' ? value : null;
}

function attribute(e: Expr & { kind: 'attr' }, f: Frame, ctx: Ctx): Value {
  const obj = evalExpr(e.obj, f, ctx);
  if (obj.kind === 'self' && f.cls)
    return f.vars.get(`${NARROWED}${e.name}`) ?? f.cls.attrs.get(e.name) ?? selfMember(e.name, f.cls, ctx);
  // `x.max(1).values` / `.indices`: the fields of a (values, indices) result.
  if (obj.kind === 'tuple' && (e.name === 'values' || e.name === 'indices'))
    return obj.items[e.name === 'values' ? 0 : 1] ?? UNKNOWN;
  const field = obj.kind === 'tuple' ? keyed(obj, e.name) : null;
  if (field) return field;
  const q = obj.kind === 'unknown' ? qualify(e, ctx.mod) : null;
  if (q === 'torch.sum' || q === 'torch.mean') return { kind: 'torchFn', name: e.name as 'sum' | 'mean' };
  const held = q !== null ? heldTorchApi(e, ctx) : null;
  if (held) return held;
  if (obj.kind === 'instance') return instanceField(obj, e.name, ctx) ?? outsideValue(e, ctx);
  if (TENSOR_ATTRIBUTES.has(e.name)) markTensor(obj, ctx);
  if (e.name === 'shape') return { kind: 'shape' };
  if (e.name === 'data' || e.name === 'T' || e.name === 'mT') return obj;
  return obj.kind === 'unknown' || obj.kind === 'param' ? outsideValue(e, ctx) : UNKNOWN;
}

/**
 * `F.log_softmax`, `binary_cross_entropy` imported by name, or a loss class (`loss = nn.BCEWithLogitsLoss if binary
 * else nn.CrossEntropyLoss`) held as a value: called later as itself.
 */
function heldTorchApi(e: Expr, ctx: Ctx): Value | null {
  const form = resolveTorchApi(e, ctx.mod)?.form;
  return form === 'functional' || form === 'module' ? { kind: 'torchRef', fn: e } : null;
}

const TENSOR_ATTRIBUTES = new Set(['shape', 'device', 'dtype', 'ndim', 'is_cuda']);

/** A parameter whose shape, device or layout is read is a tensor, not a number (`cos.size(1)`). */
export function markTensor(v: Value, ctx: Ctx): void {
  const info = v.kind === 'param' && v.value.kind === 'symbol' ? ctx.syms.get(v.value.name) : undefined;
  if (info?.tensorCandidate) info.tensor = true;
}

/** `q.unsqueeze(1)`: a row made a 1×K matrix, so `@` of two such rows is one product per row. */
export function unsqueezedRow(e: Expr): boolean {
  return e.kind === 'call' && e.fn.kind === 'attr' && e.fn.name === 'unsqueeze';
}

/** A Python number, never a tensor (a parameter that may be one is not). */
function isNumber(v: Value): v is Value & { kind: 'num' | 'param' } {
  return v.kind === 'num' || (v.kind === 'param' && v.cand === null && !v.tensorish);
}

/** `x[rows, y]` of a tensor given to the function, not yet scaled, reduced or combined: its entry at the label. */
function barePick(v: Value): v is Value & { kind: 'loss' } {
  const { loss: l } = v.kind === 'loss' ? v : { loss: null };
  return (
    !!l && l.src === 'index' && isConst(l.hot, -1) && isConst(l.off, 0) && l.reduction === 'none' && !l.torch
  );
}

/**
 * `p[rows, y] ** q`: a power of the label's entry is no log-likelihood (a log-probability is never raised to q);
 * the entry is the true-class probability p_y the caller computed (`(1 − p_y^q)/q`, GCE on given probabilities).
 */
function pickedProbability(v: Value & { kind: 'loss' }): Value {
  const labels = v.loss.labels && v.loss.labels !== '*' ? { labels: v.loss.labels } : {};
  return { kind: 'tensor', pred: 'nonlinear', trueProb: { ...labels, falling: false } };
}

/** `k ** q` of numbers: the number, or an unknown one named by its text (`(1 - k**q) / q` stays a number). */
function power(
  base: Value & { kind: 'num' | 'param' },
  exponent: Value & { kind: 'num' | 'param' },
  e: Expr,
  ctx: Ctx,
): Value {
  if (base.value.kind === 'number' && exponent.value.kind === 'number')
    return { kind: 'num', value: num(base.value.value ** exponent.value.value) };
  return outsideValue(e, ctx);
}

/**
 * A value read from an object the analysis does not know (`cfg.MODEL.EPS`, `args.label_smoothing`, `cfg["eps"]`):
 * an unknown number named by its text. It keeps the formula it appears in known.
 */
export function outsideValue(e: Expr, ctx: Ctx): Value {
  return namedNumber(ctx.mod.text.slice(e.from, e.to), ctx);
}

/** An unknown number named by the code that computes it (written on one line, as messages quote it). */
export function namedNumber(code: string, ctx: Ctx): Value {
  const id = code.replace(/\s*[\r\n]\s*/g, '');
  if (!ctx.syms.has(id)) ctx.syms.set(id, { origin: 'free', label: id });
  return { kind: 'param', value: sym(id), cand: null, tensorish: false };
}

/**
 * `self.name` never assigned in the code we ran: a method of the class, or a constructor argument stored by a
 * helper (`store_attr()`, `self.__dict__.update(...)`), else a free symbol.
 */
function selfMember(name: string, cls: ClassScope, ctx: Ctx): Value {
  const member = cls.methods.get(name);
  // `@property def confidence(self): return 1 - self.smoothing`: reading it runs it.
  if (member && decoratorsOf(member, ctx.mod.text).some((d) => PROPERTY.test(d)))
    return userMethod(cls, name, { args: [], kw: new Map() }, ctx);
  if (member) return { kind: 'method', name };
  const init = cls.methods.get('__init__');
  const param = init && paramsOf(init, ctx.mod.text).find((p) => p.name === name && !p.star);
  if (param?.defaultExpr?.kind === 'str') return { kind: 'str', text: param.defaultExpr.value };
  if (param && ctx.syms.get(name)?.origin === 'param')
    return { kind: 'param', value: sym(name), cand: null, tensorish: false };
  const id = `self.${name}`;
  if (!ctx.syms.has(id)) ctx.syms.set(id, { origin: 'free', label: id });
  return { kind: 'param', value: sym(id), cand: null, tensorish: false };
}

const PROPERTY = /^(property|functools\.cached_property|cached_property)$/;

/** The item of a dict or namespace under `key`. */
function keyed(obj: Value & { kind: 'tuple' }, key: string): Value | null {
  const i = obj.keys?.indexOf(key) ?? -1;
  return i >= 0 ? (obj.items[i] ?? null) : null;
}

function subscript(e: Expr & { kind: 'sub' }, f: Frame, ctx: Ctx): Value {
  const row = e.obj.kind === 'sub' && e.obj.index.length === 1 ? e.obj.index[0] : 'slice';
  // `x[i][j]` with i each row in turn is `x[i, j]` (`p[i][y[i]]`: the label's entry of each row).
  if (row !== 'slice' && e.obj.kind === 'sub' && e.index.length === 1 && isEachRow(evalExpr(row, f, ctx)))
    return subscript({ ...e, obj: e.obj.obj, index: [row, e.index[0]] }, f, ctx);
  const obj = evalExpr(e.obj, f, ctx);
  const first = e.index[0];
  let firstValue: Value | undefined;
  /** The first index's value, evaluated once, on first use. */
  const at = (expr: Expr): Value => {
    firstValue ??= evalExpr(expr, f, ctx);
    return firstValue;
  };
  // `x[i]` with i each row in turn: x, one row per pass.
  if (e.index.length === 1 && first !== 'slice' && isEachRow(at(first))) return obj;
  if (obj.kind === 'shape' && first && first !== 'slice') return dimSize(at(first), ctx);
  if (obj.kind === 'tuple' && first && first !== 'slice' && first.kind === 'num')
    return obj.items.at(first.value) ?? UNKNOWN;
  // `losses[name]` of a dict display with `name` a known string (a literal, a string default): that entry.
  const key = obj.kind === 'tuple' && obj.keys && first && first !== 'slice' ? at(first) : null;
  if (obj.kind === 'tuple' && key?.kind === 'str') return keyed(obj, key.text) ?? UNKNOWN;
  const column = e.index.length === 2 && e.index[0] === 'slice' ? e.index[1] : 'slice';
  // `t[:, c]` with c each class in turn: t's entry of that class, one per pass.
  if (column !== 'slice' && isEachClass(evalExpr(column, f, ctx))) return obj;
  const picked = e.index.length === 2 && e.index.every((i) => i !== 'slice');
  if (picked && obj.kind === 'logp') return gatherLoss(obj, evalExpr(e.index[1] as Expr, f, ctx));
  if (picked && (obj.kind === 'param' || (obj.kind === 'tensor' && obj.viewOf !== undefined)))
    return pickedLogits(obj, e.index as Expr[], f, ctx);
  const rows = picked ? evalExpr(e.index[0] as Expr, f, ctx) : UNKNOWN;
  if (obj.kind === 'tensor' && isRowRange(rows)) return trueLogit(evalExpr(e.index[1] as Expr, f, ctx));
  if (obj.kind === 'prob' && isRowRange(rows)) return trueProbOf(obj, evalExpr(e.index[1] as Expr, f, ctx));
  const selected = (obj.kind === 'loss' || obj.kind === 'prod') && e.index.length === 1 && first !== 'slice';
  const mask = selected ? at(first) : undefined;
  // `l[t != -1]`: the entries its target set, the fill's dropped.
  const set =
    mask?.kind === 'tensor' && mask.setEntries?.holds ? onSetEntries(obj, mask.setEntries.of) : null;
  if (set) return set;
  if (obj.kind === 'loss') return { kind: 'loss', loss: rowsLeftOut(obj.loss, mask, true, ctx.syms, true) };
  if (obj.kind === 'tensor' && obj.classRange?.eye && e.index.length === 1 && first !== 'slice')
    return {
      kind: 'dist',
      target: { ...mix(ONE, ZERO, 'index'), classes: obj.classRange.classes ?? undefined },
    };
  if (
    (obj.kind === 'unknown' || obj.kind === 'param') &&
    e.index.length === 1 &&
    first !== 'slice' &&
    first?.kind === 'str'
  )
    return outsideValue(e, ctx);
  const unsqueezed = e.index.some(newAxis) && e.index.every((i) => i === 'slice' || newAxis(i));
  if (obj.kind === 'param' && obj.value.kind === 'symbol' && unsqueezed)
    return { kind: 'tensor', viewOf: obj.value.name };
  const table = storedTable(e.obj, obj);
  if (table && e.index.length === 1 && first !== 'slice') return { kind: 'tensor', stored: table };
  if (e.bounded && obj.kind === 'param' && obj.value.kind === 'symbol')
    return { kind: 'tensor', sliced: true, slicedOf: obj.value.name };
  if (e.bounded && (obj.kind === 'param' || obj.kind === 'unknown')) return { kind: 'tensor', sliced: true };
  if (e.bounded && obj.kind === 'tensor') return { ...obj, sliced: true };
  if (obj.kind === 'param' || obj.kind === 'unknown') return TENSOR;
  return obj;
}

function isEachClass(v: Value): boolean {
  return v.kind === 'tensor' && v.eachClass === true;
}

function isEachRow(v: Value): boolean {
  return v.kind === 'tensor' && v.eachRow === true;
}

/** `t[:, None]`, `t[None]`: a new axis keeps a parameter's data (its labels), like `unsqueeze`. */
function newAxis(i: Expr | 'slice'): boolean {
  return i !== 'slice' && i.kind === 'const' && i.value === null;
}

/**
 * `self.matrix` when it is a tensor the module keeps as state: a fill built in `__init__` (or a registered buffer),
 * or an attribute never assigned in the code run (set elsewhere); not a constructor argument stored as it came.
 */
export function storedTable(e: Expr, v: Value): string | null {
  if (e.kind !== 'attr' || e.obj.kind !== 'name' || e.obj.id !== 'self') return null;
  const name = `self.${e.name}`;
  const fill = v.kind === 'dist' && v.target.src === 'none';
  const unassigned = v.kind === 'param' && v.value.kind === 'symbol' && v.value.name === name;
  return fill || unassigned ? name : null;
}

/** `logits[torch.arange(n), labels]`: the true-class logit, the term log Σ exp x − it turns into −log p_y. */
function pickedLogits(obj: Value, index: Expr[], f: Frame, ctx: Ctx): Value {
  const rows = evalExpr(index[0], f, ctx);
  const labels = evalExpr(index[1], f, ctx);
  return isRowRange(rows) ? gatherLoss(obj, labels) : TENSOR;
}

function isRowRange(rows: Value): boolean {
  return rows.kind === 'tensor' && rows.classRange !== undefined && !rows.classRange.eye;
}

/** `x.size(d)` / `x.shape[d]`: the last (or second) axis is the class count K, the first the batch size N. */
export function dimSize(d: Value, ctx: Ctx): Value {
  const v = d.kind === 'num' && d.value.kind === 'number' ? d.value.value : null;
  return axisSize(v === -1 || v === 1 ? '#K' : v === 0 ? '#N' : `#dim${v}`, ctx);
}

function axisSize(name: string, ctx: Ctx): Value {
  if (!ctx.syms.has(name))
    ctx.syms.set(name, { origin: name === '#K' ? 'dim' : 'free', label: name === '#K' ? 'K' : 'N' });
  return { kind: 'num', value: sym(name) };
}

/** `(loss,) + outputs`: a tuple written out joins another; an operand the analysis cannot read is one unknown item. */
function concatenated(a: Value, b: Value): Value {
  const items = (v: Value): Value[] => (v.kind === 'tuple' ? v.items : [UNKNOWN]);
  return { kind: 'tuple', items: [...items(a), ...items(b)] };
}

export function execBody(stmts: Stmt[], f: Frame, ctx: Ctx): void {
  for (const [at, st] of stmts.entries()) {
    if (f.returned) return;
    if (runCorrelatedIf(stmts, at, f, ctx)) return;
    execStmt(st, f, ctx);
  }
}

function execStmt(st: Stmt, f: Frame, ctx: Ctx): void {
  if (st.kind === 'assign') {
    const value = evalExpr(st.value, f, ctx);
    for (const t of st.targets) assign(t, value, f, ctx, st.value);
  } else if (st.kind === 'update') {
    const by = evalExpr(st.value, f, ctx);
    const value =
      loopSum(st.target, st.op, by, f, ctx) ??
      updatedFill(st.target, st.op, by, f, ctx) ??
      binop(st.op.replace('=', ''), evalExpr(st.target, f, ctx), by, st.value, st.target);
    assign(st.target, value, f, ctx, st.value);
  } else if (st.kind === 'expr') evalExpr(st.expr, f, ctx);
  else if (st.kind === 'return') {
    const value = st.value ? evalExpr(st.value, f, ctx) : UNKNOWN;
    if (f.settled === undefined) f.returns.push(value);
    else f.returns.splice(f.settled++, 0, value);
    f.returned = true;
  } else if (st.kind === 'def') bindLocalFunction(st.node, f, ctx);
  else if (st.kind === 'block' && st.test) {
    if (!itemPick(st.test, st.bodies, f, ctx)) runIf(st.test, st.bodies, f, ctx);
  } else if (st.kind === 'block') {
    const item = st.loop ? loopItem(st.loop.iter, f, ctx) : null;
    if (st.loop && item) assign(st.loop.target, item, f, ctx, st.loop.iter);
    const outer = f.loopOver;
    if (item?.kind === 'tensor' && (item.eachClass || item.eachRow))
      f.loopOver = item.eachClass ? 'classes' : 'rows';
    for (const body of st.bodies) execBody(body, f, ctx);
    f.loopOver = outer;
  }
}

/**
 * What a `for` loop binds on each pass: an item of the iterable (`enumerate(xs)` pairs an index with it, `zip`
 * pairs the items of each). Iterating a tensor, or its chunks, gives values of the same kind.
 */
function loopItem(iter: Expr, f: Frame, ctx: Ctx): Value {
  const fn = iter.kind === 'call' && iter.fn.kind === 'name' ? iter.fn.id : null;
  const args = iter.kind === 'call' ? iter.args.filter((a) => !a.name).map((a) => a.value) : [];
  if (fn === 'enumerate' && args[0]) return { kind: 'tuple', items: [UNKNOWN, loopItem(args[0], f, ctx)] };
  if (fn === 'zip') return { kind: 'tuple', items: args.map((a) => loopItem(a, f, ctx)) };
  if (fn === 'range' && args.length === 1) {
    const count = evalExpr(args[0], f, ctx);
    return classCount(count, ctx)
      ? EACH_CLASS
      : scalarOf(count)?.kind === 'symbol' && batchSize(count)
        ? EACH_ROW
        : UNKNOWN;
  }
  if (fn === 'range') return UNKNOWN;
  const v = evalExpr(iter, f, ctx);
  // What a loop iterates over is a collection (a list, a tensor), never a number such as ε.
  markTensor(v, ctx);
  return v.kind === 'tuple'
    ? (v.items.reduce<Value | undefined>((a, b) => (a ? richer(a, b) : b), undefined) ?? UNKNOWN)
    : v;
}

const EACH_CLASS: Value = { kind: 'tensor', eachClass: true };
const EACH_ROW: Value = { kind: 'tensor', classRange: { classes: null, eye: false }, eachRow: true };

/** The batch size N: the first axis of a shape, `len(x)`. */
function batchSize(v: Value): boolean {
  const s = scalarOf(v);
  return s?.kind === 'symbol' && s.name === '#N';
}

/** The number of classes: K read from a shape, or a count named for the classes (`num_classes`, `self.n_classes`). */
function classCount(v: Value, ctx: Ctx): boolean {
  const s = scalarOf(v);
  if (s?.kind !== 'symbol') return false;
  return s.name === '#K' || /class/i.test(ctx.syms.get(s.name)?.label ?? s.name);
}

/**
 * `total += t[:, c] * F.cross_entropy(x, full(c), reduction='none')` in a loop over the classes: each pass adds class
 * c's term, so the loop adds their sum over the classes (Σ_c t_c·(−log p_c), a cross-entropy against t). In a loop
 * over the samples (`loss += (1 - p[i][y[i]] ** q) / q`), each pass adds a sample's: the sum over the batch.
 */
function loopSum(target: Expr, op: string, by: Value, f: Frame, ctx: Ctx): Value | null {
  if (f.loopOver === undefined || op !== '+=') return null;
  const perClass = f.loopOver === 'classes' && (by.kind === 'logp' || by.kind === 'prod');
  const perRow =
    f.loopOver === 'rows' && (by.kind === 'loss' || (by.kind === 'tensor' && by.trueProb !== undefined));
  if (!perClass && !perRow) return null;
  const summed = reduce(by, 'sum', perClass ? 'classes' : 'all', ctx);
  const before = evalExpr(target, f, ctx);
  const empty = scalarOf(before)?.kind === 'number' || freshFill(before);
  return empty ? summed : binop('+', before, summed, target, target);
}

/** A comprehension's items: its element with each loop target bound to an item, in a scope of its own. */
function comprehension(e: Expr & { kind: 'comp' }, f: Frame, ctx: Ctx): Value {
  const inner: Frame = { vars: new Map(f.vars), returns: [], cls: f.cls };
  for (const loop of e.loops) assign(loop.target, loopItem(loop.iter, inner, ctx), inner, ctx, loop.iter);
  return { kind: 'tuple', items: [evalExpr(e.elt, inner, ctx)] };
}

function bindLocalFunction(node: SyntaxNode, f: Frame, ctx: Ctx): void {
  const name = node.getChild('VariableName');
  if (name) f.vars.set(ctx.mod.text.slice(name.from, name.to), { kind: 'function', node, closure: f.vars });
}

export function assign(target: Expr, given: Value, f: Frame, ctx: Ctx, source: Expr): void {
  const value = namedClassCount(target, given, ctx);
  if (target.kind === 'name') f.vars.set(target.id, value);
  else if (target.kind === 'tuple' && value.kind === 'shape') unpackShape(target.items, f, ctx);
  else if (target.kind === 'tuple') {
    target.items.forEach((t, i) => {
      assign(t, value.kind === 'tuple' ? (value.items[i] ?? UNKNOWN) : unpacked(value, i), f, ctx, source);
    });
  } else if (target.kind === 'attr' && target.obj.kind === 'name' && target.obj.id === 'self' && f.cls) {
    f.cls.attrs.set(target.name, value);
    f.cls.attrSpans.set(target.name, source);
  } else if (target.kind === 'sub') assignItem(target, value, f, ctx);
}

/**
 * `self.classes = 3`, `num_classes = 10`: a whole number named for the classes is the class count K, kept as a name
 * with that value (like a module constant) so that a fill `ε / (self.classes − 1)` reads as ε/(K−1), not as ε/2.
 * Two classes stay a number: a binary target is read with K = 2 already (`t·(1 − ε) + (1 − t)·ε/(2 − 1)`).
 */
function namedClassCount(target: Expr, value: Value, ctx: Ctx): Value {
  const name =
    target.kind === 'name'
      ? target.id
      : target.kind === 'attr' && target.obj.kind === 'name' && target.obj.id === 'self'
        ? `self.${target.name}`
        : null;
  const n = value.kind === 'num' && value.value.kind === 'number' ? value.value.value : null;
  if (name === null || n === null || !Number.isInteger(n) || n < 3 || !/class/i.test(name)) return value;
  const held = ctx.syms.get(name);
  if (held && held.value !== n) return value;
  ctx.syms.set(name, { origin: 'const', label: name, value: n });
  return { kind: 'num', value: sym(name) };
}

/**
 * `y_a, y_b, lam = targets` of a parameter: each item is a tensor of its own, named by its place (two label tensors
 * unpacked so are different labels: `lam·CE(y_a) + (1 − lam)·CE(y_b)` is mixup).
 */
function unpacked(value: Value, i: number): Value {
  // `loss, z_loss = cross_entropy_loss(...)`: a loss read as one value (a library that later also returned an
  // auxiliary term) is the first name's.
  if (value.kind === 'loss') return i === 0 ? value : UNKNOWN;
  const name = value.kind === 'param' && value.value.kind === 'symbol' ? value.value.name : undefined;
  return name === undefined ? UNKNOWN : { kind: 'tensor', viewOf: `${name}[${i}]` };
}

/**
 * `n, k = x.shape`, `b, t, v = x.size()`, `*_, v = x.shape`: the first name is the batch size, the last the class
 * count K (class-last layout), the ones between are other axes (one of them K in an (N, C, T) layout).
 */
function unpackShape(items: Expr[], f: Frame, ctx: Ctx): void {
  const star = items.findIndex((t) => t.kind === 'unary' && t.op === '*');
  items.forEach((t, i) => {
    if (t.kind !== 'name') return;
    const last = i === items.length - 1 && i > 0;
    const name = last
      ? '#K'
      : i === 0 && star !== 0
        ? '#N'
        : `#dim${star >= 0 && i > star ? i - items.length : i}`;
    f.vars.set(t.id, axisSize(name, ctx));
  });
}

/**
 * `d[:, pad] = 0` zeroes a class column, `d[mask] = 0` rows; `d[rows, y] = v` sets the true class, and so does
 * `d[y] = v` on one sample's target (a dataset's item: `t = np.full(K, ε/K); t[y] = 1 − ε + ε/K`); `t[t == 1] = v`
 * sets binary labels' positives (`labelFill`).
 */
function assignItem(target: Expr & { kind: 'sub' }, value: Value, f: Frame, ctx: Ctx): void {
  const chained = chainedItem(target, f, ctx);
  if (chained) {
    assignItem(chained, value, f, ctx);
    return;
  }
  const obj = evalExpr(target.obj, f, ctx);
  // `losses["cls"] = …`: one more value in the collection.
  if (obj.kind === 'tuple')
    assign(target.obj, { kind: 'tuple', items: [...obj.items, value] }, f, ctx, target);
  const filled = filledRows(obj, target.index, value);
  if (filled) {
    assign(target.obj, filled, f, ctx, target);
    return;
  }
  const rewritten =
    wholeOverwrite(target.index, target.bounded === true, value) ??
    placedOverPrediction(obj, target.index, value, labelsAt(target.index, f, ctx));
  if (rewritten) {
    assign(target.obj, rewritten, f, ctx, target);
    return;
  }
  const [only] = target.index;
  const relabelled =
    target.index.length === 1 && only !== 'slice' ? labelFill(obj, evalExpr(only, f, ctx), value) : null;
  if (relabelled) {
    assign(target.obj, relabelled, f, ctx, target);
    return;
  }
  if (obj.kind !== 'dist') return;
  // Labels written into an integer fill (`t = torch.full(s, K, dtype=torch.long); t[idx] = labels`): class indices.
  if (obj.target.integer && value.kind !== 'num') return;
  const idx = rowIndex(target);
  // `t[i, j] = a if j == y[i] else b` in loops over the rows and the classes: every entry set, the row's target.
  const entries = idx.length === 2 && idx.every((i) => i !== 'slice');
  if (entries && value.kind === 'dist' && value.target.src === 'index' && freshFill(obj)) {
    assign(target.obj, value, f, ctx, target);
    return;
  }
  const zero = value.kind === 'num' && isConst(value.value, 0);
  let d = obj.target;
  const scalar = scalarOf(value);
  const pointwise = idx.length >= 2 ? idx.every((i) => i !== 'slice') : oneLabel(idx[0]);
  if (scalar && !zero && pointwise)
    d = { ...d, hot: sub(scalar, d.off), src: 'index', placedAt: placedAt(idx, f, ctx) };
  else if (idx.length === 2 && pointwise && derivationOf(value) && labelsAt(idx, f, ctx) !== undefined)
    d = { ...adaptiveTrueClass(d), placedAt: labelsAt(idx, f, ctx) };
  else if (zero && idx.length === 2 && (idx[0] === 'slice' || templateRow(idx[0], d)))
    d = { ...d, colZero: true };
  else if (zero && idx.length === 1 && idx[0] !== 'slice') {
    d = idx[0].kind === 'bin' || idx[0].kind === 'unary' ? { ...d, rowMask: true } : { ...d, colZero: true };
  }
  assign(target.obj, { kind: 'dist', target: d }, f, ctx, target);
}

/** The index without the bare `:` that end it: `t[rows, :] = 0` sets what `t[rows] = 0` sets. */
function rowIndex(target: Expr & { kind: 'sub' }): (Expr | 'slice')[] {
  const idx = [...target.index];
  if (target.bounded || idx[0] === 'slice') return idx;
  while (idx.length > 1 && idx[idx.length - 1] === 'slice') idx.pop();
  return idx;
}

/** `t[i][j] = v` of a target the code builds is `t[i, j] = v`. */
function chainedItem(target: Expr & { kind: 'sub' }, f: Frame, ctx: Ctx): (Expr & { kind: 'sub' }) | null {
  const inner = target.obj;
  if (inner.kind !== 'sub' || inner.index.length !== 1 || target.index.length !== 1) return null;
  const [i, j] = [inner.index[0], target.index[0]];
  if (i === 'slice' || j === 'slice' || evalExpr(inner.obj, f, ctx).kind !== 'dist') return null;
  return { ...target, obj: inner.obj, index: [i, j] };
}

/**
 * Row 0 of a constant fill with no labels in it yet is its template row: `one_hot = torch.full((1, K), ε/(K − 2));
 * one_hot[0, pad] = 0` zeroes the pad column of the row every sample repeats.
 */
function templateRow(row: Expr, d: Mix): boolean {
  return row.kind === 'num' && row.value === 0 && d.src === 'none';
}

/** The labels an item assignment's last index names (`q[rows, y.long()]`), not a loop's class number `j`. */
function labelsAt(idx: (Expr | 'slice')[], f: Frame, ctx: Ctx): string | undefined {
  const last = idx.at(-1);
  return last === undefined || last === 'slice' ? undefined : sourceOf(evalExpr(last, f, ctx));
}

/** The index an item assignment places the true class at (the last one): its labels' name, else its text. */
function placedAt(idx: (Expr | 'slice')[], f: Frame, ctx: Ctx): string | undefined {
  const last = idx.at(-1);
  if (last === undefined || last === 'slice') return undefined;
  return sourceOf(evalExpr(last, f, ctx)) ?? ctx.mod.text.slice(last.from, last.to);
}

/**
 * `loss = torch.empty_like(p); loss[clip] = a; loss[~clip] = b`: a fresh zero or empty buffer whose rows are set to
 * per-sample losses (or functions of p_y) holds them; the pieces of a piecewise loss (PHuber: linear in p_y below a
 * threshold, −log p_y above) are one loss when they agree in direction. Other values leave the buffer as it was.
 */
function filledRows(buffer: Value, index: (Expr | 'slice')[], value: Value): Value | null {
  if (index.length !== 1 || index[0] === 'slice' || !perSample(value)) return null;
  // Rows left unset stay 0 (and count in a mean): no torch call computes that alone.
  if (buffer.kind === 'dist') return freshFill(buffer) ? someRows(value) : null;
  if (!perSample(buffer) || labelsOf(buffer) !== labelsOf(value)) return null;
  // Pieces of a piecewise loss: one of them is no torch loss's value either.
  const loss = buffer.kind === 'loss' ? buffer : value.kind === 'loss' ? value : null;
  if (loss) return { kind: 'loss', loss: { ...loss.loss, reworked: true } };
  const falling = (v: Value) => (v.kind === 'tensor' ? v.trueProb?.falling : undefined);
  return falling(buffer) === falling(value) ? value : null;
}

function someRows(v: Value & { kind: 'loss' | 'tensor' }): Value {
  return v.kind === 'loss' ? { kind: 'loss', loss: { ...v.loss, rowMask: true } } : v;
}

/** A per-sample loss, or a function of the true-class probability p_y: what one row of a loss buffer holds. */
function perSample(v: Value): v is Value & { kind: 'loss' | 'tensor' } {
  return v.kind === 'loss' || (v.kind === 'tensor' && v.trueProb !== undefined && !v.trueProb.smoothed);
}

function labelsOf(v: Value & { kind: 'loss' | 'tensor' }): string | undefined {
  return v.kind === 'loss' ? v.loss.labels : v.trueProb?.labels;
}

/** A fresh zero or empty buffer (`torch.zeros_like(x)`): a constant fill of 0. */
function freshFill(v: Value): boolean {
  const fill = constantFill(v);
  return !!fill && isConst(fill.hot, 0) && isConst(fill.off, 0);
}

/** An index naming a label (`y`, `self.label`, `labels[i]`), not a class number, a slice or a row mask. */
function oneLabel(i: Expr | 'slice' | undefined): boolean {
  return i !== undefined && i !== 'slice' && (i.kind === 'name' || i.kind === 'attr' || i.kind === 'sub');
}

/** `q[y] += 1 − ε` on a constant fill q: the item becomes the fill plus that (then set as the true class). */
function updatedFill(target: Expr, op: string, by: Value, f: Frame, ctx: Ctx): Value | null {
  const step = scalarOf(by);
  if (target.kind !== 'sub' || !step || (op !== '+=' && op !== '-=')) return null;
  const obj = evalExpr(target.obj, f, ctx);
  if (obj.kind !== 'dist' || obj.target.src !== 'none') return null;
  return numAV(op === '+=' ? add(obj.target.off, step) : sub(obj.target.off, step));
}

/** Runs a function with some arguments bound; unbound parameters become symbols (scalars) or target candidates. */
export function runFunction(
  fn: SyntaxNode,
  bound: Map<string, Value>,
  cls: ClassScope | null,
  ctx: Ctx,
  config: boolean,
  closure?: ReadonlyMap<string, Value>,
): Value[] {
  const lambda = fn.name === 'LambdaExpression' ? fn.lastChild : null;
  const body = lambda ?? functionBody(fn);
  if (!body || ctx.depth > MAX_DEPTH) return [];
  const f: Frame = { vars: new Map(closure), returns: [], cls };
  for (const p of callParams(fn, ctx.mod.text)) {
    const given = bound.get(p.name);
    const value = given && !unreadMode(given, p) ? given : paramValue(p, ctx, config);
    f.vars.set(p.name, p.keywords ? UNKNOWN : value);
  }
  ctx.depth++;
  // A lambda's body is the one expression it returns.
  if (lambda) f.returns.push(evalExpr(toExpr(lambda, ctx.mod.text), f, ctx));
  else execBody(bodyStatements(body, ctx.mod.text), f, ctx);
  ctx.depth--;
  return f.returns;
}

/**
 * A mode parameter (`smoothing_type='uniform'`) given a value the analysis cannot read (`self.smoothing_type`, set
 * from a config) runs in its default mode, as the definition's own finding does; its other modes are listed there.
 */
function unreadMode(given: Value, p: Param): boolean {
  const unread =
    given.kind === 'unknown' || (given.kind === 'param' && given.cand === null && !given.tensorish);
  return unread && p.defaultExpr?.kind === 'str';
}

/** Annotated as a plain number (`float`, `Optional[int]`, `float | None`): a scalar even when it defaults to None. */
const SCALAR_ANNOTATION = /^(?:Optional\[)?(?:float|int)\]?(?:\s*\|\s*None)?$/;
const FLOAT_ANNOTATION = /^(?:Optional\[)?float\]?(?:\s*\|\s*None)?$/;

/** A number, or a module-level constant naming one (`def f(y, eps=SMOOTHING)`): its value. */
function numberOf(s: Scalar, ctx: Ctx): number | undefined {
  if (s.kind === 'number') return s.value;
  const constant = s.kind === 'symbol' ? ctx.syms.get(s.name) : undefined;
  return constant?.origin === 'const' ? constant.value : undefined;
}

function paramValue({ name, defaultExpr, annotation }: Param, ctx: Ctx, config: boolean): Value {
  const d = defaultExpr ? evalExpr(defaultExpr, { vars: new Map(), returns: [], cls: null }, ctx) : null;
  if (d?.kind === 'str' || d?.kind === 'module') return d;
  const isNone = defaultExpr?.kind === 'const' && defaultExpr.value === null;
  const value = d?.kind === 'num' ? numberOf(d.value, ctx) : undefined;
  const scalar = SCALAR_ANNOTATION.test(annotation ?? '');
  // Annotated `float`: a coefficient (ε of a JAX / Keras port), never a target tensor; an `int` may be an index.
  const cand = config || value !== undefined || FLOAT_ANNOTATION.test(annotation ?? '') ? null : name;
  if (!ctx.syms.has(name) || value !== undefined)
    ctx.syms.set(name, {
      origin: 'param',
      label: name,
      value,
      ...(cand ? { tensorCandidate: true } : {}),
      ...(isNone ? { noneDefault: true } : {}),
    });
  if (isNone && !scalar) return { kind: 'param', value: sym(name), cand: null, tensorish: true };
  return { kind: 'param', value: sym(name), cand, tensorish: false };
}
