import type { DefinitionResult } from './definitions';
import type { ModuleContext } from './module';
import type { RawFinding } from './raw';
export function callFindings(_m: ModuleContext, _r: DefinitionResult[]): RawFinding[] {
  return [];
}
