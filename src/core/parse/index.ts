/**
 * Tensor text in and out.
 *
 * `parseTensor` accepts PyTorch reprs (`tensor(...)`, `torch.tensor(...)`, after an optional
 * "Parameter containing:" line), NumPy reprs (`array(...)`, `np.array(...)`) and numpy's `print` output,
 * JSON and Python nested lists or tuples (trailing commas allowed), and CSV / TSV / whitespace tables.
 * Numbers: decimals, scientific notation, nan / inf / infinity in any case, Python's `True` / `False`.
 * Decisions:
 * - Tables hold one row per line; a first line whose cells are all names (letters first, no number words) is a
 *   header: it is skipped and its names come back as `columns`. An unnamed first header cell (pandas `to_csv()`)
 *   makes the first column row labels, left out (`indexColumn`). Blank lines and '#' lines are skipped.
 *   A first line that is neither is data, so a typo in it is an error at the typo, and '−' (U+2212) is a minus.
 * - One line is a 1-D tensor and a lone number a scalar, so a (1, n) table comes back as (n).
 * - Reprs elided with '...' are refused with the print option that shows every value.
 * - At most `MAX_ELEMENTS` values and `MAX_DEPTH` levels of nesting; errors point at the offending
 *   character (1-based line and column in UTF-16 units) and never throw.
 */
export { formatTensor } from './format';
export { parseTensor, positionOfValue } from './parseTensor';
export {
  MAX_DEPTH,
  MAX_ELEMENTS,
  type ParseError,
  type ParseOptions,
  type ParseResult,
  type ParseSuccess,
  type TensorFormat,
} from './types';
