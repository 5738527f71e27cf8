import type { Ctx, Frame } from '../bind';
import type { Expr, Stmt } from '../syntax';
import { evalExpr, execBody } from './interp';
import { evalSym, isConst, ONE, sym, ZERO } from './scalar';
import { isSmoothedTarget, paramMix, scalarOf, type Value } from './values';

/**
 * An `if` chain: the branches are alternatives, not a sequence. A test decidable from literals or string
 * defaults (`mode == 'original'`) picks its branch; otherwise every branch runs on its own copy of the locals
 * and each local keeps the most informative of the values the branches (or the code before) left in it.
 */
export function runIf(test: Expr, bodies: Stmt[][], f: Frame, ctx: Ctx): void {
  const truth = staticTruth(test, f, ctx);
  const alternatives = truth === true ? bodies.slice(0, 1) : truth === false ? bodies.slice(1) : bodies;
  const before = f.vars;
  const attrsBefore = f.cls?.attrs;
  let returned = truth === true;
  const byDefault = truth === null ? defaultTruth(test, f, ctx) : null;
  const narrowing = numberTest(test);
  // `if eps is None: eps = 0.0` with no else: on the path that skips the branch ε is a number too.
  const skipped =
    truth === null && !narrowing.whenTrue && bodies.length === 1
      ? narrowedCopy(narrowing.operand, f, ctx)
      : before;
  const outcomes = alternatives.map((body, i) => {
    const branch: Frame = { ...f, vars: new Map(before) };
    if (f.cls && attrsBefore) f.cls.attrs = new Map(attrsBefore);
    if (truth === null && (i === 0) === narrowing.whenTrue) narrowToNumber(narrowing.operand, branch, ctx);
    const from = f.returns.length;
    execBody(body, branch, ctx);
    returned &&= branch.returned === true;
    return { vars: branch.vars, attrs: f.cls?.attrs, from, returned: branch.returned === true };
  });
  // A branch the test decides that returns ends the path (`if self.reduction == 'mean': return loss.mean()`).
  f.returned = returned;
  // The path a flag's default takes (`if not self.hard:` with hard=False) is the finding's, unless only the other
  // path smooths (a flag that switches smoothing on); with no else, not taking the branch is a path too.
  const onDefault = byDefault === null || truth !== null ? -1 : byDefault ? 0 : 1;
  if (onDefault >= 0 && outcomes[onDefault]?.returned)
    settleDefaultReturn(f, outcomes[onDefault].from, outcomes[onDefault + 1]?.from);
  const paths = (pick: (o: (typeof outcomes)[number]) => Map<string, Value>, start: Map<string, Value>) =>
    outcomes.length === 1 && onDefault >= 0 ? [pick(outcomes[0]), start] : outcomes.map(pick);
  // With an else (or a decided test) every path runs a body: a value from before that each body replaced is on none.
  const covered = outcomes.length > 0 && (truth !== null || bodies.length > 1);
  f.vars = joinPaths(
    covered ? new Map() : skipped,
    paths((o) => o.vars, skipped),
    onDefault,
    ctx,
  );
  if (truth === null && bodies.length === 1 && outcomes[0]?.returned) narrowPastReturn(test, f, ctx);
  // `self.x` set in branches joins like a local (`self.criterion = Smoothed(...) if ε > 0 else nn.NLLLoss()`).
  if (f.cls && attrsBefore)
    f.cls.attrs = joinPaths(
      covered ? new Map() : attrsBefore,
      paths((o) => o.attrs ?? new Map(), attrsBefore),
      onDefault,
      ctx,
    );
}

/**
 * The flag's default path returned (`if size_average: return loss.mean()`): its returns go last, and returns met
 * later (`return loss.sum()` after the `if`) are put before them, so that pickReturn keeps them among equals.
 */
function settleDefaultReturn(f: Frame, from: number, to: number | undefined): void {
  const own = f.returns.splice(from, (to ?? f.returns.length) - from);
  f.returns.push(...own);
  f.settled = f.returns.length - own.length;
}

/** `join`, then for a known default path, its value wherever the other path does not alone smooth. */
function joinPaths(
  before: Map<string, Value>,
  paths: Map<string, Value>[],
  onDefault: number,
  ctx: Ctx,
): Map<string, Value> {
  const joined = join(before, paths, ctx);
  if (onDefault < 0 || paths.length !== 2) return joined;
  const [taken, other] = [paths[onDefault], paths[1 - onDefault]];
  for (const [name, value] of taken) {
    const alternative = other.get(name);
    if (name.startsWith(NARROWED) || !alternative || (scalarOf(value) && scalarOf(alternative))) continue;
    // `smooth_loss = None` on the default path is no value: a later `if smooth_loss is not None:` uses the other.
    if (value.kind === 'unknown') continue;
    // Whether a criterion object smooths shows only when it is called: the richer one stands (`join`).
    if (isCriterion(value) || isCriterion(alternative)) continue;
    joined.set(name, smooths(alternative) && !smooths(value) ? alternative : value);
  }
  return joined;
}

/** A criterion object or a function held in a variable (`fn = smoothed_ce if ls else F.cross_entropy`). */
function isCriterion(v: Value): boolean {
  return v.kind === 'instance' || v.kind === 'module' || v.kind === 'function' || v.kind === 'torchRef';
}

/**
 * A value carrying a smoothed target (a loss over one, the product, the target itself), or a dict of a torch loss's
 * keyword arguments that sets its smoothing (`kwargs = {..., 'label_smoothing': eps}`).
 */
function smooths(v: Value): boolean {
  const m = v.kind === 'loss' ? v.loss : v.kind === 'dist' || v.kind === 'prod' ? v.target : null;
  return (
    (m !== null && isSmoothedTarget({ kind: 'dist', target: m })) ||
    (v.kind === 'param' && smoothedParam(v)) ||
    (v.kind === 'tuple' && v.keys?.includes('label_smoothing') === true)
  );
}

function join(before: Map<string, Value>, outcomes: Map<string, Value>[], ctx: Ctx): Map<string, Value> {
  const joined = new Map(before);
  for (const vars of outcomes) {
    for (const [name, value] of vars) {
      if (name.startsWith(NARROWED)) continue;
      const held = joined.get(name);
      const numbers = held ? joinNumbers(held, value, name, ctx, 'variable') : null;
      if (numbers) joined.set(name, numbers);
      else if (held && (encodedAs(held, value) || encodedAs(value, held)))
        joined.set(name, encodedAs(held, value) ? held : value);
      else if (!held || richness(value) >= richness(held)) joined.set(name, unseenBeside(value, held));
      else joined.set(name, unseenBeside(held, value));
    }
  }
  return joined;
}

/**
 * A loss kept over a path that left a tensor the analysis does not follow in its place (`loss = crit(x, y)` of a
 * criterion it cannot see into): partly unseen.
 */
function unseenBeside(kept: Value, other: Value | undefined): Value {
  if (kept.kind !== 'loss' || (other?.kind !== 'unknown' && other?.kind !== 'tensor')) return kept;
  return { kind: 'loss', loss: { ...kept.loss, unseenPart: true } };
}

/**
 * `if target.ndim == 1: target = F.one_hot(target, K)`: the parameter is class indices on one path, probability rows
 * on the other; after the join it is the rows (the one-hot is the same rows for indices), so a soft target stays one.
 */
function encodedAs(param: Value, onehot: Value): boolean {
  if (param.kind !== 'param' || param.value.kind !== 'symbol' || onehot.kind !== 'dist') return false;
  const d = onehot.target;
  const plain = d.hot.kind === 'number' && d.hot.value === 1 && d.off.kind === 'number' && d.off.value === 0;
  return plain && d.src === 'index' && d.labels === param.value.name;
}

/**
 * The operand a test shows to be a number, and on which side: `eps is not None`, `eps`, `eps > 0` when true;
 * `eps is None` when false.
 */
function numberTest(test: Expr): { operand: Expr; whenTrue: boolean } {
  if (test.kind === 'bin' && /^(is not|>|>=|!=|<|<=)$/.test(test.op))
    return { operand: test.left, whenTrue: true };
  const none = test.kind === 'bin' && test.right.kind === 'const' && test.right.value === null;
  if (none && (test.op === 'is' || test.op === '==')) return { operand: test.left, whenTrue: false };
  return { operand: test, whenTrue: true };
}

function narrowedCopy(operand: Expr, f: Frame, ctx: Ctx): Map<string, Value> {
  const path: Frame = { ...f, vars: new Map(f.vars) };
  narrowToNumber(operand, path, ctx);
  return path.vars;
}

/**
 * `if eps is None: return F.cross_entropy(x, y)` (or `if not eps:`), no else: past it, eps is a number (the
 * smoothing path goes on).
 */
function narrowPastReturn(test: Expr, f: Frame, ctx: Ctx): void {
  const { operand, whenTrue } = numberTest(test);
  if (!whenTrue) narrowToNumber(operand, f, ctx);
  else if (test.kind === 'unary' && test.op === 'not') narrowToNumber(test.operand, f, ctx);
}

/**
 * On a path where a parameter that defaults to None was shown to be a number (see `numberTest`), it is the
 * smoothing factor, not an optional tensor.
 */
function narrowToNumber(operand: Expr, branch: Frame, ctx: Ctx): void {
  const key =
    operand.kind === 'name'
      ? operand.id
      : operand.kind === 'attr' && operand.obj.kind === 'name' && operand.obj.id === 'self'
        ? `${NARROWED}${operand.name}`
        : null;
  const held = key ? evalExpr(operand, branch, ctx) : undefined;
  if (key && held?.kind === 'param' && held.tensorish)
    branch.vars.set(key, { ...held, tensorish: false, cand: null });
}

/** Frame keys for `self.x` narrowed inside a branch (read before the class's attributes). */
export const NARROWED = 'self.';

/** True/false when the test is a literal or compares known strings; null when it depends on runtime data. */
export function staticTruth(test: Expr, f: Frame, ctx: Ctx): boolean | null {
  if (test.kind === 'num' || test.kind === 'const') return Boolean(test.value);
  if (test.kind === 'unary' && test.op === 'not') {
    const inner = staticTruth(test.operand, f, ctx);
    return inner === null ? null : !inner;
  }
  if ((test.kind === 'name' || test.kind === 'attr') && isPlain(test)) {
    // A flag holding a literal (`self.training` set for an eval-mode run, `flag = True`).
    const v = evalExpr(test, f, ctx);
    if (v.kind === 'num' && v.value.kind === 'number') return v.value.value !== 0;
    // A criterion object (given at a construction site) is never None: `criterion or nn.CrossEntropyLoss()`.
    if (isCriterion(v)) return true;
    // `if model.training:` / `if self.training:` with no mode set: a loss is what it computes when training.
    return test.kind === 'attr' && test.name === 'training' ? true : null;
  }
  if (test.kind === 'bin' && (test.op === 'in' || test.op === 'not in')) return membership(test, f, ctx);
  if (test.kind === 'bin' && (test.op === 'is' || test.op === 'is not')) return noneTest(test, f, ctx);
  if (test.kind === 'bin' && (test.op === 'or' || test.op === 'and')) return connective(test, f, ctx);
  if (test.kind !== 'bin' || (test.op !== '==' && test.op !== '!=')) return null;
  if (!isPlain(test.left) || !isPlain(test.right)) return null;
  const l = evalExpr(test.left, f, ctx);
  const r = evalExpr(test.right, f, ctx);
  if (l.kind !== 'str' || r.kind !== 'str') return null;
  return (l.text === r.text) === (test.op === '==');
}

/**
 * The truth of a test on a flag at the parameters' defaults (`if self.size_average:` with `size_average=True`,
 * `if self.ignore_index >= 0:` with `ignore_index=-100`), null when it is not a plain flag or number comparison with
 * a known default. It orders alternatives that tell as much as each other
 * (a mean and a sum of the same loss); it never drops a path.
 */
export function defaultTruth(test: Expr, f: Frame, ctx: Ctx): boolean | null {
  if (test.kind === 'unary' && test.op === 'not') {
    const inner = defaultTruth(test.operand, f, ctx);
    return inner === null ? null : !inner;
  }
  if (test.kind === 'bin' && ORDERINGS[test.op]) return comparedAtDefaults(test, ORDERINGS[test.op], f, ctx);
  if (test.kind !== 'name' && test.kind !== 'attr') return null;
  const v = valueAtDefaults(test, f, ctx);
  return Number.isFinite(v) ? v !== 0 : null;
}

/**
 * A comparison of numbers used as a number (`n_ignore_idxs = 1 + (ignore_index >= 0)`: Python's bool is an int) is
 * 1 or 0 as it holds at the parameters' defaults, the path a branch on the same test takes.
 */
export function comparedNumbers(test: Expr & { kind: 'bin' }, f: Frame, ctx: Ctx): Value | null {
  if (!ORDERINGS[test.op]) return null;
  const held = defaultTruth(test, f, ctx);
  return held === null ? null : { kind: 'num', value: held ? ONE : ZERO };
}

const ORDERINGS: Record<string, (l: number, r: number) => boolean> = {
  '<': (l, r) => l < r,
  '<=': (l, r) => l <= r,
  '>': (l, r) => l > r,
  '>=': (l, r) => l >= r,
  '==': (l, r) => l === r,
  '!=': (l, r) => l !== r,
};

/**
 * `if self.ignore_index >= 0:` with `ignore_index=-100`: a number parameter against a literal, at its default. A
 * sign test of one with no default (`if eps >= 0:`, the other path a sentinel's such as adaptive smoothing) takes
 * it as positive, as hyperparameters are.
 */
function comparedAtDefaults(
  test: Expr & { kind: 'bin' },
  holds: (l: number, r: number) => boolean,
  f: Frame,
  ctx: Ctx,
): boolean | null {
  const sides = [test.left, test.right];
  if (!sides.every(isNumberOperand) || !sides.some(isPlain)) return null;
  const unset = test.op !== '==' && test.op !== '!=' && sides.some(isZero) ? 1 : Number.NaN;
  const [l, r] = sides.map((e) => valueAtDefaults(e, f, ctx, unset));
  return Number.isFinite(l) && Number.isFinite(r) ? holds(l, r) : null;
}

function isZero(e: Expr): boolean {
  return e.kind === 'num' && e.value === 0;
}

/** A name, attribute or number literal (`-100` included): evaluating it has no side effects on the analysis. */
function isNumberOperand(e: Expr): boolean {
  return e.kind === 'num' || (e.kind === 'unary' && e.op === '-' && e.operand.kind === 'num') || isPlain(e);
}

/** The number an expression holds when every parameter has its default value; `unset` for one that has none. */
function valueAtDefaults(e: Expr, f: Frame, ctx: Ctx, unset = Number.NaN): number {
  const s = scalarOf(evalExpr(e, f, ctx));
  return s ? evalSym(s, (n) => ctx.syms.get(n)?.value ?? unset) : Number.NaN;
}

/** `self.binary or x.dim() <= 2`: decided by one side that decides it (true for `or`, false for `and`) or by both. */
function connective(test: Expr & { kind: 'bin' }, f: Frame, ctx: Ctx): boolean | null {
  const decisive = test.op === 'or';
  const l = staticTruth(test.left, f, ctx);
  if (l === decisive) return decisive;
  const r = staticTruth(test.right, f, ctx);
  if (r === decisive) return decisive;
  return l === null || r === null ? null : !decisive;
}

/** `criterion is not None` of a criterion object held (given to the constructor at a construction site). */
function noneTest(test: Expr & { kind: 'bin' }, f: Frame, ctx: Ctx): boolean | null {
  const none = test.right.kind === 'const' && test.right.value === null;
  if (!none || !isPlain(test.left) || !isCriterion(evalExpr(test.left, f, ctx))) return null;
  return test.op === 'is not';
}

/** `self.reduction in ['avg', 'mean']`: a known string tested against a list of literals. */
function membership(test: Expr & { kind: 'bin' }, f: Frame, ctx: Ctx): boolean | null {
  if (!isPlain(test.left) || test.right.kind !== 'tuple' || !test.right.items.every((i) => i.kind === 'str'))
    return null;
  const l = evalExpr(test.left, f, ctx);
  if (l.kind !== 'str') return null;
  const found = test.right.items.some((i) => i.kind === 'str' && i.value === l.text);
  return found === (test.op === 'in');
}

/** Names, attributes and literals: evaluating them has no side effects on the analysis. */
function isPlain(e: Expr): boolean {
  return e.kind === 'str' || e.kind === 'name' || (e.kind === 'attr' && isPlain(e.obj));
}

/** Of two alternatives (`a if c else b`, two branches), the one that tells more about the loss; ties keep `b`. */
export function richer(a: Value, b: Value): Value {
  return richness(a) > richness(b) ? a : b;
}

/**
 * Two paths that leave different numbers in `name`: a path that only switches smoothing off (ε = 0) does not
 * change the formula, so the other path's value stands; otherwise the value is unknown (never the last one).
 * `name` is the expression's text (`eps or 0.1`, a conditional expression), which a torch call may repeat, or a
 * variable the branches set, which exists only inside the code.
 */
export function joinNumbers(
  a: Value,
  b: Value,
  name: string,
  ctx: Ctx,
  named: 'expression' | 'variable' = 'expression',
): Value | null {
  const maybeTarget = (v: Value) => v.kind === 'param' && v.cand !== null;
  if (maybeTarget(a) || maybeTarget(b)) return null;
  const sa = scalarOf(a);
  const sb = scalarOf(b);
  if (!sa || !sb || JSON.stringify(sa) === JSON.stringify(sb)) return null;
  if (isConst(sa, 0) !== isConst(sb, 0)) return isConst(sa, 0) ? b : a;
  const id = `${name} (one of several values)`;
  if (!ctx.syms.has(id))
    ctx.syms.set(id, {
      origin: 'free',
      label: name,
      // a parameter the code sets again (`if eps is None: eps = 0.1`) is told apart by the reassignment itself
      ...(named === 'variable' && ctx.syms.get(name)?.origin !== 'param'
        ? { severalValues: true as const }
        : {}),
    });
  return { kind: 'param', value: sym(id), cand: null, tensorish: false };
}

const BASE_RICHNESS: Partial<Record<Value['kind'], number>> = {
  loss: 20,
  prod: 15,
  logp: 12,
  prob: 8,
  dist: 10,
  instance: 10,
  module: 9,
  method: 9,
  // A function of the file may compute a hand-written loss; a torch function held by name computes the plain one.
  function: 9,
  torchRef: 8,
};

/**
 * A torch loss built with a label smoothing that is not the literal 0: `return nn.CrossEntropyLoss(label_smoothing=ls)`
 * beats a fallback `return nn.CrossEntropyLoss()` (for old torch versions) among a factory's returns.
 */
function smoothingModule(v: Value & { kind: 'module' }): boolean {
  const ls = v.args.get('label_smoothing');
  const s = ls && scalarOf(ls);
  return ls !== undefined && !(s && isConst(s, 0));
}

/** A target parameter rescaled and shifted (`t·(1−ε) + ε/2`): a smoothed target. */
function smoothedParam(v: Value & { kind: 'param' }): boolean {
  const m = v.cand ? paramMix(v) : null;
  return m !== null && !(m.off.kind === 'number' && m.off.value === 0);
}

/**
 * How much a value tells about the loss: losses over targets over opaque tensors; smoothing, masks and modulation
 * add, and a factor computed from the predictions beats an opaque tensor.
 */
export function richness(v: Value): number {
  // Nothing known never replaces something known (`outputs, kd = outputs` on a path that may not run).
  if (v.kind === 'unknown') return -1;
  // The log of a target is a KL term's half (a tempered log's t = 1 path beats its opaque other path); so is a piece
  // of a softmax written by hand (a tempered softmax's t = 1 normaliser log Σ exp x beats a fixed-point one).
  if (v.kind === 'tensor')
    return v.pred || v.logTarget || v.logNormaliser || v.partition || v.expLogits ? 1 : 0;
  if (v.kind === 'param') return smoothedParam(v) ? 14 : 0;
  // `(loss, nll_loss)`: as rich as the richest thing it carries.
  if (v.kind === 'tuple') return Math.max(0, ...v.items.map(richness));
  const base = BASE_RICHNESS[v.kind] ?? 0;
  if (v.kind === 'module') return base + (smoothingModule(v) ? 10 : 0);
  const m = v.kind === 'loss' ? v.loss : v.kind === 'dist' || v.kind === 'prod' ? v.target : null;
  if (!m) return base;
  const smoothed = isSmoothedTarget({ kind: 'dist', target: m }) ? 10 : 0;
  const modulated = v.kind === 'loss' && v.loss.modulated ? 1 : 0;
  const labels = m.src === 'index' ? 1 : 0;
  return base + smoothed + labels + modulated + (m.colZero ? 2 : 0) + (m.rowMask ? 1 : 0);
}
