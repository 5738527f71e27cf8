import { numel, type Tensor } from '../tensor';
import type { TensorFormat } from './types';

type NumberStyle = (x: number) => string;

/** Shortest digits that read back to the same float64 (JS's own algorithm), keeping the sign of -0. */
function shortest(x: number): string {
  return x === 0 && 1 / x < 0 ? '-0' : String(x);
}

/** Python's names for non-finite floats; `integral` marks whole numbers as floats ('1.' or '1.0'). */
function pythonStyle(integral: string): NumberStyle {
  return (x) => {
    if (Number.isNaN(x)) return 'nan';
    if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
    const s = shortest(x);
    return Number.isInteger(x) && !s.includes('e') ? s + integral : s;
  };
}

/** What Python's `json.dumps` writes for non-finite floats. */
function jsonNumber(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  return shortest(x);
}

const torchNumber = pythonStyle('.');
const pythonNumber = pythonStyle('.0');
const plainNumber = pythonStyle('');

/**
 * Writes `t` so that `parseTensor` reads back the same values bit for bit (shortest round-trip digits).
 * torch / numpy: a repr that also evaluates in Python (given `nan`, `inf` names) to float64 values.
 * json: compact, non-finite values as Python's json module writes them. python: a list repr.
 * Tables hold one row per line: a 1-D tensor is one line, higher ranks keep the last dimension as columns.
 */
export function formatTensor(t: Tensor, format: TensorFormat): string {
  switch (format) {
    case 'torch':
      return reprText(t, 'tensor', 'size', 'torch.float64');
    case 'numpy':
      return reprText(t, 'array', 'shape', 'float64');
    case 'json':
      return nestedText(
        t,
        jsonNumber,
        t.shape.map(() => ','),
      );
    case 'python':
      return nestedText(
        t,
        pythonNumber,
        t.shape.map(() => ', '),
      );
    case 'csv':
      return tableText(t, ',');
    case 'tsv':
      return tableText(t, '\t');
    case 'whitespace':
      return tableText(t, ' ');
  }
}

/** Laid out as torch and numpy print: one row per line, a blank line between blocks, aligned brackets. */
function reprText(t: Tensor, name: 'tensor' | 'array', sizeKey: string, dtype: string): string {
  const dtypeArg = `dtype=${dtype}`;
  if (t.shape.length > 0 && numel(t.shape) === 0) {
    const size = t.shape.length === 1 ? [] : [`${sizeKey}=${pythonTuple(t.shape)}`];
    return `${name}(${['[]', ...size, dtypeArg].join(', ')})`;
  }
  const rank = t.shape.length;
  const indent = name.length + 1;
  const separators = t.shape.map((_, level) =>
    level === rank - 1 ? ', ' : `,${'\n'.repeat(rank - level - 1)}${' '.repeat(indent + level + 1)}`,
  );
  const body = nestedText(t, torchNumber, separators);
  return name === 'tensor' ? `tensor(${body}, ${dtypeArg})` : `array(${body})`;
}

function pythonTuple(dims: readonly number[]): string {
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(', ')})`;
}

/** Brackets around each dimension; `separators[level]` goes between the items of a list at that level. */
function nestedText(t: Tensor, num: NumberStyle, separators: readonly string[]): string {
  const { shape, data } = t;
  if (shape.length === 0) return num(data[0]!);
  const parts: string[] = [];
  let k = 0;
  const write = (level: number): void => {
    parts.push('[');
    for (let i = 0; i < shape[level]!; i++) {
      if (i > 0) parts.push(separators[level]!);
      if (level === shape.length - 1) parts.push(num(data[k++]!));
      else write(level + 1);
    }
    parts.push(']');
  };
  write(0);
  return parts.join('');
}

function tableText(t: Tensor, separator: string): string {
  const { shape, data } = t;
  if (data.length === 0) return '';
  const columns = shape.length === 0 ? 1 : shape.at(-1)!;
  const lines: string[] = [];
  for (let start = 0; start < data.length; start += columns) {
    lines.push(Array.from(data.subarray(start, start + columns), plainNumber).join(separator));
  }
  return `${lines.join('\n')}\n`;
}
