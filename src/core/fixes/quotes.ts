/** The file's string quote style, so inserted literals look like the code around them. */

export type Quote = "'" | '"';

/** The quote most one-line string literals in `text` use (docstrings and comments aside); undefined on a tie. */
export function preferredQuote(text: string): Quote | undefined {
  let single = 0;
  let double = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '#') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === "'" || c === '"') {
      if (text.startsWith(c.repeat(3), i)) {
        const end = text.indexOf(c.repeat(3), i + 3);
        i = end < 0 ? text.length : end + 2;
        continue;
      }
      if (c === "'") single++;
      else double++;
      i = closingQuote(text, i, c);
    }
  }
  return single === double ? undefined : single > double ? "'" : '"';
}

function closingQuote(text: string, open: number, quote: string): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote || text[i] === '\n') return i;
  }
  return text.length;
}

/** Rewrites `'…'` literals without quotes inside to the file's style. */
export function inQuoteStyle(code: string, quote: Quote | undefined): string {
  if (quote !== '"') return code;
  return code.replace(/'([^'"\\\n]*)'/g, '"$1"');
}
