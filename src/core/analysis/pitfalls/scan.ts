import type { Tree } from '@lezer/common';
import type { ModuleContext } from '../module';
import type { RawFinding } from '../raw';
export function scanPitfalls(_t: Tree, _m: ModuleContext): RawFinding[] {
  return [];
}
