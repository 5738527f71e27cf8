/** The values' JSON from the paused program, checked against the shape it announced before they are used. */
import { parseTensor } from '../parse';
import { resultText, unreadable } from './evaluateResult';
import type { Outcome, Probe } from './probe';

/** The shape the values must have: the probe's, with the first dimension cut to `rows` when rows were cut. */
export function expectedShape(probe: Probe, rows: number | null): number[] {
  const [first = 1, ...rest] = probe.shape;
  return [rows === null ? first : Math.min(rows, first), ...rest];
}

/**
 * The tensor text for the playground (compact JSON, float64 reprs), or why it cannot be used. A list's inner
 * dimensions are only known now; a tensor's must match what the probe said, so nothing is dropped unnoticed.
 */
export function readValues(name: string, result: string, probe: Probe, rows: number | null): Outcome<string> {
  const text = resultText(result);
  const parsed = parseTensor(text);
  if (!parsed.ok) return { ok: false, reason: `\`${name}\`: ${unreadable(text)}` };
  const want = expectedShape(probe, rows);
  const got = parsed.tensor.shape;
  const matches =
    probe.kind === 'list'
      ? got[0] === want[0]
      : got.length === want.length && got.every((d, i) => d === want[i]);
  if (!matches)
    return {
      ok: false,
      reason: `\`${name}\` came back with shape [${got.join(', ')}], not [${want.join(', ')}]; the debugger may have cut it.`,
    };
  return { ok: true, value: text };
}
