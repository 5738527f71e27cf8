/**
 * The `result` string of a DAP `evaluate` response for one of our JSON-returning expressions. Adapters show a
 * string either raw (debugpy with `format.rawString`) or as its Python repr, quoted and escaped (debugpy
 * without it, most others); either way the JSON inside is recovered exactly, or the caller is told why not.
 */
import type { Outcome } from './probe';

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  n: '\n',
  r: '\r',
  t: '\t',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** The text of a Python `'…'` / `"…"` string literal (as `repr(str)` writes it), or null if it is not one. */
export function decodePythonString(literal: string): string | null {
  const quote = literal[0];
  if ((quote !== "'" && quote !== '"') || literal.length < 2 || literal[literal.length - 1] !== quote)
    return null;
  const body = literal.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === quote) return null;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i];
    if (e === undefined) return null;
    const simple = SIMPLE_ESCAPES[e];
    const digits = HEX_DIGITS[e];
    if (simple !== undefined) out += simple;
    else if (digits !== undefined) {
      const hex = body.slice(i + 1, i + 1 + digits);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) return null;
      out += String.fromCodePoint(Number.parseInt(hex, 16));
      i += digits;
    } else out += `\\${e}`;
  }
  return out;
}

/** The string the expression returned: unquoted when the adapter quoted it, as is when it sent it raw. */
export function resultText(result: string): string {
  const trimmed = result.trim();
  return decodePythonString(trimmed) ?? trimmed;
}

/** A shortened display ends or breaks with "…"/"...": the sign that the adapter cut the value. */
function looksShortened(text: string): boolean {
  return /\.\.\.|…/.test(text);
}

/** The JSON value the expression returned, or why it could not be read. */
export function decodeJsonResult(result: string): Outcome<unknown> {
  const text = resultText(result);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: unreadable(text) };
  }
}

/** Why a result that should have been our JSON is not. */
export function unreadable(text: string): string {
  return looksShortened(text)
    ? `the debugger shortened the value to ${text.length} characters; send fewer rows.`
    : `the debugger answered with something that is not the JSON Loss Lens asked for: ${text.slice(0, 200)}`;
}
