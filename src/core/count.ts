/** "1 value", "3 values": a count with its noun in the right number (nouns with a plain plural). */
export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
