// docs/ARCHITECTURE.md maps the analysis: every file of src/core/analysis is named there, so a new stage or module
// cannot arrive undocumented.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ANALYSIS = join(ROOT, 'src', 'core', 'analysis');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

describe('docs/ARCHITECTURE.md', () => {
  it('names every file of src/core/analysis', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');
    const missing = files(ANALYSIS)
      .map((f) => relative(ANALYSIS, f).split('/').at(-1) ?? f)
      .filter((name) => !doc.includes(`\`${name}\``));
    assert.deepEqual(missing, []);
  });
});
