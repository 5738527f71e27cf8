/** A number box's text checked against its control's range before it reaches the state, which keeps its last good value. */

export interface NumberRule {
  min: number;
  max?: number;
  /** Whole numbers only (step 1). */
  integer: boolean;
}

/** The value to send, a refusal to show under the box, or neither while the text is not a number yet ("", "0."). */
export type NumberCheck = { value: number } | { refused: string } | Record<string, never>;

const shown = (x: number) => String(x);

export function checkNumber(text: string, rule: NumberRule): NumberCheck {
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { refused: `"${trimmed}" is not a number` };
  const range =
    rule.max === undefined ? `at least ${shown(rule.min)}` : `from ${shown(rule.min)} to ${shown(rule.max)}`;
  if (value < rule.min || (rule.max !== undefined && value > rule.max))
    return { refused: `${shown(value)} is out of range: ${range}; the last valid value is used` };
  if (rule.integer && !Number.isInteger(value))
    return { refused: `${shown(value)} is not a whole number; the last valid value is used` };
  return { value };
}

/** Shows or clears a box's refusal (its `<id>-error` element and aria-invalid). */
export function showNumberRefusal(input: HTMLInputElement, refused: string | undefined): void {
  const error = document.getElementById(`${input.id}-error`);
  if (refused) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
  if (error) error.textContent = refused ?? '';
}
