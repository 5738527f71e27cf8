/** Turns the state's texts (or synthetic spec) into checked tensors, or errors attached to the offending field. */
import { parseTensor } from '../parse';
import { numel, type Tensor, tensor } from '../tensor';
import { isBinaryLoss, type PlaygroundState } from './state';
import { syntheticTensors } from './synthetic';

export type FieldName = 'logits' | 'targets' | 'weights' | 'options';

/** 1-based position in the field's text (1:1 for whole-field problems such as shapes). */
export interface FieldError {
  field: FieldName;
  line: number;
  column: number;
  message: string;
}

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
}

export type Prepare = { ok: true; prepared: Prepared } | { ok: false; errors: FieldError[] };

const whole = (field: FieldName, message: string): FieldError => ({ field, line: 1, column: 1, message });

function parseField(text: string, field: FieldName): Tensor | FieldError {
  if (text.trim() === '') return whole(field, `paste the ${field}`);
  const parsed = parseTensor(text);
  return parsed.ok ? parsed.tensor : { field, ...parsed.error };
}

const isError = (v: Tensor | FieldError | undefined): v is FieldError => v !== undefined && 'field' in v;

function texts(state: PlaygroundState): [Tensor | FieldError, Tensor | FieldError] {
  if (!state.synthetic)
    return [parseField(state.logitsText, 'logits'), parseField(state.targetsText, 'targets')];
  const { input, target } = syntheticTensors(state.synthetic, isBinaryLoss(state.loss));
  return [input, target];
}

export function prepare(state: PlaygroundState): Prepare {
  const [input, target] = texts(state);
  const weight = state.weightText.trim() === '' ? undefined : parseField(state.weightText, 'weights');
  const errors = [input, target, weight].filter(isError);
  if (isError(input) || isError(target) || isError(weight)) return { ok: false, errors };
  const shaped = isBinaryLoss(state.loss) ? binaryShapes(input, target) : categoricalShapes(input, target);
  if ('field' in shaped) return { ok: false, errors: [shaped] };
  return { ok: true, prepared: { ...shaped, ...(weight ? { weight } : {}) } };
}

type Shaped = Omit<Prepared, 'weight'>;

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
