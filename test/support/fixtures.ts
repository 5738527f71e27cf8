import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FixtureCase } from './evaluate-case';

/** The torch reference cases shared by the team (../shared/fixtures relative to the repo). */
export const TORCH_FIXTURES_PATH = join(
  __dirname,
  '..',
  '..',
  '..',
  'shared',
  'fixtures',
  'torch-losses.json',
);

export interface FixtureFile {
  about: string;
  torch: string;
  cases: FixtureCase[];
}

export function loadTorchFixtures(path = TORCH_FIXTURES_PATH): FixtureFile {
  return JSON.parse(readFileSync(path, 'utf8')) as FixtureFile;
}
