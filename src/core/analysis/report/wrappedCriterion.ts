import type { SyntaxNode } from '@lezer/common';
import { CONVENTION_REGISTRY } from '../../conventions';
import { analyzeDefinition, type DefinitionResult } from '../classify';
import { evalExpr, MODULATION_REASON } from '../eval';
import type { Convention } from '../results';
import { type Expr, toExpr } from '../syntax';
import { definitionLead, describeDefinition } from './describe';
import type { RawFinding } from './raw';

type CallExpr = Expr & { kind: 'call' };

/** The criterion a construction (or call) passes to a loss that delegates to the criterion it is given. */
export interface Wrapped {
  /** The criterion's constructor as written (`nn.BCEWithLogitsLoss`). */
  criterion: string;
  /** Its construction. */
  call: CallExpr;
  convention: Convention;
  epsilon: number | null;
}

/** How a call's finding names what it calls (`Constructs FocalLoss`), and where it lies. */
export interface CallSubject {
  where: string;
  at: Pick<RawFinding, 'from' | 'to' | 'symbol' | 'definedAt'>;
}

/** `Loss class that delegates to \`self.loss_fcn\`, the criterion it is constructed with`. */
export function delegation(r: DefinitionResult): string {
  const given = r.def.kind === 'class' ? 'constructed with' : 'given';
  const what = r.def.kind === 'class' ? 'Loss class' : 'Loss function';
  return `${what} that delegates to \`${r.loss.delegated}\`, the criterion it is ${given}`;
}

/** A construction or call of `r` that passes a criterion the code shows: that criterion's convention. */
export function wrappingFinding(subject: CallSubject, r: DefinitionResult, wrapped: Wrapped): RawFinding {
  const { name } = CONVENTION_REGISTRY[wrapped.convention];
  const focal = r.loss.modulated ? `; ${MODULATION_REASON}` : '';
  const lead = delegation(r);
  return {
    ...subject.at,
    kind: 'loss',
    convention: wrapped.convention,
    epsilon: wrapped.epsilon,
    epsilonParam: null,
    torchEquivalent: null,
    rule: null,
    message: `${subject.where}, a ${lead.charAt(0).toLowerCase()}${lead.slice(1)}: here \`${wrapped.criterion}\`, so it has ${name}, as that criterion has${focal}.`,
    details: { lossKind: 'custom' },
    wrapped: [{ criterion: wrapped.criterion, at: wrapped.call.from }],
  };
}

/**
 * A criterion the code shows passed for a parameter of a loss that does not simply delegate to it (one with a
 * default, `criterion if criterion is not None else nn.CrossEntropyLoss()`): the definition run with it.
 */
export interface PassedCriterion {
  wrapped: Wrapped;
  run: DefinitionResult | null;
}

export function passedCriterion(
  r: DefinitionResult,
  args: ReadonlyMap<string, { value: Expr }>,
  shown: (arg: Expr) => Wrapped | null,
): PassedCriterion | null {
  const passed = r.params.flatMap((p) => {
    const arg = args.get(p.name);
    const wrapped = arg && shown(arg.value);
    return wrapped ? [{ param: p.name, wrapped }] : [];
  });
  if (passed.length !== 1) return null;
  const [{ param, wrapped }] = passed;
  const ctx = { mod: r.ctx.mod, syms: new Map(), depth: 0, calls: { torchLosses: 0 } };
  const value = evalExpr(wrapped.call, { vars: new Map(), returns: [], cls: null }, ctx);
  const method = r.method?.alone ? r.method.name : undefined;
  return { wrapped, run: analyzeDefinition(r.def, r.ctx.mod, { name: param, value }, method) };
}

/** A construction of `r` passing a criterion (`passedCriterion`): the convention `r` has with it. */
export function passedCriterionFinding(
  subject: CallSubject,
  r: DefinitionResult,
  passed: PassedCriterion,
): RawFinding {
  const { wrapped, run } = passed;
  const read = run && !(run.loss.delegated !== undefined && run.loss.labels !== '*') ? run : null;
  const c = read?.classification ?? null;
  const description = read
    ? describeDefinition(definitionLead(read), read.classification, read.loss)
    : `${r.def.kind === 'class' ? 'Loss class' : 'Loss function'} whose loss the analysis cannot read with it.`;
  return {
    ...subject.at,
    kind: 'loss',
    convention: c?.convention ?? null,
    epsilon: c?.epsilon ?? null,
    epsilonParam: c?.epsilonParam ?? null,
    torchEquivalent: null,
    rule: null,
    message: `${subject.where} with \`${wrapped.criterion}\` given as its criterion, a ${description.charAt(0).toLowerCase()}${description.slice(1)}`,
    details: { lossKind: 'custom' },
    wrapped: [{ criterion: wrapped.criterion, at: wrapped.call.from }],
  };
}

/**
 * The parameter that constructions of `r` (a class keeping it on `self`) or calls of it (a function handed it)
 * pass the criterion it delegates to in; null when its loss is not one criterion's given that way.
 */
export function injectedParam(r: DefinitionResult): string | null {
  const i = r.loss.injected;
  if (!r.loss.delegated || r.loss.labels === '*' || !i) return null;
  if (i.via !== (r.def.kind === 'class' ? 'self' : 'argument')) return null;
  return r.params.some((p) => p.name === i.param && !p.star) ? i.param : null;
}

/**
 * The constructor call a criterion argument shows: the call itself (`FocalLoss(nn.BCEWithLogitsLoss(), g)`), or
 * the one assignment of a name before `at` (`BCEcls = nn.BCEWithLogitsLoss(...)`, then `FocalLoss(BCEcls, g)`) in
 * the function around `at`, where nothing else binds or changes that name (no parameter, loop or `with` target,
 * attribute set on it, second assignment). Null otherwise: the criterion is not shown here.
 */
export function criterionCall(arg: Expr, at: number, root: SyntaxNode, text: string): CallExpr | null {
  const given =
    arg.kind === 'call' ? arg : arg.kind === 'name' ? soleAssignment(arg.id, at, root, text) : null;
  const call = given && moduleItself(given);
  return call && !call.args.some((a) => a.star) ? call : null;
}

/** Module methods that return the module itself (`nn.BCEWithLogitsLoss(...).to(device)`). */
const RETURNS_SELF = new Set([
  'to',
  'cuda',
  'cpu',
  'float',
  'double',
  'half',
  'train',
  'eval',
  'requires_grad_',
]);

/** The construction a call chain of such methods starts from. */
function moduleItself(call: CallExpr): CallExpr {
  let c = call;
  while (c.fn.kind === 'attr' && RETURNS_SELF.has(c.fn.name) && c.fn.obj.kind === 'call') c = c.fn.obj;
  return c;
}

function soleAssignment(name: string, at: number, root: SyntaxNode, text: string): CallExpr | null {
  const scope = scopeAt(root, at);
  let sole: SyntaxNode | null = null;
  let bound = 0;
  const cur = scope.cursor();
  const end = cur.to;
  while (cur.next() && cur.from < end) {
    if (cur.name !== 'VariableName' || text.slice(cur.from, cur.to) !== name) continue;
    const binding = bindingAt(cur.node);
    if (binding.kind === 'read' || !reaches(binding.statement, at, scope)) continue;
    bound++;
    sole = binding.kind === 'call' ? binding.call : null;
  }
  if (bound !== 1 || sole === null) return null;
  const e = toExpr(sole, text);
  return e.kind === 'call' ? e : null;
}

/**
 * A binding in `statement` may hold at `at`: it runs before (an assignment whose value holds `at` runs after it:
 * `BCEcls, BCEobj = FocalLoss(BCEcls, g), …`), or after it in a loop around both.
 */
function reaches(statement: SyntaxNode, at: number, scope: SyntaxNode): boolean {
  const holdsAt = statement.from <= at && at < statement.to;
  const valueHoldsAt = holdsAt && statement.name === 'AssignStatement' && at > lastOp(statement);
  if (statement.to <= at || (holdsAt && !valueHoldsAt)) return true;
  for (let n = statement.parent; n && n.from >= scope.from && n.to <= scope.to; n = n.parent)
    if ((n.name === 'ForStatement' || n.name === 'WhileStatement') && n.from <= at && at < n.to) return true;
  return false;
}

function lastOp(assign: SyntaxNode): number {
  return assign.getChildren('AssignOp').at(-1)?.from ?? assign.to;
}

/** The innermost function (or lambda) around `at`, else the module. */
function scopeAt(root: SyntaxNode, at: number): SyntaxNode {
  for (let n: SyntaxNode | null = root.resolveInner(at, 1); n; n = n.parent)
    if (n.name === 'FunctionDefinition' || n.name === 'LambdaExpression') return n;
  return root;
}

/** Nodes whose names they hold are bound (or unbound) by them: a parameter, loop, `with`, walrus, import, `del`. */
const BINDERS = new Set([
  'ParamList',
  'ForStatement',
  'WithStatement',
  'NamedExpression',
  'TryStatement',
  'ImportStatement',
  'ScopeStatement',
  'DeleteStatement',
  'UpdateStatement',
  'ArrayComprehensionExpression',
  'SetComprehensionExpression',
  'DictionaryComprehensionExpression',
  'ComprehensionExpression',
]);

type Binding =
  | { kind: 'read' }
  | { kind: 'call'; statement: SyntaxNode; call: SyntaxNode }
  | { kind: 'other'; statement: SyntaxNode };

/**
 * What an occurrence of a name does: `read`; `call`, a plain `name = Call(...)` (`name: T = …` too); else
 * `other`: any other binding, or the name in an assignment's targets (`a, name = …`, `name.x = …`).
 */
function bindingAt(occurrence: SyntaxNode): Binding {
  const parent = occurrence.parent;
  if (parent && BINDERS.has(parent.name)) return { kind: 'other', statement: statementOf(parent) };
  for (let n: SyntaxNode | null = parent, child = occurrence; n; child = n, n = n.parent) {
    if (n.name === 'AssignStatement') {
      if (child.from >= lastOp(n)) return { kind: 'read' };
      const call = plainTarget(occurrence, n);
      return call ? { kind: 'call', statement: n, call } : { kind: 'other', statement: n };
    }
    if (n.name.endsWith('Statement') || n.name === 'Body') return { kind: 'read' };
  }
  return { kind: 'read' };
}

function statementOf(n: SyntaxNode): SyntaxNode {
  for (let s: SyntaxNode | null = n; s; s = s.parent) if (s.name.endsWith('Statement')) return s;
  return n;
}

function plainTarget(occurrence: SyntaxNode, assign: SyntaxNode): SyntaxNode | null {
  let op = occurrence.nextSibling;
  if (op?.name === 'TypeDef') op = op.nextSibling;
  const value = op?.nextSibling;
  const single = assign.getChildren('AssignOp').length === 1 && assign.firstChild?.from === occurrence.from;
  return single && op?.name === 'AssignOp' && value?.name === 'CallExpression' ? value : null;
}

/**
 * A definition's finding delegated to the criterion it is given, with the findings of every construction (or
 * call) of it in the file (null for a mention that is none): when each shows its criterion and all of them have
 * one convention, the definition has it; of different conventions, none of its own; else it stays delegated.
 */
export function resolvedByConstructions(f: RawFinding, sites: readonly (RawFinding | null)[]): RawFinding {
  const { delegates } = f;
  if (!delegates || sites.length === 0) return f;
  const { lead } = delegates;
  const shown = sites.filter((s): s is RawFinding & Required<Pick<RawFinding, 'wrapped'>> => !!s?.wrapped);
  if (shown.length < sites.length) return f;
  const wrapped = shown
    .flatMap((s) => s.wrapped)
    .filter((w, i, all) => all.findIndex((o) => o.at === w.at) === i);
  const criteria = [...new Set(wrapped.map((w) => `\`${w.criterion}\``))];
  const names = criteria.join(', ');
  const conventions = [...new Set(shown.map((s) => s.convention as Convention))];
  const focal = delegates.modulated ? `; ${MODULATION_REASON}` : '';
  const { delegates: _, ...rest } = f;
  if (conventions.length > 1)
    return {
      ...rest,
      message: `${lead}: its ${delegates.sites} in this file pass criteria of different conventions (${conventions.join(', ')}: ${names}), so it follows none of its own${focal}.`,
      wrapped,
    };
  const epsilons = new Set(shown.map((s) => s.epsilon));
  return {
    ...rest,
    convention: conventions[0],
    epsilon: epsilons.size === 1 ? shown[0].epsilon : null,
    message: `${lead}: every ${delegates.sites.slice(0, -1)} in this file passes ${names}, so it has ${CONVENTION_REGISTRY[conventions[0]].name}, as ${criteria.length > 1 ? 'those criteria have' : 'that criterion has'}${focal}.`,
    wrapped,
  };
}
