import type { Ctx, Frame } from '../bind';
import { type Expr, subExprs } from '../syntax';
import { binop } from './arith';
import { evalExpr } from './interp';
import { scalarOf, smoothedMixOf, type Value } from './values';

/** Products the arithmetic reads as a target, log-probabilities or a loss: left as they are. */
const READ = new Set<Value['kind']>(['loss', 'prod', 'logp', 'blog', 'dist']);

/**
 * A smoothed target (built, or a target parameter rescaled and shifted) times a sum of tensors that the product alone
 * does not read (`direct`), `(log_t(q) − log_t(p)) * q` (the bi-tempered loss), is the sum of the products,
 * `q·log q − q·log p`: each term is read as it is when written out.
 * Numbers in the sum (`(1 − ε) * q`) are left to the arithmetic of mixes, and a sum with an in-place call in it is
 * not run twice.
 */
export function distributedOverTarget(
  e: Expr & { kind: 'bin' },
  l: Value,
  r: Value,
  direct: Value,
  f: Frame,
  ctx: Ctx,
): Value | null {
  if (READ.has(direct.kind)) return null;
  const smoothed = (v: Value) => smoothedMixOf(v, ctx.syms) !== null;
  const [sum, sumValue, factor, q] = smoothed(r) ? [e.left, l, e.right, r] : [e.right, r, e.left, l];
  if (!smoothed(q) || sum.kind !== 'bin' || (sum.op !== '+' && sum.op !== '-')) return null;
  if (scalarOf(sumValue) || inPlaceCall(sum)) return null;
  const [a, b] = [evalExpr(sum.left, f, ctx), evalExpr(sum.right, f, ctx)];
  const terms = [binop('*', a, q, factor, sum.left), binop('*', b, q, factor, sum.right)];
  return binop(sum.op, terms[0], terms[1], sum.right, sum.left);
}

function inPlaceCall(e: Expr): boolean {
  const own = e.kind === 'call' && e.fn.kind === 'attr' && e.fn.name.endsWith('_');
  return own || subExprs(e).some(inPlaceCall);
}
