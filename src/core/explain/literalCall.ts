/**
 * The tensors a loss call is given, when the file writes them out: `crit(Variable(predict), torch.LongTensor([2,
 * 1, 0]))` with `predict = torch.FloatTensor([[…]])` above it. Text-level on purpose: it only reads literals and
 * the last plain assignment of a name before the call, and says null for anything else.
 */
import { parseTensor } from '../parse';
import type { Tensor } from '../tensor';

/** Wrappers that leave the values as they are. */
const PASS_THROUGH = /^(?:(?:torch\.autograd\.)?Variable|torch\.as_tensor)\(([\s\S]*)\)$/;
const METHOD_SUFFIX = /\.(?:float|double|long|cuda|cpu|detach|clone|contiguous)\(\)$/;
const CONSTRUCTOR =
  /^(?:torch\.(?:tensor|Tensor|FloatTensor|DoubleTensor|LongTensor|IntTensor)|(?:np|numpy)\.array)\(([\s\S]*)\)$/;
const NAME = /^[A-Za-z_]\w*$/;

function balanced(text: string): boolean {
  let depth = 0;
  for (const ch of text) {
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch) && --depth < 0) return false;
  }
  return depth === 0;
}

/** Splits at top-level commas (outside brackets and strings). */
export function splitArguments(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === quote && text[i - 1] !== '\\') quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if (ch === ',' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last !== '') out.push(last);
  return out;
}

/** The argument list of a call `f(…)` written in `call`, or null when it is not one call. */
export function callArguments(call: string): string[] | null {
  const open = call.indexOf('(');
  if (open < 0 || !/^[\w.\s]+$/.test(call.slice(0, open)) || !call.trimEnd().endsWith(')')) return null;
  return splitArguments(call.trimEnd().slice(open + 1, -1));
}

/** The right-hand side of the last `name = …` that starts before `before` (an offset), brackets balanced. */
function lastAssignment(source: string, name: string, before: number): { text: string; at: number } | null {
  const pattern = new RegExp(`^[ \\t]*${name}[ \\t]*=(?!=)`, 'gm');
  let rhsStart = -1;
  for (let m = pattern.exec(source); m && m.index < before; m = pattern.exec(source))
    rhsStart = m.index + m[0].length;
  if (rhsStart < 0) return null;
  let depth = 0;
  for (let i = rhsStart; i < source.length; i++) {
    const ch = source[i]!;
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
    else if ((ch === '\n' || ch === '#') && depth === 0)
      return { text: source.slice(rhsStart, i).trim(), at: rhsStart };
  }
  return { text: source.slice(rhsStart).trim(), at: rhsStart };
}

/** An argument's tensor, following names to their assignment (at most a few hops). */
export function literalTensor(expression: string, source: string, before: number, hops = 4): Tensor | null {
  let text = expression.trim();
  for (let changed = true; changed; ) {
    const unwrapped = PASS_THROUGH.exec(text)?.[1];
    const inner = text.replace(METHOD_SUFFIX, '') || text;
    const next = inner !== text ? inner : unwrapped !== undefined && balanced(unwrapped) ? unwrapped : text;
    changed = next !== text;
    text = next.trim();
  }
  if (NAME.test(text)) {
    const rhs = hops > 0 ? lastAssignment(source, text, before) : null;
    return rhs === null ? null : literalTensor(rhs.text, source, rhs.at, hops - 1);
  }
  const constructed = CONSTRUCTOR.exec(text)?.[1];
  const literal = constructed === undefined ? text : splitArguments(constructed)[0];
  if (!literal?.startsWith('[')) return null;
  const parsed = parseTensor(literal);
  return parsed.ok ? parsed.tensor : null;
}
