import type { RawEdit, RawFinding } from '../report';
import type { RuleId } from '../results';
import type { Span } from '../syntax';

/** A pitfall finding at a span, with an optional safe fix. */
export function pitfall(
  span: Span,
  rule: RuleId,
  message: string,
  fix?: { title: string; edits: RawEdit[] },
): RawFinding {
  return {
    from: span.from,
    to: span.to,
    kind: 'pitfall',
    symbol: null,
    convention: null,
    epsilon: null,
    epsilonParam: null,
    torchEquivalent: null,
    rule,
    message,
    ...(fix ? { fix } : {}),
  };
}
