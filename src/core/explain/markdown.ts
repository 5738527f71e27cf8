/** Markdown building blocks that keep text taken from the user's file inert. */

/** Punctuation with a meaning in CommonMark/GFM (`<`/`>` so no HTML, `:` so no autolinks, `$` so no icons). */
const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&:$]/g;

/** Escapes text for inline Markdown; line breaks become spaces so the text cannot start a block. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(MARKDOWN_SPECIAL, (c) => `\\${c}`);
}

function longestBacktickRun(text: string): number {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  return longest;
}

/** A fenced code block whose fence is longer than any backtick run inside, so the code cannot close it. */
export function codeBlock(code: string, language = ''): string {
  const fence = '`'.repeat(Math.max(3, longestBacktickRun(code) + 1));
  return `${fence}${language}\n${code.replace(/\r\n?/g, '\n')}\n${fence}`;
}

/** Inline code span that survives backticks in the code (CommonMark: longer delimiter, padded with spaces). */
export function inlineCode(code: string): string {
  const oneLine = code.replace(/\s*[\r\n]+\s*/g, ' ');
  const ticks = '`'.repeat(longestBacktickRun(oneLine) + 1);
  return ticks.length === 1 ? `\`${oneLine}\`` : `${ticks} ${oneLine} ${ticks}`;
}

/** A `command:` link; the label must already be safe Markdown, the arguments are JSON-encoded and URI-escaped. */
export function commandLink(label: string, commandId: string, args: readonly unknown[]): string {
  return `[${label}](command:${commandId}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** A Markdown table; cells must already be safe Markdown. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Numbers as people read them: 4 decimals for |x| ≥ 1, 4 significant digits below. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const text = Math.abs(x) >= 1 || x === 0 ? x.toFixed(4) : x.toPrecision(4);
  // Trailing zeros of the digits only: 1e-10 is "1.000e-10", whose exponent keeps its 0.
  const [digits = text, exponent] = text.split('e');
  const trimmed = digits.includes('.') ? digits.replace(/0+$/, '').replace(/\.$/, '') : digits;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}
