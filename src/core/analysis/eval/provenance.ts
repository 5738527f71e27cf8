import type { SyntaxNode } from '@lezer/common';
import { bodyStatements, type Expr, type Stmt, subExprs } from '../syntax';

/**
 * Where a tensor comes from, followed through elementwise ops and reductions where the evaluator keeps no value (a
 * ratio of sums, a mask over similarities): the model's outputs (`pred`), the labels (`labels`: a one-hot, a label
 * equality mask, an index target gathered at), or both.
 */
export interface Provenance {
  pred?: true;
  labels?: true;
  /** Summed or averaged over some axis. */
  reduced?: true;
  /** Thresholded, argmax-ed or computed without gradients: a metric, not a loss. */
  hard?: true;
  /** Similarities of features (`a @ b.T`, `cosine_similarity`). */
  similarity?: true;
  /** `labels == labels.T`: which pairs of samples share a label. */
  pairMask?: true;
  /** A log of the predictions (`log_softmax`, `x − log Σ exp x`). */
  log?: true;
  /** A ratio of two terms that both hold the predictions (Dice, Tversky, Jaccard). */
  ratio?: true;
  /** Such a ratio subtracted or negated (`1 − dice`, `−log(dice)`): minimised, a loss rather than a score. */
  complemented?: true;
}

const NONE: Provenance = {};
const PROBABILITIES = new Set(['softmax', 'sigmoid']);
const LOGS = new Set(['log_softmax', 'logsigmoid', 'log', 'logsumexp']);
const SIMILARITIES = new Set(['matmul', 'mm', 'bmm', 'einsum', 'cosine_similarity']);
const REDUCTIONS = new Set(['sum', 'mean', 'nansum', 'nanmean']);
const HARD = new Set(['argmax', 'argmin', 'round', 'gt', 'lt', 'ge', 'le', 'topk', 'sign']);
const CONSTANT = new Set([
  'detach',
  'size',
  'numel',
  'dim',
  'ones_like',
  'zeros_like',
  'full_like',
  'empty_like',
]);
const SHAPE = new Set(['shape', 'device', 'dtype']);
const EQUALITY = new Set(['eq', '==']);
const COMPARISONS = new Set(['>', '<', '>=', '<=', '!=', 'ne']);
const NO_GRAD = /\b(no_grad|inference_mode)\b/;

/** A loss comparing the model's outputs with a label-derived target, no cross-entropy in it: what it is. */
export type HardTargetKind = 'overlap' | 'contrastive';

/**
 * The kind of hard-target loss `fn` returns: a reduction of an expression combining the predictions with a
 * label-derived target, as a ratio (overlap) or a label-pair mask over log-probabilities of similarities
 * (contrastive); null for anything else (a model's forward, a metric, a target builder, a tensor helper).
 */
export function hardTargetKind(fn: SyntaxNode, text: string): HardTargetKind | null {
  const body = fn.getChild('Body');
  if (!body) return null;
  const returned = returnedProvenance(bodyStatements(body, text), new Map(), text, false);
  if (!returned?.pred || !returned.labels || !returned.reduced || returned.hard) return null;
  if (returned.pairMask && returned.similarity && returned.log) return 'contrastive';
  return returned.ratio && returned.complemented ? 'overlap' : null;
}

type Env = Map<string, Provenance>;

function returnedProvenance(stmts: Stmt[], env: Env, text: string, noGrad: boolean): Provenance | null {
  let out: Provenance | null = null;
  const keep = (p: Provenance | null) => {
    if (p) out = join(out ?? NONE, p);
  };
  for (const s of stmts) {
    if (s.kind === 'assign') {
      const p = mark(provenanceOf(s.value, env), noGrad);
      for (const t of s.targets) bind(t, p, env);
    } else if (s.kind === 'update' && s.target.kind === 'name') {
      env.set(s.target.id, join(env.get(s.target.id) ?? NONE, mark(provenanceOf(s.value, env), noGrad)));
    } else if (s.kind === 'return' && s.value) {
      keep(mark(provenanceOf(firstItem(s.value), env), noGrad));
    } else if (s.kind === 'block') {
      const inner = noGrad || NO_GRAD.test(headerOf(s, text));
      for (const b of s.bodies) keep(returnedProvenance(b, env, text, inner));
    }
  }
  return out;
}

/** A block's first line (`with torch.no_grad():`), where the statement keeps no expression for it. */
function headerOf(s: Stmt, text: string): string {
  return text.slice(s.from, s.to).split('\n')[0] ?? '';
}

function firstItem(e: Expr): Expr {
  return e.kind === 'tuple' && e.items[0] ? e.items[0] : e;
}

function mark(p: Provenance, hard: boolean): Provenance {
  return hard ? { ...p, hard: true } : p;
}

/** Names assigned in branches keep what each branch gave them. */
function bind(target: Expr, p: Provenance, env: Env): void {
  if (target.kind === 'name') env.set(target.id, join(env.get(target.id) ?? NONE, p));
  else if (target.kind === 'tuple') for (const t of target.items) bind(t, p, env);
}

function join(a: Provenance, b: Provenance): Provenance {
  return { ...a, ...b };
}

function joinAll(ps: Provenance[]): Provenance {
  return ps.reduce(join, NONE);
}

function provenanceOf(e: Expr, env: Env): Provenance {
  switch (e.kind) {
    case 'name':
      return env.get(e.id) ?? NONE;
    case 'bin':
      return binary(e.op, e.left, e.right, env);
    case 'call':
      return callProvenance(e, env);
    case 'attr':
      return SHAPE.has(e.name) ? NONE : provenanceOf(e.obj, env);
    case 'unary':
      return negated(e.op, provenanceOf(e.operand, env));
    default:
      return joinAll(subExprs(e).map((s) => provenanceOf(s, env)));
  }
}

function binary(op: string, left: Expr, right: Expr, env: Env): Provenance {
  const [a, b] = [provenanceOf(left, env), provenanceOf(right, env)];
  if (EQUALITY.has(op) || COMPARISONS.has(op)) return compared(op, left, right, a, b);
  if (op === '@') return similarity(join(a, b));
  const sum = op === '-' ? join(a, negated(op, b)) : join(a, b);
  return op === '/' && a.pred && b.pred ? { ...sum, ratio: true } : sum;
}

function negated(op: string, p: Provenance): Provenance {
  return op === '-' && p.ratio ? { ...p, complemented: true } : p;
}

/** `labels == labels.T` is a pair mask; a comparison of predictions thresholds them (a metric). */
function compared(op: string, left: Expr, right: Expr, a: Provenance, b: Provenance): Provenance {
  if (a.pred || b.pred) return { ...join(a, b), hard: true };
  const pair = EQUALITY.has(op) && rootName(left) !== null && rootName(left) === rootName(right);
  return pair ? { labels: true, pairMask: true } : NONE;
}

/** The name a chain of attributes and method calls starts from (`labels.T`, `y.view(-1, 1)`). */
function rootName(e: Expr): string | null {
  if (e.kind === 'name') return e.id;
  if (e.kind === 'attr') return rootName(e.obj);
  if (e.kind === 'call' && e.fn.kind === 'attr') return rootName(e.fn.obj);
  return null;
}

function callProvenance(e: Expr & { kind: 'call' }, env: Env): Provenance {
  const name = e.fn.kind === 'attr' ? e.fn.name : e.fn.kind === 'name' ? e.fn.id : '';
  const method = e.fn.kind === 'attr' && !isModule(e.fn.obj);
  const operands = [...(method && e.fn.kind === 'attr' ? [e.fn.obj] : []), ...e.args.map((a) => a.value)];
  if (CONSTANT.has(name)) return NONE;
  if (EQUALITY.has(name) || COMPARISONS.has(name)) {
    const [l, r] = operands;
    return l && r ? compared(name, l, r, provenanceOf(l, env), provenanceOf(r, env)) : NONE;
  }
  const ps = operands.map((o) => provenanceOf(o, env));
  const all = joinAll(ps);
  if (name === 'one_hot') return { ...all, labels: true };
  if (HARD.has(name)) return { ...all, hard: true };
  if (PROBABILITIES.has(name)) return { ...all, pred: true };
  if (LOGS.has(name)) return all.pred ? { ...all, log: true } : all;
  if (SIMILARITIES.has(name)) return similarity(all);
  if (REDUCTIONS.has(name)) return { ...all, reduced: true };
  if (name === 'gather') return gathered(ps);
  if (name === 'div' && ps[0]?.pred && ps[1]?.pred) return { ...all, ratio: true };
  return all;
}

/** Products of features are their similarities; of labels (`onehot @ table`), rows of a table the labels pick. */
function similarity(operands: Provenance): Provenance {
  return operands.labels ? operands : { ...operands, pred: true, similarity: true };
}

/** Predictions gathered at indices that are not the predictions' own: the prediction of each label. */
function gathered(ps: Provenance[]): Provenance {
  const [source, , index] = ps;
  const all = joinAll(ps);
  return source?.pred && index && !index.pred ? { ...all, labels: true } : all;
}

/** `torch.`, `F.`, `nn.functional.`: a module's function, not a method of a tensor. */
function isModule(e: Expr): boolean {
  if (e.kind === 'name') return ['torch', 'F', 'functional', 'nn'].includes(e.id);
  return e.kind === 'attr' && isModule(e.obj);
}
