/**
 * The Python expressions Loss Lens asks a paused debugger to evaluate. Each is one expression (debuggers
 * evaluate, they need not execute statements), imports only `json` and `sys`, changes nothing in the frame and
 * returns a JSON string, so that what comes back is data, never the debugger's shortened display of a value.
 */
import type { ValueKind } from './probe';

/** The user's expression in parentheses; the newline ends a trailing `# comment` before the closing one. */
function wrap(expression: string): string {
  return `(${expression}\n)`;
}

const JSON_DUMPS = "__import__('json').dumps";
const COMPACT = "separators=(',', ':')";

/** Kind, shape, dtype and device of the value: cheap, so that a large tensor is never serialised unasked. */
export function probeExpression(expression: string): string {
  return [
    `(lambda v, m: ${JSON_DUMPS}(`,
    "{'kind': 'tensor', 'shape': list(v.shape), 'dtype': str(v.dtype), 'device': str(v.device), 'layout': str(v.layout)}",
    "if 'torch' in m and isinstance(v, m['torch'].Tensor) else",
    "{'kind': 'ndarray', 'shape': list(v.shape), 'dtype': str(v.dtype)}",
    "if 'numpy' in m and isinstance(v, m['numpy'].ndarray) else",
    "{'kind': 'list', 'shape': [len(v)]} if isinstance(v, (list, tuple)) else",
    "{'kind': 'other', 'type': type(v).__module__ + '.' + type(v).__qualname__}",
    `))(${wrap(expression)}, __import__('sys').modules)`,
  ].join('\n');
}

/**
 * The values as JSON: floats widened to float64 (`repr` of a float round-trips, so nothing is rounded), integer
 * tensors as integers, bools as 0/1. `rows` keeps the first rows only (sliced before the copy to the CPU).
 */
export function valuesExpression(expression: string, kind: ValueKind, rows: number | null): string {
  const head = rows === null ? '' : `[:${rows}]`;
  const dumps = (value: string) => `${JSON_DUMPS}(${value}, ${COMPACT})`;
  switch (kind) {
    case 'tensor':
      return `(lambda v: ${dumps("(v if not (v.is_floating_point() or v.dtype == __import__('torch').bool) else v.double()).tolist()")})(${wrap(expression)}.detach()${head}.cpu())`;
    case 'ndarray':
      return `(lambda v: ${dumps("(v.astype('float64') if v.dtype.kind in 'fb' else v).tolist()")})(${wrap(expression)}${head})`;
    case 'list':
      return dumps(`list(${wrap(expression)}${head})`);
  }
}
