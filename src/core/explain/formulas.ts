import type { Convention, Finding, LossKind } from '../analysis/results';
import { CONVENTIONS, isSmoothingConvention } from '../smoothing';

/** What each torch function computes per row i (x = input, y = class index, t = target, w = weight). */
const TORCH_FORMULAS: Readonly<Record<Exclude<LossKind, 'custom'>, string>> = {
  cross_entropy: 'loss_i = w[y_i] · (logsumexp(x_i) − x_i[y_i])',
  nll_loss: 'loss_i = −w[y_i] · x_i[y_i]        (x must already be log-probabilities)',
  binary_cross_entropy: 'loss_i = −w_i · (t_i·log p_i + (1 − t_i)·log(1 − p_i))   (log clamped at −100)',
  binary_cross_entropy_with_logits: 'loss_i = −w_i · (pos_weight·t_i·log σ(x_i) + (1 − t_i)·log(1 − σ(x_i)))',
  kl_div: 'loss = Σ target · (log target − input)   (input: log-probabilities)',
  log_softmax: 'log_softmax(x)_c = x_c − logsumexp(x)',
  softmax: 'softmax(x)_c = exp(x_c) / Σ_k exp(x_k)',
};

const SMOOTHED_CROSS_ENTROPY = 'loss_i = −Σ_c q_ic · log_softmax(x_i)_c';

/** Target and loss lines for conventions the smoothing module does not model. */
const OTHER_CONVENTIONS: Readonly<Partial<Record<Convention, readonly string[]>>> = {
  k_minus_2_padding: [
    'q_i = 1 − ε on y_i, 0 on the padding class, ε/(K − 2) on every other class',
    SMOOTHED_CROSS_ENTROPY,
  ],
  prior: ['q_i = (1 − ε)·onehot(y_i) + ε·π   (π a distribution over the K classes)', SMOOTHED_CROSS_ENTROPY],
  soft_target: ['q_i = the given probability target (no smoothing)', SMOOTHED_CROSS_ENTROPY],
};

function conventionLines(convention: Convention | null): readonly string[] | null {
  if (convention && isSmoothingConvention(convention)) {
    const info = CONVENTIONS[convention];
    return [`q = ${info.target}`, `loss = ${info.loss}`];
  }
  return (convention && OTHER_CONVENTIONS[convention]) ?? null;
}

/** The computation in plain text (no KaTeX): one formula per line, for a fenced block. */
export function formulaFor(finding: Finding): string | null {
  const kind = finding.details?.lossKind ?? 'custom';
  const smoothing = conventionLines(finding.convention);
  if (kind === 'custom') return smoothing?.join('\n') ?? null;
  const base = TORCH_FORMULAS[kind];
  // A smoothed loss is fully described by its target q and loss; the plain torch formula would be a second "loss".
  return smoothing && finding.convention !== 'none' ? smoothing.join('\n') : base;
}
