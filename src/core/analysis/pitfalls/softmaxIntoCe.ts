import type { SyntaxNode } from '@lezer/common';
import type { ModuleContext } from '../bind';
import { bindArgs, resolveTorchApi } from '../eval';
import type { CallExpr, RawFinding } from '../report';
import { LOG_SOFTMAX_INTO_CROSS_ENTROPY, SOFTMAX_INTO_CROSS_ENTROPY } from '../results';
import type { Arg } from '../syntax';
import { moduleOutput } from './moduleOutput';
import { pitfall } from './pitfall';
import { traceSource } from './source';

/** cross_entropy applies log_softmax itself: feeding it probabilities or log-probabilities normalises twice. */
export function softmaxIntoCrossEntropy(input: Arg, node: SyntaxNode, mod: ModuleContext): RawFinding[] {
  const { value, direct, reshaped } = traceSource(input.value, node, mod);
  if (value.kind !== 'call') return [];
  const api = resolveTorchApi(value.fn, mod);
  if (!api) return moduleSoftmax(input, value, node, mod);
  if (api.kind !== 'softmax' && api.kind !== 'log_softmax') return [];
  const logits =
    api.form === 'method' && value.fn.kind === 'attr'
      ? value.fn.obj
      : bindArgs(value.args, api.params).get('input')?.value;
  const logitsText = logits ? mod.text.slice(logits.from, logits.to) : null;
  const simple = logits && (logits.kind === 'name' || logits.kind === 'attr');
  const fix =
    logitsText && (direct || simple) && !reshaped
      ? {
          title: 'Pass the logits (cross_entropy applies log_softmax itself)',
          edits: [{ from: input.value.from, to: input.value.to, newText: logitsText }],
        }
      : undefined;
  return [normalisedTwice(input, api.kind === 'log_softmax', fix)];
}

/** The input comes from a module ending in `nn.Softmax` / `nn.LogSoftmax` (a layer, or a Sequential's last). */
function moduleSoftmax(input: Arg, value: CallExpr, node: SyntaxNode, mod: ModuleContext): RawFinding[] {
  const output = moduleOutput(value.fn, node, mod);
  if (output !== 'softmax' && output !== 'log_softmax') return [];
  return [normalisedTwice(input, output === 'log_softmax')];
}

function normalisedTwice(input: Arg, isLog: boolean, fix?: RawFinding['fix']): RawFinding {
  return pitfall(
    input,
    isLog ? LOG_SOFTMAX_INTO_CROSS_ENTROPY : SOFTMAX_INTO_CROSS_ENTROPY,
    isLog
      ? 'cross_entropy already applies log_softmax; passing log-probabilities gives the right loss only by accident of idempotence and hides intent. Pass the logits, or use nll_loss on log-probabilities.'
      : 'cross_entropy applies log_softmax to its input; feeding softmax probabilities squashes the gradients and gives the wrong loss. Pass the raw logits.',
    fix,
  );
}
