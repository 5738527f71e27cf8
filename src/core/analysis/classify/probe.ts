/** Numeric probing, as the forms are matched: sample values for the symbols, and equality to a relative 1e-9. */

/** Values given to a mix's symbols (ε and the others) when it is evaluated at sample points. */
export const PROBE_VALUES = [0.137, 0.291, 0.413, 0.079, 0.353, 0.211];

const TOL = 1e-9;

export function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOL * Math.max(1, Math.abs(a), Math.abs(b));
}
