import { tensor } from '../tensor';
import { ParseFailure, positionAt } from './failure';
import { BOM, DOT, isDigit, isIdentChar, isOpenBracket, LPAREN, Scanner, SPACE } from './lexer';
import { readNested } from './nested';
import { type ReprKind, readRepr } from './repr';
import { readTable } from './table';
import {
  MAX_ELEMENTS,
  type ParseOptions,
  type ParseResult,
  type ParseSuccess,
  type TensorFormat,
} from './types';

const REPR_NAMES = new Map<string, ReprKind>([
  ['tensor', 'torch'],
  ['torch.tensor', 'torch'],
  ['array', 'numpy'],
  ['np.array', 'numpy'],
  ['numpy.array', 'numpy'],
]);
/** How `print(nn.Parameter(...))` starts. */
const PARAMETER_PREFIX = 'Parameter containing:';

/**
 * Parses pasted tensor text: a PyTorch or NumPy repr, JSON or Python nested lists, numpy's `print` output,
 * or a CSV / TSV / whitespace table. Never throws; failures come back as a positioned error.
 */
export function parseTensor(text: string, options?: ParseOptions): ParseResult {
  const limit = Math.min(MAX_ELEMENTS, Math.max(0, Math.floor(options?.maxElements ?? MAX_ELEMENTS)));
  let sc: Scanner | undefined;
  try {
    sc = new Scanner(text, limit);
    return readAny(sc);
  } catch (e) {
    if (e instanceof ParseFailure) return { ok: false, error: positionAt(text, e.offset, e.message) };
    const reason = e instanceof Error ? e.message : String(e);
    return { ok: false, error: positionAt(text, sc?.pos ?? 0, `could not parse: ${reason}`) };
  }
}

/**
 * Where the value at flat `index` (0-based) starts in a text `parseTensor` accepts, for messages about one value:
 * a parse limited to `index` values stops exactly there. Undefined when the text holds no such value.
 */
export function positionOfValue(text: string, index: number): { line: number; column: number } | undefined {
  const cut = parseTensor(text, { maxElements: index });
  return cut.ok ? undefined : { line: cut.error.line, column: cut.error.column };
}

function readAny(sc: Scanner): ParseSuccess {
  if (sc.peek() === BOM) sc.pos++;
  sc.skipSpace();
  if (sc.atEnd()) sc.fail('empty input');
  if (sc.text.startsWith(PARAMETER_PREFIX, sc.pos)) {
    sc.pos += PARAMETER_PREFIX.length;
    sc.skipSpace();
  }
  if (isOpenBracket(sc.peek())) return readBracketed(sc);
  const kind = reprAhead(sc);
  if (kind) {
    const { shape, ...meta } = readRepr(sc, kind);
    return { ...success(sc, shape, kind), ...meta };
  }
  const { shape, ...meta } = readTable(sc);
  return { ...success(sc, shape, meta.format), ...meta };
}

function readBracketed(sc: Scanner): ParseSuccess {
  const { shape, spaceSeparated } = readNested(sc);
  sc.expectEnd();
  return success(sc, shape, spaceSeparated ? 'numpy' : sc.loose ? 'python' : 'json');
}

/**
 * When a name followed by '(' is at the cursor: moves onto the '(' and returns the repr kind,
 * or fails for names that are not reprs. Otherwise leaves the cursor alone.
 */
function reprAhead(sc: Scanner): ReprKind | undefined {
  const start = sc.pos;
  let end = start;
  while (isIdentChar(sc.text.charCodeAt(end)) || sc.text.charCodeAt(end) === DOT) end++;
  const name = sc.text.slice(start, end);
  let paren = end;
  while (sc.text.charCodeAt(paren) === SPACE) paren++;
  if (end === start || isDigit(sc.text.charCodeAt(start)) || sc.text.charCodeAt(paren) !== LPAREN)
    return undefined;
  const kind = REPR_NAMES.get(name);
  if (!kind)
    sc.fail(`'${name}(...)' is not a tensor: paste tensor(...), array(...), a list or a table`, start);
  sc.pos = paren;
  return kind;
}

function success(sc: Scanner, shape: number[], format: TensorFormat): ParseSuccess {
  return { ok: true, tensor: tensor(shape, sc.values.toArray()), format };
}
