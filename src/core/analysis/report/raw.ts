import type { Finding, SourceRange } from '../results';

/** A finding positioned by string offsets; converted to lines and columns once per analysis. */
export interface RawEdit {
  from: number;
  to: number;
  newText: string;
}

export interface RawFinding extends Omit<Finding, keyof SourceRange | 'fix'> {
  from: number;
  to: number;
  fix?: { title: string; edits: RawEdit[] };
  /** Offset of the constructor or definition a call refers to. */
  definedAt?: number;
  /** The criteria a loss that delegates to the criterion it is given is shown to wrap, and where each is built. */
  wrapped?: { criterion: string; at: number }[];
  /**
   * A definition's loss delegated to the criterion it is given (`lead`: what it is, `Loss class that delegates
   * to …`): the constructions of it in the file may show which (`resolvedByConstructions`).
   */
  delegates?: { lead: string; modulated: boolean; sites: 'constructions' | 'calls' };
}
