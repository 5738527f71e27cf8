import type { Convention } from '../results';

/** A smoothing convention: ε and the target mass as functions of the true-class weight, the off weight and K. */
export interface Form {
  convention: Convention;
  /** ε and the target mass as functions of (hot, off, K). */
  eps: (hot: number, off: number, k: number) => number;
  mass: (hot: number, off: number, k: number) => number;
}

const uniformMass = (h: number, o: number, k: number) => h + k * o;
export const UNIFORM: Form = {
  convention: 'uniform',
  eps: (h, o, k) => (k * o) / (h + k * o),
  mass: uniformMass,
};
export const K_MINUS_1: Form = {
  convention: 'k_minus_1',
  eps: (h, o, k) => ((k - 1) * o) / (h + k * o),
  mass: uniformMass,
};
export const K_MINUS_2: Form = {
  convention: 'k_minus_2_padding',
  eps: (h, o, k) => ((k - 2) * o) / (h + (k - 1) * o),
  mass: (h, o, k) => h + (k - 1) * o,
};
