/** Random playground states with tiny tensors: values that break naive code (0, 1, ±inf, nan, huge), any shape. */
import fc from 'fast-check';
import { formatTensor, type TensorFormat } from '../../src/core/parse';
import { PLAYGROUND_CONVENTIONS, PRIOR_SOURCES } from '../../src/core/playground/conventions';
import { reduce } from '../../src/core/playground/reducer';
import {
  DEFAULT_STATE,
  INPUT_KINDS,
  isBinaryLoss,
  PLAYGROUND_LOSSES,
  type PlaygroundState,
  REDUCTIONS,
} from '../../src/core/playground/state';
import { numel, type Tensor, tensor } from '../../src/core/tensor';

const value = fc.oneof(
  fc.constantFrom(0, 1, 0.5, -1, 2, 3, -100, 1e-320, 1e308, -1e308),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
  fc.double({ min: -50, max: 50, noNaN: true }),
  fc.integer({ min: -3, max: 6 }),
);

const shape = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 2, max: 5 })).map((s) => [...s]),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 5 })).map((s) => [...s]),
  },
  { weight: 2, arbitrary: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 3 }) },
);

const tensorOf = (s: fc.Arbitrary<number[]>): fc.Arbitrary<Tensor> =>
  s.chain((dims) =>
    fc.array(value, { minLength: numel(dims), maxLength: numel(dims) }).map((d) => tensor(dims, d)),
  );

const FORMATS: TensorFormat[] = ['torch', 'numpy', 'json', 'python', 'csv', 'tsv', 'whitespace'];

/** A tensor written in any format, or now and then text that is not one. */
const text = (t: fc.Arbitrary<Tensor>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 16, arbitrary: fc.tuple(t, fc.constantFrom(...FORMATS)).map(([v, f]) => formatTensor(v, f)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '[]', 'tensor([], size=(0, 3))', 'a,b\n1,2\n', ',x\n0,1\n') },
  );

/** Targets that fit the input and loss most of the time: class indices, a same-shaped table, or anything. */
const targetsFor = (input: Tensor, binary: boolean): fc.Arbitrary<string> => {
  const rows = input.shape.length === 2 ? input.shape[0]! : 1;
  const classes = input.shape.at(-1) ?? 1;
  const indices = fc
    .array(fc.integer({ min: -1, max: classes }), { minLength: rows, maxLength: rows })
    .map((d) => tensor([rows], d));
  const sameShape = tensorOf(fc.constant([...input.shape]));
  return fc.oneof(
    { weight: binary ? 1 : 5, arbitrary: text(indices) },
    { weight: binary ? 8 : 4, arbitrary: text(sameShape) },
    { weight: 1, arbitrary: text(tensorOf(shape)) },
  );
};

export const playgroundState: fc.Arbitrary<PlaygroundState> = fc
  .tuple(tensorOf(shape), fc.constantFrom(...PLAYGROUND_LOSSES))
  .chain(([input, loss]) =>
    fc
      .record({
        inputKind: fc.constantFrom(...INPUT_KINDS),
        convention: fc.constantFrom(...PLAYGROUND_CONVENTIONS),
        priorSource: fc.constantFrom(...PRIOR_SOURCES),
        priorText: fc.oneof(
          { weight: 3, arbitrary: fc.constant('') },
          { weight: 6, arbitrary: text(tensorOf(fc.constant([input.shape.at(-1) ?? 1]))) },
          { weight: 1, arbitrary: text(tensorOf(shape)) },
        ),
        reduction: fc.constantFrom(...REDUCTIONS),
        epsilon: fc.oneof(fc.constantFrom(0, 0.1, 1), fc.double({ min: 0, max: 1, noNaN: true })),
        ignoreIndex: fc.constantFrom(-100, -100, 0, 1, -1),
        temperature: fc.constantFrom(1, 1, 0.5, 2, 1e-3, 1e3),
        logitsText: fc.oneof(
          { weight: 9, arbitrary: fc.constantFrom(...FORMATS).map((f) => formatTensor(input, f)) },
          { weight: 1, arbitrary: text(tensorOf(shape)) },
        ),
        targetsText: targetsFor(input, isBinaryLoss(loss)),
        weightText: fc.oneof(
          { weight: 6, arbitrary: fc.constant('') },
          { weight: 3, arbitrary: text(tensorOf(fc.constant([input.shape.at(-1) ?? 1]))) },
          { weight: 1, arbitrary: text(tensorOf(shape)) },
        ),
        row: fc.integer({ min: 0, max: 5 }),
        bins: fc.integer({ min: 2, max: 50 }),
      })
      .map((patch) => reduce(DEFAULT_STATE, { type: 'patch', patch: { ...patch, loss } })),
  );
