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
}
