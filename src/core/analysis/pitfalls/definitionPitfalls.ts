import type { DefinitionResult } from '../definitions';
import type { RawFinding } from '../raw';
export function definitionPitfalls(_r: DefinitionResult): RawFinding[] {
  return [];
}
