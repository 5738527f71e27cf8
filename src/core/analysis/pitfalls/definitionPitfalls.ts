import type { SyntaxNode } from '@lezer/common';
import type { DefinitionResult } from '../classify';
import type { RawFinding } from '../report';
import { K_MINUS_1_DOCUMENTED_AS_UNIFORM, WEIGHT_IN_LOG_PROBS } from '../results';
import type { Span } from '../syntax';
import { pitfall } from './pitfall';

/** Says ε/K or "uniform" in prose (docstrings and comments, not code); `uniform_smoothing.py` is a name, not a claim. */
const UNIFORM_PROSE =
  /\buniform\b(?![.(])|(?:eps(?:ilon)?|smoothing|alpha|ε|α)\s*\/\s*(?:K|N|n_?classes|num_classes|classes)\b/i;

export function definitionPitfalls(r: DefinitionResult): RawFinding[] {
  const out = r.loss.weightSpans.map((span) =>
    pitfall(
      span,
      WEIGHT_IN_LOG_PROBS,
      "Class weights multiplied into the log-probabilities: the loss is then averaged over N, while torch's weighted cross-entropy divides by Σ w[y_i] (and weights the smoothing term per class). Use the `weight=` argument of nn.CrossEntropyLoss / F.nll_loss to match torch.",
    ),
  );
  if (r.classification.convention === 'k_minus_1') {
    const prose = proseNodes(r.def.node).find((n) => UNIFORM_PROSE.test(r.ctx.mod.text.slice(n.from, n.to)));
    if (prose) {
      out.push(
        pitfall(
          prose,
          K_MINUS_1_DOCUMENTED_AS_UNIFORM,
          'The documentation describes uniform ε/K smoothing, but the code spreads ε over the K−1 wrong classes (ε/(K−1)); it equals uniform smoothing with ε·K/(K−1).',
        ),
      );
    }
  }
  return out;
}

/** Comments and docstrings inside a definition. */
function proseNodes(def: SyntaxNode): Span[] {
  const out: Span[] = [];
  const cur = def.cursor();
  while (cur.next() && cur.from < def.to) {
    const isDoc = cur.name === 'String' && cur.node.parent?.name === 'ExpressionStatement';
    if (cur.name === 'Comment' || isDoc) out.push({ from: cur.from, to: cur.to });
  }
  return out;
}
