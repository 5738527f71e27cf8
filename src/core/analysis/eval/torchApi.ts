import { type ModuleContext, qualify } from '../bind';
import type { LossKind } from '../results';
import type { Arg, Expr } from '../syntax';

/** A torch loss or activation, as a function, a module class, or a tensor method. */
export interface TorchApi {
  kind: LossKind;
  form: 'functional' | 'module' | 'method';
  /** Positional parameter names, in torch's order. */
  params: readonly string[];
  /** The name as written at the call site (e.g. `F.cross_entropy`, `CE`, `.log_softmax`). */
  written: string;
}

const FUNCTIONAL: Record<string, readonly string[]> = {
  cross_entropy: [
    'input',
    'target',
    'weight',
    'size_average',
    'ignore_index',
    'reduce',
    'reduction',
    'label_smoothing',
  ],
  nll_loss: ['input', 'target', 'weight', 'size_average', 'ignore_index', 'reduce', 'reduction'],
  binary_cross_entropy: ['input', 'target', 'weight', 'size_average', 'reduce', 'reduction'],
  binary_cross_entropy_with_logits: [
    'input',
    'target',
    'weight',
    'size_average',
    'reduce',
    'reduction',
    'pos_weight',
  ],
  kl_div: ['input', 'target', 'size_average', 'reduce', 'reduction', 'log_target'],
  multilabel_soft_margin_loss: ['input', 'target', 'weight', 'size_average', 'reduce', 'reduction'],
  log_softmax: ['input', 'dim', '_stacklevel', 'dtype'],
  softmax: ['input', 'dim', '_stacklevel', 'dtype'],
};

const NLL_PARAMS = ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction'];

const MODULES: Record<string, { kind: LossKind; params: readonly string[] }> = {
  CrossEntropyLoss: {
    kind: 'cross_entropy',
    params: ['weight', 'size_average', 'ignore_index', 'reduce', 'reduction', 'label_smoothing'],
  },
  NLLLoss: { kind: 'nll_loss', params: NLL_PARAMS },
  // The 2-d alias torch kept (deprecated) until 2.x: the same loss on (N, C, H, W) inputs.
  NLLLoss2d: { kind: 'nll_loss', params: NLL_PARAMS },
  BCELoss: { kind: 'binary_cross_entropy', params: ['weight', 'size_average', 'reduce', 'reduction'] },
  BCEWithLogitsLoss: {
    kind: 'binary_cross_entropy_with_logits',
    params: ['weight', 'size_average', 'reduce', 'reduction', 'pos_weight'],
  },
  KLDivLoss: { kind: 'kl_div', params: ['size_average', 'reduce', 'reduction', 'log_target'] },
  MultiLabelSoftMarginLoss: {
    kind: 'binary_cross_entropy_with_logits',
    params: ['weight', 'size_average', 'reduce', 'reduction'],
  },
  LogSoftmax: { kind: 'log_softmax', params: ['dim'] },
  Softmax: { kind: 'softmax', params: ['dim'] },
};

/**
 * Torch losses that compute another one: the multi-label soft margin loss is BCE-with-logits averaged over the
 * classes, then over the batch (the same mean).
 */
const SAME_AS: Record<string, LossKind> = { multilabel_soft_margin_loss: 'binary_cross_entropy_with_logits' };

const METHODS: Record<string, LossKind> = { log_softmax: 'log_softmax', softmax: 'softmax' };

const TORCH_ROOTS = [
  'torch.nn.functional.',
  'torch.nn.modules.loss.',
  'torch.nn.modules.activation.',
  'torch.nn.',
  'torch.special.',
  'torch.',
];

/** Recognises a callee as a torch loss/activation through any import alias; null for anything else. */
export function resolveTorchApi(fn: Expr, mod: ModuleContext): TorchApi | null {
  const written = mod.text.slice(fn.from, fn.to);
  // TorchScript's code names torch's classes under `__torch__.` (`__torch__.torch.nn.modules.loss.KLDivLoss`).
  const name = qualify(fn, mod)?.replace(/^__torch__\./, '') ?? null;
  const root = name ? TORCH_ROOTS.find((r) => name.startsWith(r)) : undefined;
  if (name && root) {
    const short = name.slice(root.length);
    if (short in MODULES && root !== 'torch.nn.functional.' && root !== 'torch.') {
      return { ...MODULES[short], form: 'module', written };
    }
    const isFunctionalRoot =
      root === 'torch.nn.functional.' ||
      ((short === 'log_softmax' || short === 'softmax') && root !== 'torch.nn.');
    if (short in FUNCTIONAL && isFunctionalRoot)
      return {
        kind: (SAME_AS[short] ?? short) as LossKind,
        form: 'functional',
        params: FUNCTIONAL[short],
        written,
      };
    return null;
  }
  const onSelf = fn.kind === 'attr' && fn.obj.kind === 'name' && fn.obj.id === 'self';
  if (fn.kind === 'attr' && fn.name in METHODS && !onSelf && !name?.startsWith('torch')) {
    return { kind: METHODS[fn.name], form: 'method', params: ['dim', 'dtype'], written: `.${fn.name}` };
  }
  return null;
}

/** Positional and keyword arguments by parameter name. */
export function bindArgs(args: readonly Arg[], params: readonly string[]): Map<string, Arg> {
  const out = new Map<string, Arg>();
  let position = 0;
  for (const a of args) {
    if (a.star) continue;
    if (a.name) out.set(a.name === 'axis' ? 'dim' : a.name, a);
    else if (position < params.length) out.set(params[position++], a);
  }
  return out;
}
