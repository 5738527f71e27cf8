// docs/ARCHITECTURE.md maps the analysis: every stage folder of src/core/analysis has an index.ts that says its job,
// and every file is named in the doc's paragraph for its stage, so a new stage or module cannot arrive undocumented.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
const ANALYSIS = join(ROOT, 'src', 'core', 'analysis');
const DOC = readFileSync(join(ROOT, 'docs', 'ARCHITECTURE.md'), 'utf8');

const stages = readdirSync(ANALYSIS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

/** The doc's numbered paragraph that opens with the stage's folder: "N. **Name** (`stage/`: …". */
function paragraph(stage: string): string {
  const start = DOC.search(new RegExp(`^\\d+\\. \\*\\*\\w+\\*\\* \\(\`${stage}/\``, 'm'));
  assert.ok(start >= 0, `no paragraph for ${stage}/`);
  const next = DOC.slice(start + 1).search(/^(\d+\. \*\*|\*\*|#)/m);
  return DOC.slice(start, next < 0 ? undefined : start + 1 + next);
}

describe('docs/ARCHITECTURE.md and the analysis stages', () => {
  it('has the stages the pipeline describes, and no file outside them but the public index', () => {
    assert.deepEqual([...stages].sort(), [
      'bind',
      'classify',
      'eval',
      'incremental',
      'pitfalls',
      'report',
      'results',
      'syntax',
    ]);
    const loose = readdirSync(ANALYSIS).filter((f) => f.endsWith('.ts'));
    assert.deepEqual(loose, ['index.ts']);
  });

  for (const stage of stages) {
    it(`${stage}/: an index.ts saying its job, and every file named in its paragraph`, () => {
      const index = readFileSync(join(ANALYSIS, stage, 'index.ts'), 'utf8');
      assert.match(index, /^\/\*\*\n \* \w+: /, 'the index opens with the stage and its job');
      assert.match(index, /The only entry to this stage/);
      const text = paragraph(stage);
      const missing = readdirSync(join(ANALYSIS, stage))
        .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
        .filter((f) => !text.includes(`\`${f}\``));
      assert.deepEqual(missing, []);
    });
  }
});
