/**
 * The argument expressions of a recognised loss call (`criterion(logits, y)`, `F.cross_entropy(x, t, weight=w)`),
 * so that one action can ask the paused frame for all of them.
 */
import type { SyntaxNode } from '@lezer/common';
import { parser } from '@lezer/python';
import type { Finding } from '../analysis';
import { type LiveOption, OPTION_KEYWORDS } from './options';
import type { Outcome } from './probe';

export interface LossCallValues {
  input: string;
  target: string;
  /** An argument, or the called module's own `weight` attribute when the analysis says it has one. */
  weight: string | null;
  callee: string;
  /** Where the paused program holds each option: the call's keyword argument, or the module's attribute. */
  options: Partial<Record<LiveOption, string>>;
}

/** torch.nn.functional losses whose third positional parameter is `weight`. */
const WEIGHT_THIRD = /(^|\.)(cross_entropy|nll_loss|binary_cross_entropy|binary_cross_entropy_with_logits)$/;
/** A callee whose attributes can be read: a name or a dotted name (`self.criterion`). */
const DOTTED_NAME = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/** The call that is the whole text (a finding on a definition or a statement is not a call to send). */
function wholeCall(text: string): SyntaxNode | null {
  const statement = parser.parse(text).topNode.firstChild;
  const call = statement?.name === 'ExpressionStatement' ? statement.firstChild : null;
  return call?.name === 'CallExpression' && call.from === 0 && call.to === text.trimEnd().length
    ? call
    : null;
}

interface Arguments {
  positional: string[];
  keywords: Map<string, string>;
}

function argumentsOf(text: string, argList: SyntaxNode): Outcome<Arguments> {
  const positional: string[] = [];
  const keywords = new Map<string, string>();
  let group: SyntaxNode[] = [];
  const flush = (): string | null => {
    const nodes = group;
    group = [];
    const [first, second] = nodes;
    const last = nodes[nodes.length - 1];
    if (!first || !last) return null;
    if (first.name === '*' || first.name === '**') return 'it unpacks arguments (* or **)';
    if (second?.name === 'AssignOp')
      keywords.set(text.slice(first.from, first.to), text.slice(second.to, last.to).trim());
    else positional.push(text.slice(first.from, last.to));
    return null;
  };
  for (let child = argList.firstChild; child; child = child.nextSibling) {
    if (child.name === '(' || child.name === 'Comment') continue;
    if (child.name === ',' || child.name === ')') {
      const problem = flush();
      if (problem) return { ok: false, reason: `the call cannot be sent: ${problem}.` };
    } else group.push(child);
  }
  return { ok: true, value: { positional, keywords } };
}

/** The input, target and weight expressions of the loss call `finding` covers in `text` (its source range). */
export function lossCallValues(text: string, finding: Finding): Outcome<LossCallValues> {
  const call = wholeCall(text);
  const callee = call?.firstChild;
  const argList = call?.lastChild;
  if (!call || !callee || argList?.name !== 'ArgList')
    return { ok: false, reason: 'put the cursor on a call of the loss, e.g. `criterion(logits, y)`.' };
  const args = argumentsOf(text, argList);
  if (!args.ok) return args;
  const { positional, keywords } = args.value;
  const calleeText = text.slice(callee.from, callee.to);
  const input = keywords.get('input') ?? positional[0];
  const target = keywords.get('target') ?? positional[1];
  if (!input || !target)
    return { ok: false, reason: `\`${calleeText}\` is not called with an input and a target.` };
  const isFunctional = WEIGHT_THIRD.test(calleeText);
  const isModule = !isFunctional && DOTTED_NAME.test(calleeText);
  const weight =
    keywords.get('weight') ??
    (isFunctional ? positional[2] : undefined) ??
    (isModule && finding.details?.weight ? `${calleeText}.weight` : null);
  const options: Partial<Record<LiveOption, string>> = {};
  for (const [option, keyword] of Object.entries(OPTION_KEYWORDS) as [LiveOption, string][]) {
    const where = keywords.get(keyword) ?? (isModule ? `${calleeText}.${keyword}` : undefined);
    if (where) options[option] = where;
  }
  return { ok: true, value: { input, target, weight, callee: calleeText, options } };
}
