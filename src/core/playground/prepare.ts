/** Turns the state's texts (or synthetic spec) into checked tensors, or errors attached to the offending field. */
import { type ParseSuccess, parseTensor, positionOfValue } from '../parse';
import { positionAt } from '../parse/failure';
import { numel, type Tensor, tensor } from '../tensor';
import { isBinaryLoss, MAX_TEXT_LENGTH, type PlaygroundState } from './state';
import { syntheticTensors } from './synthetic';

export type FieldName = 'logits' | 'targets' | 'weights' | 'prior' | 'options';

/** 1-based position in the field's text (1:1 for whole-field problems such as shapes). */
export interface FieldError {
  field: FieldName;
  line: number;
  column: number;
  message: string;
}

/** A refusal about one field, thrown inside the computation and shown as that field's error. */
export class FieldRefusal extends Error {
  constructor(readonly error: FieldError) {
    super(error.message);
  }
}

/** Something the user should know about how a field was read (a table's header row, a pandas index column). */
export interface FieldNote {
  field: FieldName;
  message: string;
}

/** The pasted texts the tensors came from (none for synthetic data), to point at one value of them. */
export type SourceTexts = Partial<Record<'logits' | 'targets' | 'weights', string>>;

export interface Prepared {
  /** Categorical inputs as an (N, C) matrix ((C) becomes (1, C)); binary ones as pasted. */
  input: Tensor;
  target: Tensor;
  weight?: Tensor;
  family: 'categorical' | 'binary';
  /** The input's shape as pasted: KL's 'batchmean' divides by its first size, as torch does for a (C) vector. */
  pastedShape: readonly number[];
  targetKind: 'index' | 'probability';
  /** The matrix view the plots use: (N, C); a binary (N) is (N, 1). */
  rows: number;
  cols: number;
  notes: FieldNote[];
  sources: SourceTexts;
}

export type Prepare = { ok: true; prepared: Prepared } | { ok: false; errors: FieldError[] };

const whole = (field: FieldName, message: string): FieldError => ({ field, line: 1, column: 1, message });

/**
 * A pasted text longer than the state holds is refused at the first character past the limit: the state (and so
 * every result shown) keeps the previous text, so the field must say that this one is not used.
 */
export function textLimitError(field: FieldName, text: string): FieldError | undefined {
  if (text.length <= MAX_TEXT_LENGTH) return undefined;
  const message =
    `this paste has ${text.length.toLocaleString('en-US')} characters, more than the ` +
    `${MAX_TEXT_LENGTH.toLocaleString('en-US')} the playground takes; nothing is computed from it: ` +
    'paste fewer values, or fewer digits per value';
  return { field, ...positionAt(text, MAX_TEXT_LENGTH, message) };
}

/** An error at the value with flat index `index` of the field's pasted text (1:1 for synthetic data). */
export function atValue(
  p: Pick<Prepared, 'sources'>,
  field: keyof SourceTexts,
  index: number,
  message: string,
) {
  const text = p.sources[field];
  const at = text === undefined ? undefined : positionOfValue(text, index);
  return new FieldRefusal({ field, line: at?.line ?? 1, column: at?.column ?? 1, message });
}

interface Parsed {
  tensor: Tensor;
  notes: FieldNote[];
}

function parseField(text: string, field: FieldName): Parsed | FieldError {
  if (text.trim() === '') return whole(field, `paste the ${field}`);
  const parsed = parseTensor(text);
  return parsed.ok ? { tensor: parsed.tensor, notes: tableNotes(parsed, field) } : { field, ...parsed.error };
}

/** A header row or index column is not data: say so, since the tensor alone would not show it. */
function tableNotes(parsed: ParseSuccess, field: FieldName): FieldNote[] {
  const notes: FieldNote[] = [];
  if (parsed.columns)
    notes.push({
      field,
      message: `first line read as column names, not values: ${parsed.columns.join(', ')}`,
    });
  if (parsed.indexColumn)
    notes.push({ field, message: 'first column read as row labels (pandas index), not values' });
  return notes;
}

const isError = (v: Parsed | FieldError | undefined): v is FieldError => v !== undefined && 'field' in v;

function texts(state: PlaygroundState): [Parsed | FieldError, Parsed | FieldError] {
  if (!state.synthetic)
    return [parseField(state.logitsText, 'logits'), parseField(state.targetsText, 'targets')];
  const { input, target } = syntheticTensors(state.synthetic, isBinaryLoss(state.loss));
  return [
    { tensor: input, notes: [] },
    { tensor: target, notes: [] },
  ];
}

export function prepare(state: PlaygroundState): Prepare {
  const [input, target] = texts(state);
  const weight = state.weightText.trim() === '' ? undefined : parseField(state.weightText, 'weights');
  const errors = [input, target, weight].filter(isError);
  if (isError(input) || isError(target) || isError(weight)) return { ok: false, errors };
  const sources: SourceTexts = state.synthetic
    ? { weights: state.weightText }
    : { logits: state.logitsText, targets: state.targetsText, weights: state.weightText };
  const notes = [...input.notes, ...target.notes, ...(weight?.notes ?? [])];
  const shaped = isBinaryLoss(state.loss)
    ? binaryShapes(input.tensor, target.tensor)
    : categoricalShapes(input.tensor, target.tensor);
  if ('field' in shaped) return { ok: false, errors: [shaped] };
  const prepared: Prepared = { ...shaped, notes, sources, ...(weight ? { weight: weight.tensor } : {}) };
  try {
    checkIndexTargets(prepared, state.ignoreIndex);
  } catch (e) {
    if (e instanceof FieldRefusal) return { ok: false, errors: [e.error] };
    throw e;
  }
  return { ok: true, prepared };
}

/** Class indices are integers in [0, C) or the ignore index; the first that is not is refused where it is written. */
function checkIndexTargets(p: Prepared, ignoreIndex: number): void {
  if (p.targetKind !== 'index') return;
  const bad = p.target.data.findIndex(
    (y) => y !== ignoreIndex && !(Number.isInteger(y) && y >= 0 && y < p.cols),
  );
  if (bad < 0) return;
  const y = p.target.data[bad];
  throw atValue(
    p,
    'targets',
    bad,
    `target ${y} (row ${bad + 1}) is not a class index: expected an integer in [0, ${p.cols}) or the ignore index ${ignoreIndex}`,
  );
}

type Shaped = Omit<Prepared, 'weight' | 'notes' | 'sources'>;

function categoricalShapes(input: Tensor, target: Tensor): Shaped | FieldError {
  if (input.shape.length !== 1 && input.shape.length !== 2) {
    return whole('logits', `expected a (C) or (N, C) tensor, got shape (${input.shape.join(', ')})`);
  }
  const [rows, cols] = input.shape.length === 1 ? [1, input.shape[0]!] : [input.shape[0]!, input.shape[1]!];
  if (cols < 2) return whole('logits', 'need at least 2 classes');
  const matrix = tensor([rows, cols], input.data);
  if (target.shape.join() === input.shape.join()) {
    return {
      input: matrix,
      target: tensor([rows, cols], target.data),
      family: 'categorical',
      pastedShape: input.shape,
      targetKind: 'probability',
      rows,
      cols,
    };
  }
  if (numel(target.shape) !== rows || target.shape.length > 1) {
    return whole(
      'targets',
      `expected ${rows} class indices or a (${rows}, ${cols}) probability table, got shape (${target.shape.join(', ')})`,
    );
  }
  return {
    input: matrix,
    target: tensor([rows], target.data),
    family: 'categorical',
    pastedShape: input.shape,
    targetKind: 'index',
    rows,
    cols,
  };
}

function binaryShapes(input: Tensor, target: Tensor): Shaped | FieldError {
  if (input.shape.length > 2)
    return whole('logits', 'the playground takes (N) or (N, K) tensors for binary losses');
  if (numel(target.shape) !== numel(input.shape)) {
    return whole(
      'targets',
      `binary losses take one target per input value: expected ${numel(input.shape)}, got ${numel(target.shape)} ` +
        '(torch: "target size must be the same as input size"); for class indices choose cross-entropy or NLL',
    );
  }
  const [rows, cols] =
    input.shape.length === 2 ? [input.shape[0]!, input.shape[1]!] : [numel(input.shape), 1];
  return {
    input,
    target: tensor(input.shape, target.data),
    family: 'binary',
    pastedShape: input.shape,
    targetKind: 'probability',
    rows,
    cols,
  };
}
