import type { Span } from '../expr';
import type { RawEdit, RawFinding } from '../raw';

/** A pitfall finding at a span, with an optional safe fix. */
export function pitfall(
  span: Span,
  rule: string,
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
