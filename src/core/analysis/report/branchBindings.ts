import type { SyntaxNode } from '@lezer/common';

/** A constructor call bound to a name, and the node of that call. */
export interface BoundAt {
  at: number;
  node: SyntaxNode;
}

/** A binding the instance may hold at a call, and the test under which it does ('' when it is the only one). */
export interface Alternative<B extends BoundAt> {
  binding: B;
  when: string;
}

/** An exclusive choice a binding lies in: an `if` chain (arms are its bodies) or a conditional expression. */
interface Choice {
  node: SyntaxNode;
  arms: { node: SyntaxNode; when: string }[];
  /** With no `else`, not taking any branch keeps the binding from before the chain. */
  fallthrough: string | null;
}

/**
 * The bindings an instance may hold at a call, `latest` first: a name bound in exclusive branches of an `if`
 * chain (`if args.smoothing: criterion = A(…) else: criterion = B(…)`) or in the two arms of a conditional
 * expression holds either, whichever the test picks at run time; the binding written last is only one of them.
 */
export function alternativesAt<B extends BoundAt>(
  latest: B,
  visible: B[],
  call: SyntaxNode,
  text: string,
): Alternative<B>[] {
  const choice = choiceAround(latest.node, call, text);
  if (!choice) return [{ binding: latest, when: '' }];
  const own = choice.arms.find((arm) => within(latest.node, arm.node));
  const out: Alternative<B>[] = [{ binding: latest, when: own?.when ?? '' }];
  for (const arm of choice.arms) {
    if (arm === own) continue;
    const other = lastOf(visible.filter((b) => within(b.node, arm.node)));
    if (other) out.push({ binding: other, when: arm.when });
  }
  const before = choice.fallthrough === null ? null : lastOf(visible.filter((b) => b.at < choice.node.from));
  if (before && choice.fallthrough !== null) out.push({ binding: before, when: choice.fallthrough });
  return out;
}

/** The innermost choice around `node` that does not also hold the call (a choice holding both is one path). */
function choiceAround(node: SyntaxNode, call: SyntaxNode, text: string): Choice | null {
  for (let child = node, p = node.parent; p; child = p, p = p.parent) {
    if (within(call, p)) return null;
    const choice =
      p.name === 'IfStatement'
        ? ifChoice(p, text)
        : p.name === 'ConditionalExpression'
          ? condChoice(p, text)
          : null;
    if (choice?.arms.some((a) => a.node.from === child.from && a.node.to === child.to)) return choice;
  }
  return null;
}

function ifChoice(node: SyntaxNode, text: string): Choice {
  const arms: Choice['arms'] = [];
  const tests: string[] = [];
  let test: SyntaxNode | null = null;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if (c.name === 'Body') {
      arms.push({ node: c, when: test ? textOf(test, text) : noneOf(tests) });
      if (test) tests.push(textOf(test, text));
      test = null;
    } else if (!['if', 'elif', 'else', ':', 'Comment'].includes(c.name) && !c.type.isError) test = c;
  }
  const hasElse = arms.length > tests.length;
  return { node, arms, fallthrough: hasElse ? null : noneOf(tests) };
}

/** `body if test else orelse`: the arms are the first and last children. */
function condChoice(node: SyntaxNode, text: string): Choice | null {
  const body = node.firstChild;
  const orelse = node.lastChild;
  const test = body?.nextSibling?.nextSibling;
  if (!body || !orelse || !test || body === orelse) return null;
  const t = textOf(test, text);
  return {
    node,
    arms: [
      { node: body, when: t },
      { node: orelse, when: negated(t) },
    ],
    fallthrough: null,
  };
}

/** The condition of a branch taken when none of `tests` holds. */
function noneOf(tests: string[]): string {
  return tests.length === 1 ? negated(tests[0]) : `none of ${tests.join(', ')}`;
}

function negated(test: string): string {
  return /^[\w.]+$/.test(test) ? `not ${test}` : `not (${test})`;
}

function within(inner: SyntaxNode, outer: SyntaxNode): boolean {
  return inner.from >= outer.from && inner.to <= outer.to;
}

/** The binding written last (the greatest `at`). */
export function lastOf<B extends BoundAt>(bs: B[]): B | null {
  return bs.reduce<B | null>((best, b) => (!best || b.at > best.at ? b : best), null);
}

/** Source text of a node, whitespace runs collapsed (a test written over several lines reads as one). */
function textOf(node: SyntaxNode, text: string): string {
  return text.slice(node.from, node.to).replace(/\s+/g, ' ');
}
